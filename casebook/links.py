"""Absolute links to this site. One rule for every link that leaves a page (copied, mailed or printed):
the address of the request in hand when there is one, so a link works on the site the person is using; otherwise
(e-mails sent by services, management commands) the one configured address, WAGTAILADMIN_BASE_URL."""

from django.conf import settings


def absolute_url(path, request=None):
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
