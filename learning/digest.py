"""What the network learned: briefings per theme and the 'nieuw sinds de vorige bijeenkomst' digest.

Only published lessons and reflections appear, and links to cases are limited to the cases the reader may see
(`visible_cases`; an anonymous reader, such as a feed reader, sees public cases only).
"""

from dataclasses import dataclass

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from casebook.links import absolute_url as absolute
from casebook.visibility import visible_cases

from .models import Lesson, NetworkMeeting, Reflection
from .visibility import visible_lessons

UNSUBSCRIBE_SALT = "learning.digest.unsubscribe"


@dataclass
class LessonEntry:
    lesson: Lesson
    cases: list  # only those the reader may see


def with_visible_cases(lessons, user):
    """Pair each lesson with the cases of it the reader may see."""
    lessons = list(lessons)
    visible = {
        case.pk: case
        for case in visible_cases(user).filter(network_lessons__in=lessons).distinct().order_by("title")
    }
    entries = []
    for lesson in lessons:
        case_ids = lesson.cases.values_list("pk", flat=True)
        entries.append(LessonEntry(lesson, [visible[pk] for pk in case_ids if pk in visible]))
    return entries


def briefing(term, user):
    lessons = visible_lessons(user).filter(themes=term).order_by("-first_published_at")
    return with_visible_cases(lessons, user)


def published_reflections(user):
    """Published reflections the reader may see: on a case they may see, or on a (published) lesson."""
    visible = visible_cases(user).values("pk")
    return (
        Reflection.objects.published()
        .filter(Q(case__in=visible) | Q(case__isnull=True, lesson__in=visible_lessons(user).values("pk")))
        .select_related("case", "lesson")
    )


def previous_meeting_cutoff():
    """'Nieuw sinds de vorige bijeenkomst': published after the meeting before the last closed one (None = all)."""
    closings = list(
        NetworkMeeting.objects.filter(state=NetworkMeeting.State.CLOSED, closed_at__isnull=False)
        .order_by("-closed_at").values_list("closed_at", flat=True)[:2]
    )
    return closings[1] if len(closings) == 2 else None


def new_since(user, since=None):
    lessons = visible_lessons(user).order_by("-first_published_at")
    reflections = published_reflections(user).order_by("-first_published_at")
    if since is not None:
        lessons = lessons.filter(first_published_at__gt=since)
        reflections = reflections.filter(first_published_at__gt=since)
    return with_visible_cases(lessons, user), list(reflections)


def unsubscribe_token(user):
    return signing.dumps({"user": user.pk}, salt=UNSUBSCRIBE_SALT)


def user_from_unsubscribe_token(token):
    """The user id in a valid token, else None. The link never expires: one click always unsubscribes."""
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)["user"]
    except (signing.BadSignature, KeyError, TypeError):
        return None


def send_digest(subscription, *, now=None):
    """E-mail one subscriber what was published since their last digest. Returns True when a mail went out."""
    now = now or timezone.now()
    user = subscription.user
    if not user.is_active or not user.email:
        return False
    since = subscription.last_sent_at or previous_meeting_cutoff()
    lessons, reflections = new_since(user, since)
    if not lessons and not reflections:
        return False
    unsubscribe_url = absolute(reverse("learning:unsubscribe", args=[unsubscribe_token(user)]))
    context = {"lessons": lessons, "reflections": reflections, "user": user, "since": since,
               "unsubscribe_url": unsubscribe_url, "site_url": absolute("")}
    message = EmailMultiAlternatives(
        subject=render_to_string("learning/email/digest_subject.txt", context).strip(),
        body=render_to_string("learning/email/digest.txt", context),
        to=[user.email],
        headers={
            # RFC 8058 one-click unsubscribe: mail clients POST to this address.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()
    subscription.last_sent_at = now
    subscription.save(update_fields=["last_sent_at"])
    return True
