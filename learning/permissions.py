"""Who may do what in the learning loop. Views, forms, the admin and templates all ask here."""

from casebook import roles
from casebook.visibility import can_see

from .models import Lesson, Status
from .visibility import can_see_lesson


def can_write_lesson(user):
    """Professionals (and the roles above them) draft and submit lessons."""
    return roles.has_role(user, roles.MEMBER, roles.EDITOR, roles.MODERATOR, roles.ADMIN)


def can_write_reflection(user):
    """Ervaringsdeskundigen write reflections (invited people without an account use an invitation instead)."""
    return roles.has_role(user, roles.ERVARINGSDESKUNDIGE, roles.ADMIN)


def can_moderate(user):
    """Invite, build agendas, run meetings, decide."""
    return roles.is_moderator(user)


def is_author(user, contribution):
    return user.is_authenticated and contribution.author_id == user.pk


def can_edit(user, contribution):
    return is_author(user, contribution) and contribution.is_editable_by_author


def can_view(user, contribution):
    """Published: anyone who may see what it is about. Otherwise its author, and moderators once submitted.

    A draft is its author's alone: not even moderators see it.
    """
    if is_author(user, contribution):
        return True
    if contribution.is_published:
        if isinstance(contribution, Lesson):
            return can_see_lesson(user, contribution)
        if contribution.case_id:
            return can_see(user, contribution.case)
        return contribution.lesson_id is not None and can_see_lesson(user, contribution.lesson)
    return can_moderate(user) and contribution.status != Status.DRAFT
