"""Lesson follow-up (issue 12): recommended actions of accepted lessons, the 3- and 6-month reminders, the owner's
report, and what is overdue. Views, the reminder command, the agenda and the signalering page all ask here."""

from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.core.mail import send_mail
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone

from casebook.links import absolute_url as absolute

from .models import LessonAction, Status
from .visibility import shown_lessons

# Months after the action was recorded -> the field that remembers the reminder went out.
REMINDERS = ((3, "reminder_3_sent_at"), (6, "reminder_6_sent_at"))


def can_add_action(lesson):
    return lesson.status == Status.ACCEPTED and shown_lessons().filter(pk=lesson.pk).exists()


def followed_actions():
    """Actions of the lessons the site shows: a lesson whose case was withdrawn is followed up again (reminders,
    overdue lists, reports) only once the case is back (learning.visibility)."""
    return LessonAction.objects.filter(lesson__in=shown_lessons().values("pk"))


def add_action(lesson, *, what, for_whom, owner, due_date, created_by, now=None):
    if not can_add_action(lesson):
        raise ValueError("Alleen een aanvaarde les kan acties krijgen.")
    return LessonAction.objects.create(lesson=lesson, what=what, for_whom=for_whom, owner=owner, due_date=due_date,
                                       created_by=created_by, created_at=now or timezone.now())


def report(action, *, progress, obstacles, now=None):
    """The owner's report: done / in progress / not started, and what stands in the way."""
    action.progress = progress
    action.obstacles = obstacles
    action.reported_at = now or timezone.now()
    action.save(update_fields=["progress", "obstacles", "reported_at"])
    return action


def due_reminders(now=None):
    """[(action, months, field)] whose reminder is due at `now` and not yet sent; nothing for done actions.

    A late run sends only the latest reminder due (someone who missed 3 months is not mailed twice on one day)."""
    now = now or timezone.now()
    today = timezone.localdate(now)  # by calendar day: 'three months later' is a date, whatever the hour or DST
    due = []
    actions = followed_actions().exclude(progress=LessonAction.Progress.DONE).select_related("owner", "lesson")
    for action in actions:
        for months, field in reversed(REMINDERS):
            if timezone.localdate(action.created_at) + relativedelta(months=months) <= today:
                if getattr(action, field) is None:
                    due.append((action, months, field))
                break
    return due


def send_reminders(now=None):
    """E-mail each owner whose reminder is due, with a link to report. Returns how many went out."""
    now = now or timezone.now()
    sent = 0
    for action, months, field in due_reminders(now):
        # Mark an earlier reminder too, so it is not sent after the later one.
        marks = {f: now for m, f in REMINDERS if m <= months and getattr(action, f) is None}
        if action.owner.is_active and action.owner.email:
            context = {"action": action, "months": months, "report_url": absolute(action.get_report_url())}
            send_mail(render_to_string("learning/email/action_reminder_subject.txt", context).strip(),
                      render_to_string("learning/email/action_reminder.txt", context), None, [action.owner.email])
            sent += 1
        LessonAction.objects.filter(pk=action.pk).update(**marks)
    return sent


def overdue(on=None):
    """Actions past their due date on `on` (default today) and not done, oldest first."""
    on = on or timezone.localdate()
    return (followed_actions().exclude(progress=LessonAction.Progress.DONE).filter(due_date__lt=on)
            .select_related("lesson", "owner").order_by("due_date", "pk"))


@dataclass
class LessonFollowUp:
    lessons: int  # accepted lessons counted
    with_actions: int
    carried_out: int  # lessons with at least one action done


def follow_up_counts(lessons):
    """How many of these lessons have actions, and how many led to an action that was carried out."""
    actions = LessonAction.objects.filter(lesson=OuterRef("pk"))
    lessons = lessons.annotate(has_action=Exists(actions),
                               carried_out=Exists(actions.filter(progress=LessonAction.Progress.DONE)))
    rows = list(lessons.values_list("has_action", "carried_out"))
    return LessonFollowUp(len(rows), sum(1 for a, _c in rows if a), sum(1 for _a, c in rows if c))
