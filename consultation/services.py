"""What happens to a consultation request: every state change goes through transition(), which records it.

Views check consultation.permissions first; these functions assume the caller may do what it asks.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notifications
from .models import (
    CLOSED_STATES, TRANSITIONS, Advice, ConsultationRequest, FollowUp, Invitation, Message, State, StateChange,
)
from .models.requests import asked

FOLLOW_UP_WEEKS = (6, 12)
WITHDRAWN_TEXT = "—"


class NotAllowed(Exception):
    pass


def transition(req, to_state, by=None, note="", at=None):
    if to_state not in TRANSITIONS[State(req.state)]:
        raise NotAllowed(_("Van '%(from)s' kan een vraag niet naar '%(to)s'.")
                         % {"from": State(req.state).label, "to": State(to_state).label})
    at = at or timezone.now()
    StateChange.objects.create(request=req, from_state=req.state, to_state=to_state, at=at, by=by, note=note[:300])
    req.state = to_state
    fields = ["state"]
    if to_state == State.SUBMITTED:
        req.submitted_at = at
        fields.append("submitted_at")
    if to_state in CLOSED_STATES:
        req.closed_at = at
        fields.append("closed_at")
    req.save(update_fields=fields)


def anonymity_findings(req):
    """Findings per field; raises anonymity.service.AnonymityCheckUnavailable when the check cannot run."""
    return text_findings(req.texts())


def text_findings(texts):
    """The anonymity check's findings per named text, only the texts with findings (same exception as above)."""
    from anonymity.service import check_fields

    texts = {name: text for name, text in texts.items() if text and text.strip()}
    return {name: found for name, found in check_fields(texts).items() if found} if texts else {}


def submit(req, user, override_reason=""):
    """Send the request to its team. Returns the findings that stopped it ({} when it was sent)."""
    findings = anonymity_findings(req)
    if findings and not override_reason.strip():
        return findings
    with transaction.atomic():
        if findings:
            req.anonymity_override_reason = override_reason.strip()
            req.anonymity_override_kinds = ",".join(sorted({f.kind for found in findings.values() for f in found}))
        else:
            req.anonymity_override_reason = req.anonymity_override_kinds = ""
        req.save(update_fields=["anonymity_override_reason", "anonymity_override_kinds"])
        transition(req, State.SUBMITTED, by=user, note=StateChange.OVERRIDE if findings else "")
    notifications.new_request(req)
    return {}


def accept(req, user):
    transition(req, State.IN_PROGRESS, by=user)


def ask_for_information(req, user, question):
    """Back to the requester as a concept, with the coordinator's question in the discussion."""
    with transaction.atomic():
        Message.objects.create(request=req, author=user, body=question)
        transition(req, State.CONCEPT, by=user, note=_("aanvulling gevraagd"))
    notifications.information_asked(req)


def refer(req, user, team, note=""):
    """Close this request as referred and open the same question, submitted, at the other team: another regional
    expertteam or an expertisecentrum (and back)."""
    if team == req.receiver:
        raise NotAllowed(_("Een vraag kan niet naar het eigen team worden doorverwezen."))
    with transaction.atomic():
        copy = ConsultationRequest(
            requester=req.requester, receiver=team, title=req.title, question=req.question, situation=req.situation,
            tried=req.tried, needed=req.needed, age_band=req.age_band, urgency=req.urgency, referred_from=req,
            anonymity_override_reason=req.anonymity_override_reason,
            anonymity_override_kinds=req.anonymity_override_kinds,
        )
        copy.save()
        copy.problem_areas.set(req.problem_areas.all())
        copy.stuck_reasons.set(req.stuck_reasons.all())
        transition(req, State.REFERRED, by=user, note=(note or str(team.display_name)))
        StateChange.objects.create(request=copy, from_state=State.CONCEPT, to_state=State.SUBMITTED, by=user,
                                   note=_("doorverwezen door %(team)s") % {"team": req.receiver.display_name})
        copy.state, copy.submitted_at = State.SUBMITTED, timezone.now()
        copy.save(update_fields=["state", "submitted_at"])
    notifications.new_request(copy)
    return copy


def invite(req, user, expert, profile=None):
    invitation, created = Invitation.objects.get_or_create(
        request=req, expert=expert, defaults={"invited_by": user, "profile": profile})
    if created:
        notifications.invited(invitation)
    return invitation


def post_message(req, user, body, parent=None):
    message = Message.objects.create(request=req, author=user, body=body, parent=parent)
    notifications.new_message(message)
    return message


def write_advice(req, user, **fields):
    with transaction.atomic():
        advice, _created = Advice.objects.update_or_create(request=req, defaults=dict(fields, written_by=user))
        if req.state == State.IN_PROGRESS:
            transition(req, State.ADVISED, by=user)
            today = timezone.localdate()
            for weeks in FOLLOW_UP_WEEKS:
                FollowUp.objects.get_or_create(request=req, weeks=weeks,
                                               defaults={"due_on": today + datetime.timedelta(weeks=weeks)})
    notifications.advice_ready(req)
    return advice


def answer_follow_up(follow_up, user, *, carried_out, what_happened, stuck_reasons):
    with transaction.atomic():
        follow_up.carried_out, follow_up.what_happened = carried_out, what_happened
        follow_up.answered_at = timezone.now()
        follow_up.save()
        follow_up.stuck_reasons.set(stuck_reasons)
        req = follow_up.request
        # The last planned moment answered closes the loop.
        if req.state == State.ADVISED and not req.follow_ups.filter(answered_at__isnull=True).exists():
            transition(req, State.FOLLOWED_UP, by=user)


def overdue_follow_ups(team, today=None):
    today = today or timezone.localdate()
    return (FollowUp.objects.filter(asked(team, prefix="request__"), request__state=State.ADVISED,
                                    answered_at__isnull=True, due_on__lt=today)
            .select_related("request").order_by("due_on"))


def withdraw(req, user):
    """Withdrawal removes the details: texts blanked, discussion, advice and follow-ups deleted."""
    with transaction.atomic():
        transition(req, State.WITHDRAWN, by=user)
        strip_details(req)


def strip_details(req):
    for name in ("question", "situation", "tried", "needed", "anonymity_override_reason"):
        setattr(req, name, "")
    req.title = WITHDRAWN_TEXT
    req.family_link_enabled = False
    req.save()
    req.problem_areas.clear()
    req.stuck_reasons.clear()
    req.messages.all().delete()
    Advice.objects.filter(request=req).delete()
    req.follow_ups.all().delete()
    req.invitations.all().delete()
