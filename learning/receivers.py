"""Learning's answers to what the casebook announces (casebook/signals.py); wired in LearningConfig.ready()."""


def lessons_from_import(page, lessons, user=None, **_kwargs):
    """Lessons that arrive with an imported case go to the network's review as submitted lessons."""
    from . import services

    services.import_case_lessons(page, lessons, user=user)


def lessons_from_batch_import(items, user=None, **_kwargs):
    """The same for a batch of imported cases (casebook's cases_imported)."""
    from . import services

    services.import_cases_lessons(items, user=user)


def demo_meeting(**_kwargs):
    from . import demo

    return demo.demo_meeting()


def remember_case_visibility(sender, instance, update_fields=None, **_kwargs):
    """Before a case is saved: the visibility it had, so the save can tell whether it narrowed. Saves that name
    their fields without it (every save_revision does) cannot change it: no query for those."""
    if not instance.pk or (update_fields is not None and "visibility" not in update_fields):
        instance._visibility_before = None
        return
    instance._visibility_before = sender.objects.filter(pk=instance.pk).values_list("visibility", flat=True).first()


def narrow_lessons_with_their_case(sender, instance, **_kwargs):
    """A case that narrows (public → network → restricted) takes its published lessons with it: a lesson is never
    wider than its narrowest case unless a meeting decided so, and that decision was about the case as it was then.
    A meeting can widen the lesson again, with a reason in its minutes."""
    import logging

    from casebook.visibility import is_wider

    from .visibility import default_visibility

    before = getattr(instance, "_visibility_before", None)
    if not before or not is_wider(before, instance.visibility):
        return
    for lesson in instance.network_lessons.all():
        narrowest = default_visibility(lesson)
        if is_wider(lesson.visibility, narrowest):
            logging.getLogger("doorbraak.learning").info(
                "lesson %s narrowed from %s to %s with case %s", lesson.pk, lesson.visibility, narrowest, instance.pk)
            lesson.visibility = narrowest
            # Published as a revision like a meeting's decision: the live version, its history and the search
            # index (through Wagtail's `published` signal) all say the narrower visibility.
            lesson.save_revision(log_action=True).publish(skip_permission_checks=True)


def withdraw_lessons_of_deleted_case(sender, instance, **_kwargs):
    """A deleted case takes its published lessons offline: they follow its publication (learning.visibility), and
    once the case is gone nothing would say they came from it. Unpublished through Wagtail, so history and the
    search index (its `unpublished` signal) say so too; a meeting or the CMS can publish one again."""
    from .models import Lesson

    for lesson in Lesson.objects.published().filter(cases=instance):
        lesson.unpublish(log_action=True)
