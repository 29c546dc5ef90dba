"""Opening, editing, sending, reading and withdrawing a consultation request."""

from django.contrib import messages
from django.db.models import Q
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from anonymity.service import AnonymityCheckUnavailable

from .. import metrics, permissions, services, teams as team_directory
from ..audit_log import views_of
from ..forms import AdviceForm, AskInformationForm, FollowUpForm, MessageForm, ReferForm, RequestForm, SubmitForm
from ..models.requests import asked
from .common import get_request


@login_required
def request_list(request):
    user = request.user
    visible = permissions.visible_requests(user).select_related("team", "centre")
    teams = team_directory.coordinated_by(user)
    overdue = [fu for team in teams for fu in services.overdue_follow_ups(team)]
    times = metrics.team_response_times(teams)
    for_teams = Q(pk__in=[])
    for team in teams:
        for_teams |= asked(team)
    return render(request, "consultation/request_list.html", {
        "mine": visible.filter(requester=user),
        "for_team": visible.filter(for_teams).exclude(requester=user),
        "invited": visible.filter(invitations__expert=user).exclude(requester=user).exclude(for_teams),
        "overdue": overdue,
        "may_open": permissions.can_open_request(user),
        "teams": [(team, times.get(team.team_key)) for team in teams],
    })


@login_required
def request_create(request):
    if not permissions.can_open_request(request.user):
        raise PermissionDenied
    initial = {}
    team = team_directory.from_slug(request.GET.get("team", ""), request.GET.get("centrum", ""))
    if team:
        initial["team"] = team.team_key
    form = RequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        req = form.save(commit=False)
        req.requester = request.user
        req.save()
        form.save_m2m()
        messages.success(request, _("Uw vraag is als concept bewaard. Controleer en verstuur hem hieronder."))
        return redirect("consultation:request_submit", req.public_id)
    return render(request, "consultation/request_form.html", {"form": form})


@login_required
def request_edit(request, public_id):
    req = get_request(request, public_id, check=permissions.can_edit, audit="edit")
    form = RequestForm(request.POST or None, instance=req)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("consultation:request_submit", req.public_id)
    return render(request, "consultation/request_form.html", {"form": form, "req": req})


@login_required
def request_submit(request, public_id):
    """Shows the anonymity check's findings before sending; sending past them needs a recorded reason."""
    req = get_request(request, public_id, check=permissions.can_edit, audit="submit")
    form = SubmitForm(request.POST if request.method == "POST" else None)
    findings, unavailable = {}, False
    try:
        if request.method == "POST" and form.is_valid():
            findings = services.submit(req, request.user, form.cleaned_data["override_reason"])
            if not findings:
                messages.success(request, _("Uw vraag is verstuurd naar %(team)s.")
                                 % {"team": req.receiver.display_name})
                return redirect("consultation:request_detail", req.public_id)
            messages.error(request, _("Niet verstuurd: de vraag bevat mogelijk herkenbare gegevens."))
        else:
            findings = services.anonymity_findings(req)
    except AnonymityCheckUnavailable:
        unavailable = True
        messages.error(request, _("De anonimiteitscontrole is nu niet bereikbaar; uw vraag is niet verstuurd. "
                                  "Probeer het later opnieuw."))
    labels = dict((name, req._meta.get_field(name).verbose_name) for name in req.texts())
    return render(request, "consultation/request_submit.html", {
        "req": req, "form": form, "unavailable": unavailable,
        "findings": [(labels[name], found) for name, found in findings.items()],
    })


@login_required
def request_detail(request, public_id):
    req = get_request(request, public_id, audit="request")
    user = request.user
    from ..suggestions import suggest_experts

    can_invite = permissions.can_invite(user, req)
    advice = getattr(req, "advice", None)
    open_follow_up = req.follow_ups.filter(answered_at__isnull=True).first()
    messages_by_parent = {}
    for message in req.messages.select_related("author"):
        messages_by_parent.setdefault(message.parent_id, []).append(message)
    return render(request, "consultation/request_detail.html", {
        "req": req,
        "history": req.state_changes.select_related("by"),
        "threads": [(m, messages_by_parent.get(m.pk, [])) for m in messages_by_parent.get(None, [])],
        "invitations": req.invitations.select_related("expert", "profile"),
        "advice": advice,
        "follow_ups": req.follow_ups.prefetch_related("stuck_reasons"),
        "is_coordinator": permissions.is_coordinator(user, req),
        "can_withdraw": permissions.can_withdraw(user, req),
        "can_edit": permissions.can_edit(user, req),
        "can_triage": permissions.can_triage(user, req),
        "can_invite": can_invite,
        "can_post": permissions.can_post_message(user, req),
        "can_write_advice": permissions.can_write_advice(user, req),
        "can_make_case": permissions.can_make_case(user, req),
        "suggestions": suggest_experts(req, user) if can_invite else [],
        "refer_form": ReferForm(exclude_team=req.receiver),
        "ask_form": AskInformationForm(),
        "message_form": MessageForm(),
        "advice_form": AdviceForm(instance=advice),
        "follow_up": open_follow_up if permissions.can_answer_follow_up(user, req) else None,
        "follow_up_form": FollowUpForm(instance=open_follow_up) if open_follow_up else None,
        "audit": views_of(req)[:50] if permissions.can_read_audit(user, req) else None,
    })


@login_required
@require_POST
def request_withdraw(request, public_id):
    req = get_request(request, public_id, check=permissions.can_withdraw)
    services.withdraw(req, request.user)
    messages.success(request, _("Uw vraag is teruggetrokken en de inhoud is verwijderd."))
    return redirect("consultation:request_list")
