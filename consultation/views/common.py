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




def text_held_for_check(request, req, form, *, action, submit_label):
    """The anonymity check on what a participant writes (a message, the advice): a page with the findings and the
    text still in the form when something may be identifying, or None to go on and save. Nothing typed is lost, and
    sending anyway needs the writer's confirmation. When the check cannot run, the writer rereads it instead."""
    from django.shortcuts import render

    from anonymity.service import AnonymityCheckUnavailable

    from .. import services

    if form.cleaned_data.get("checked_anyway"):
        return None
    try:
        findings = services.text_findings(form.texts())
    except AnonymityCheckUnavailable:
        findings, unavailable = {}, True
    else:
        unavailable = False
        if not findings:
            return None
    labels = {name: form.fields[name].label for name in form.texts()}
    return render(request, "consultation/text_check.html", {
        "req": req, "form": form, "action": action, "submit_label": submit_label, "unavailable": unavailable,
        "findings": [(labels[name], found) for name, found in findings.items()],
    })
