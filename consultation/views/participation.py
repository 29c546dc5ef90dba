"""Taking part: the threaded discussion, the follow-up, and the family's read link to the advice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions, services
from ..forms import FollowUpForm, MessageForm
from ..models import ConsultationRequest, State
from .common import back_to, form_invalid, get_request, text_held_for_check


@login_required
@require_POST
def post_message(request, public_id):
    req = get_request(request, public_id, check=permissions.can_post_message)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return form_invalid(request, req, form, "#gesprek")
    held = text_held_for_check(request, req, form, action=reverse("consultation:post_message", args=[req.public_id]),
                               submit_label=_("Bericht plaatsen"))
    if held:
        return held
    parent = req.messages.filter(pk=form.cleaned_data["parent"] or 0, parent__isnull=True).first()
    message = services.post_message(req, request.user, form.cleaned_data["body"], parent)
    return back_to(req, f"#bericht-{message.pk}")


@login_required
@require_POST
def follow_up(request, public_id):
    req = get_request(request, public_id, check=permissions.can_answer_follow_up)
    open_follow_up = req.follow_ups.filter(answered_at__isnull=True).first()
    if open_follow_up is None:
        raise Http404
    form = FollowUpForm(request.POST, instance=open_follow_up)
    if not form.is_valid():
        return form_invalid(request, req, form, "#opvolging")
    services.answer_follow_up(open_follow_up, request.user, carried_out=form.cleaned_data["carried_out"],
                              what_happened=form.cleaned_data["what_happened"],
                              stuck_reasons=form.cleaned_data["stuck_reasons"])
    messages.success(request, _("Dank u: de opvolging is vastgelegd."))
    return back_to(req, "#opvolging")


def family_read(request, token):
    """The advice in plain language, for requester and family, without signing in. Only the B1 summary and the
    agreements: not the question, the situation or the discussion."""
    req = ConsultationRequest.objects.filter(family_token=token, family_link_enabled=True).select_related(
        "team", "centre", "advice").first()
    if req is None or not hasattr(req, "advice") or req.state == State.WITHDRAWN:
        raise Http404
    response = render(request, "consultation/family_read.html", {"req": req, "advice": req.advice})
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
