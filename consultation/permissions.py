"""The one place deciding who may see and do what with a consultation request.

Only the requester, the coordinators of the receiving team (a regional expertteam or a supra-regional
expertisecentrum, alike in everything here) and the experts invited to it see a request
(and its messages, advice and follow-ups). Coordinators see a request only once it has been submitted; a concept
is the requester's alone. Nobody else — not editors, moderators or admins of the casebook — sees it here.
"""

from django.db.models import Q

from casebook.roles import is_member

from .models import ConsultationRequest, State
from .models.requests import coordinated_by


def visible_requests(user):
    if not user.is_authenticated:
        return ConsultationRequest.objects.none()
    return ConsultationRequest.objects.filter(
        Q(requester=user)
        | (coordinated_by(user) & Q(submitted_at__isnull=False))
        | Q(invitations__expert=user)
    ).distinct()


def can_view(user, req):
    return visible_requests(user).filter(pk=req.pk).exists()


def is_requester(user, req):
    return user.is_authenticated and req.requester_id == user.pk


def is_coordinator(user, req):
    return user.is_authenticated and req.receiver.coordinators.filter(pk=user.pk).exists()


def is_invited(user, req):
    return user.is_authenticated and req.invitations.filter(expert=user).exists()


def can_open_request(user):
    """A signed-in professional of the network."""
    return is_member(user)


def can_edit(user, req):
    return is_requester(user, req) and req.state == State.CONCEPT


def can_withdraw(user, req):
    return is_requester(user, req) and not req.is_closed


def can_triage(user, req):
    return is_coordinator(user, req) and req.state == State.SUBMITTED


def can_invite(user, req):
    return is_coordinator(user, req) and req.state == State.IN_PROGRESS


def can_post_message(user, req):
    return req.state == State.IN_PROGRESS and (is_requester(user, req) or is_coordinator(user, req)
                                               or is_invited(user, req))


def can_write_advice(user, req):
    return is_coordinator(user, req) and req.state in (State.IN_PROGRESS, State.ADVISED)


def can_answer_follow_up(user, req):
    return is_requester(user, req) and req.state == State.ADVISED


def can_make_case(user, req):
    return is_coordinator(user, req) and req.state == State.FOLLOWED_UP and req.case_id is None


def can_read_audit(user, req):
    return is_coordinator(user, req)
