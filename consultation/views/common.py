"""What the consultation views share: fetching a request the user may see, going back to it with the form's
errors, and holding a text for the anonymity check."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

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


def back_to(req, anchor=""):
    """Redirect to the request's page, at `anchor` (the section the form was in)."""
    return redirect(reverse("consultation:request_detail", args=[req.public_id]) + anchor)


def form_invalid(request, req, form, anchor):
    """Back to the form's section with one message per error, each naming its field."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)
    return back_to(req, anchor)


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
