"""Who may read a published lesson, and the reflections on it (issue 9, finding 5).

A lesson is never wider than the cases it comes from unless a meeting chose so, with a reason in the minutes.
Every list, page, feed and search document of lessons goes through `visible_lessons` / `can_see_lesson`.
"""

from casebook.visibility import allowed_visibilities, is_wider, most_restrictive


def default_visibility(lesson):
    """The narrowest visibility of the lesson's cases; public when it comes from none."""
    return most_restrictive(case.visibility for case in lesson.cases.all())


def needs_reason(lesson, visibility):
    return bool(visibility) and is_wider(visibility, default_visibility(lesson))


def visible_lessons(user):
    return lessons_visible_to(allowed_visibilities(user))


def lessons_visible_to(allowed):
    """The published lessons a user with these visibilities (casebook.visibility.allowed_visibilities) may read;
    the database search asks it with the visibilities it was given."""
    from .models import Lesson

    return Lesson.objects.published().filter(visibility__in=list(allowed))


def can_see_lesson(user, lesson):
    return lesson.is_published and lesson.visibility in allowed_visibilities(user)
