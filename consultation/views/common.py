from django.core.exceptions import PermissionDenied
from django.http import Http404

from .. import permissions
from ..audit_log import record_view


def get_request(request, public_id, *, check=None, audit=None):
    """The request if this user may see it (and do `check`), else 404: a stranger learns nothing, not even that
    the request exists. `audit` names the view in the read log."""
    req = permissions.visible_requests(request.user).filter(public_id=public_id).select_related(
        "team__area", "centre", "requester", "age_band").first()
    if req is None:
        raise Http404
    if check is not None and not check(request.user, req):
        raise PermissionDenied
    if audit:
        record_view(request.user, req, audit)
    return req


