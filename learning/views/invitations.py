"""Invitations: a moderator invites someone without an account to reflect on one case, through a single-use link."""

from django.contrib import messages
from django.core.mail import send_mail
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from casebook.links import absolute_url as absolute
from casebook.visibility import visible_cases

from .. import permissions, services
from ..forms import InvitationForm
from ..models import Invitation
from .common import role_required
from .contributions import _save_reflection

SESSION_KEY = "learning_invitations"


@role_required(permissions.can_moderate)
def invitation_create(request, case_pk):
    case = get_object_or_404(visible_cases(request.user), pk=case_pk)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation, token = services.create_invitation(
            case, request.user, days=form.cleaned_data["days"], note=form.cleaned_data["note"]
        )
        link = absolute(invitation.get_url(token), request)
        if form.cleaned_data["email"]:
            send_mail(
                _("Uitnodiging: vertel wat jij ervan vindt"),
                render_to_string("learning/email/invitation.txt", {"link": link, "invitation": invitation}),
                None,
                [form.cleaned_data["email"]],
            )
            messages.success(request, _("De uitnodiging is verstuurd."))
        # Rendered, not redirected: the link exists only in this response (only its hash is stored).
        return render(request, "learning/invitation_created.html", {"case": case, "link": link,
                                                                    "invitation": invitation})
    return render(request, "learning/invitation_form.html", {"case": case, "form": form})


def invitation(request, public_id, token):
    try:
        if request.method == "POST":
            invitation = services.redeem_invitation(public_id, token)
            claimed = request.session.get(SESSION_KEY, [])
            request.session[SESSION_KEY] = [*claimed, invitation.pk]
            return redirect("learning:invitation_write", public_id=invitation.public_id)
        invitation = services.check_invitation(public_id, token)
    except services.InvitationRefused as refused:
        return _refused(request, refused)
    return render(request, "learning/invitation_landing.html", {"invitation": invitation, "case": invitation.case})


def invitation_write(request, public_id):
    """The invited person's page: only this case, their draft, and later its status. Bound to their session."""
    invitation = get_object_or_404(Invitation.objects.select_related("case"), public_id=public_id)
    if invitation.pk not in request.session.get(SESSION_KEY, []):
        raise Http404
    try:
        services.require_case_available(invitation)
    except services.InvitationRefused as refused:
        return _refused(request, refused)
    reflection = invitation.reflection
    if not reflection.is_editable_by_author:
        return render(request, "learning/invitation_status.html", {"invitation": invitation,
                                                                   "reflection": reflection,
                                                                   "case": invitation.case})
    return _save_reflection(
        request, reflection, ask_email=True, template="learning/invitation_write.html",
        done=request.path, extra={"invitation": invitation, "case": invitation.case},
    )


def _refused(request, refused):
    status = 404 if refused.reason == "unknown" else 410
    return render(request, "learning/invitation_refused.html", {"message": refused.message}, status=status)
