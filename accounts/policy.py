"""Who counts as privileged, and how long a session may stay idle."""

from datetime import timedelta

from django.conf import settings

from casebook import roles


def is_privileged(user):
    """Editors, moderators and admins see restricted cases and run the admin: they need a second factor and
    short-lived sessions."""
    return user.is_authenticated and (
        user.is_superuser or user.is_staff or roles.has_role(user, roles.EDITOR, roles.MODERATOR, roles.ADMIN)
    )


def idle_timeout(user):
    seconds = settings.PRIVILEGED_SESSION_IDLE_TIMEOUT if is_privileged(user) else settings.SESSION_IDLE_TIMEOUT
    return timedelta(seconds=seconds)
