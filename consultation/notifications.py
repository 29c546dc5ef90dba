"""E-mails about consultation requests. Each carries a link and nothing of the request's content: the subject and
body name only the reference number, because mail leaves the platform's access control."""

from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from casebook.links import absolute_url


def _link(req):
    return absolute_url(reverse("consultation:request_detail", args=[req.public_id]))


def _send(addresses, subject, req):
    addresses = sorted({a for a in addresses if a})
    if not addresses:
        return 0
    body = _("%(subject)s\n\nBekijk het op Doorbraak (inloggen nodig):\n%(link)s\n\n"
             "Om privacyredenen staat de inhoud niet in deze e-mail.\n") % {"subject": subject, "link": _link(req)}
    return send_mail(f"[Doorbraak] {subject}", body, None, addresses)


def _coordinators(req):
    return [u.email for u in req.receiver.coordinators.all()]


def _participants(req, exclude=None):
    people = [req.requester, *req.receiver.coordinators.all(), *(i.expert for i in req.invitations.all())]
    return [p.email for p in people if exclude is None or p.pk != exclude.pk]


def new_request(req):
    return _send(_coordinators(req), _("Nieuwe consultatievraag %(ref)s voor uw team") % {"ref": req.reference}, req)


def information_asked(req):
    return _send([req.requester.email], _("Aanvulling gevraagd op consultatievraag %(ref)s") % {"ref": req.reference},
                 req)


def invited(invitation):
    req = invitation.request
    return _send([invitation.expert.email], _("U bent uitgenodigd bij consultatievraag %(ref)s")
                 % {"ref": req.reference}, req)


def new_message(message):
    req = message.request
    return _send(_participants(req, exclude=message.author), _("Nieuw bericht bij consultatievraag %(ref)s")
                 % {"ref": req.reference}, req)


def advice_ready(req):
    return _send([req.requester.email], _("Advies klaar bij consultatievraag %(ref)s") % {"ref": req.reference}, req)


def follow_up_due(follow_up):
    req = follow_up.request
    return _send([req.requester.email], _("Hoe ging het met het advies? (consultatievraag %(ref)s, %(weeks)d weken)")
                 % {"ref": req.reference, "weeks": follow_up.weeks}, req)
