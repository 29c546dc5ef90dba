"""Who may see which case: the only place that decides it.

Views, feeds, browse pages, search (results, totals, facets, suggestions) and similar-case lists all filter through
`allowed_visibilities` or `visible_cases`, so a `network` or `restricted` case leaves no trace for someone who may
not see it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import roles


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Openbaar")
    NETWORK = "network", _("Netwerk (ingelogde leden)")
    RESTRICTED = "restricted", _("Beperkt (redacteuren en moderatoren)")


def allowed_visibilities(user):
    if user is None or not user.is_authenticated:
        return [Visibility.PUBLIC.value]
    if roles.is_editor(user) or roles.is_moderator(user):
        return [Visibility.PUBLIC.value, Visibility.NETWORK.value, Visibility.RESTRICTED.value]
    if roles.is_member(user):
        return [Visibility.PUBLIC.value, Visibility.NETWORK.value]
    # Signed in without any role (e.g. an invited account not yet approved): public only.
    return [Visibility.PUBLIC.value]


def can_see(user, page):
    return page.live and page.visibility in allowed_visibilities(user)


def visible_cases(user):
    from .models import CasePage

    return CasePage.objects.live().filter(visibility__in=allowed_visibilities(user))


# From widest to narrowest: anything derived from cases takes the narrowest of theirs.
_WIDTH = [Visibility.PUBLIC.value, Visibility.NETWORK.value, Visibility.RESTRICTED.value]


def most_restrictive(visibilities, default=Visibility.PUBLIC.value):
    """The narrowest of `visibilities` (`default` when there are none)."""
    values = [v for v in visibilities if v in _WIDTH]
    return max(values, key=_WIDTH.index) if values else default


def is_wider(visibility, than):
    """True when `visibility` shows to more people than `than`."""
    return _WIDTH.index(visibility) < _WIDTH.index(than)
