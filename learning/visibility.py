"""Who may read a published lesson, and the reflections on it (issue 9, finding 5).

A lesson is never wider than the cases it comes from unless a meeting chose so, with a reason in the minutes. And
a lesson that names a case lives only as long as that case is published: withdrawing a case (often because
something in it was identifying) takes its lessons off the site too, whose themes carry the case's classification;
publishing the case again brings them back (trial finding F16). A lesson that names no case stands on its own.

Every list, page, feed, count and search document of lessons goes through `shown_lessons` (what the site may show
to anyone at all) and, per reader, `visible_lessons` / `can_see_lesson`.
"""

from casebook.visibility import allowed_visibilities, is_wider, most_restrictive


def default_visibility(lesson):
    """The narrowest visibility of the lesson's cases; public when it comes from none."""
    return most_restrictive(case.visibility for case in lesson.cases.all())


def needs_reason(lesson, visibility):
    return bool(visibility) and is_wider(visibility, default_visibility(lesson))


def without_withdrawn_cases(contributions):
    """The lessons or reflections in `contributions` that are not about a withdrawn (unpublished) case: a lesson
    none of whose cases is withdrawn; a reflection on a published case, or on such a lesson."""
    from .models import Lesson

    if contributions.model is Lesson:
        return contributions.exclude(cases__live=False)
    return contributions.exclude(case__live=False).exclude(lesson__cases__live=False)


def shown_lessons():
    """Accepted, published lessons none of whose cases has been withdrawn."""
    from .models import Lesson

    return without_withdrawn_cases(Lesson.objects.published())


def visible_lessons(user):
    return lessons_visible_to(allowed_visibilities(user))


def lessons_visible_to(allowed):
    """The lessons a user with these visibilities (casebook.visibility.allowed_visibilities) may read; the database
    search asks it with the visibilities it was given."""
    return shown_lessons().filter(visibility__in=list(allowed))


def can_see_lesson(user, lesson):
    return (lesson.is_published and lesson.visibility in allowed_visibilities(user)
            and shown_lessons().filter(pk=lesson.pk).exists())


def about_withdrawn_case(contribution):
    """True when a lesson or reflection is about a withdrawn case (directly, or through the lesson a reflection is
    about): it is not sent to, or put before, a meeting (trial finding F19) until the case is published again."""
    same = type(contribution).objects.filter(pk=contribution.pk)
    return contribution.pk is not None and not without_withdrawn_cases(same).exists()
