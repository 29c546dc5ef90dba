"""E-mails to contributors: what the meeting did with what they wrote ("wat er met jouw verhaal is gebeurd")."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from casebook.links import absolute_url as absolute


def decision_made(contribution, meeting):
    from .models import Lesson

    address = contribution.notify_address() if hasattr(contribution, "notify_address") else (
        contribution.author.email if contribution.author_id else ""
    )
    if not address:
        return False
    kind = "lesson" if isinstance(contribution, Lesson) else "reflection"
    context = {
        "contribution": contribution,
        "kind": kind,
        "meeting": meeting,
        "mine_url": absolute(reverse("learning:my_contributions")) if contribution.author_id else "",
        "public_url": absolute(_public_path(contribution)) if contribution.is_published else "",
    }
    subject = render_to_string("learning/email/decision_subject.txt", context).strip()
    body = render_to_string("learning/email/decision.txt", context)
    send_mail(subject, body, None, [address])
    return True


def _public_path(contribution):
    if hasattr(contribution, "get_url"):
        return contribution.get_url()
    subject = contribution.case or contribution.lesson
    return (subject.url if hasattr(subject, "url") else subject.get_url()) + "#reflecties"
