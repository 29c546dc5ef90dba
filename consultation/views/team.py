"""The coordinator's actions: triage, inviting experts, writing the advice, the family link, the draft case."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions, services
from ..forms import AdviceForm, AskInformationForm, ReferForm
from ..models import ExpertAccount
from ..to_case import make_draft_case
from .common import back_to, form_invalid, get_request, text_held_for_check


@login_required
@require_POST
def accept(request, public_id):
    req = get_request(request, public_id, check=permissions.can_triage)
    services.accept(req, request.user)
    messages.success(request, _("De vraag is in behandeling genomen."))
    return back_to(req)


@login_required
@require_POST
def refer(request, public_id):
    req = get_request(request, public_id, check=permissions.can_triage)
    form = ReferForm(request.POST, exclude_team=req.receiver)
    if not form.is_valid():
        return form_invalid(request, req, form, "#triage")
    copy = services.refer(req, request.user, form.cleaned_data["team"], form.cleaned_data["note"])
    messages.success(request, _("Doorverwezen naar %(team)s.") % {"team": copy.receiver.display_name})
    return redirect("consultation:request_list")


@login_required
@require_POST
def ask_information(request, public_id):
    req = get_request(request, public_id, check=permissions.can_triage)
    form = AskInformationForm(request.POST)
    if not form.is_valid():
        return form_invalid(request, req, form, "#triage")
    services.ask_for_information(req, request.user, form.cleaned_data["question"])
    messages.success(request, _("De vraag is teruggestuurd naar de aanvrager voor aanvulling."))
    return redirect("consultation:request_list")


@login_required
@require_POST
def invite(request, public_id):
    req = get_request(request, public_id, check=permissions.can_invite)
    account = ExpertAccount.objects.filter(user_id=request.POST.get("expert") or None).select_related(
        "user", "profile").first()
    if account is None or not account.profile.live:
        messages.error(request, _("Expert: kies een expert met een account uit de lijst."))
        return back_to(req, "#experts")
    services.invite(req, request.user, account.user, account.profile)
    messages.success(request, _("%(name)s is uitgenodigd.") % {"name": account.profile.title})
    return back_to(req, "#experts")


@login_required
@require_POST
def write_advice(request, public_id):
    req = get_request(request, public_id, check=permissions.can_write_advice)
    form = AdviceForm(request.POST, instance=getattr(req, "advice", None))
    if not form.is_valid():
        return form_invalid(request, req, form, "#advies")
    held = text_held_for_check(request, req, form, action=reverse("consultation:write_advice", args=[req.public_id]),
                               submit_label=_("Advies vastleggen"))
    if held:
        return held
    fields = {name: value for name, value in form.cleaned_data.items() if name != "checked_anyway"}
    services.write_advice(req, request.user, **fields)
    messages.success(request, _("Het advies is vastgelegd en de aanvrager is op de hoogte gebracht."))
    return back_to(req, "#advies")


@login_required
@require_POST
def family_link(request, public_id):
    req = get_request(request, public_id)
    if not (permissions.is_coordinator(request.user, req) or permissions.is_requester(request.user, req)):
        raise PermissionDenied
    req.family_link_enabled = request.POST.get("enable") == "1"
    req.save(update_fields=["family_link_enabled"])
    return back_to(req, "#advies")


@login_required
@require_POST
def make_case(request, public_id):
    req = get_request(request, public_id, check=permissions.can_make_case)
    make_draft_case(req, request.user)
    messages.success(request, _("Er is een conceptcasus gemaakt. Een redacteur vult hem aan; hij wordt pas "
                                "gepubliceerd als de anonimiteitscontrole geen open bevindingen meer heeft."))
    return back_to(req)


