"""Domain operations of the learning loop. The one place that changes a lesson's or reflection's status.

    draft ──submit──▶ submitted ──schedule──▶ on_agenda ──close meeting──▶ accepted (published)
      ▲                   ▲                      │                      ├▶ revise ──submit──▶ submitted …
      └── author edits ───┴──── unschedule ◀─────┘ (removed, or not discussed)  └▶ declined

Publication uses Wagtail revisions (`revision.publish()`, which sends Wagtail's `published` signal); nothing here
calls search. Permission checks belong to the callers (views, forms, admin); the functions here check only that a
transition is allowed from the current status.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casebook.visibility import Visibility

from . import notifications, publication_check
from . import visibility as lesson_visibility
from .models import AgendaItem, Decision, Invitation, Lesson, NetworkMeeting, Reflection, Status, hash_token

INVITATION_DAYS = 14

_TRANSITIONS = {
    "submit": ({Status.DRAFT, Status.REVISE}, Status.SUBMITTED),
    "schedule": ({Status.SUBMITTED}, Status.ON_AGENDA),
    "unschedule": ({Status.ON_AGENDA}, Status.SUBMITTED),
    Decision.ACCEPT: ({Status.ON_AGENDA}, Status.ACCEPTED),
    Decision.REVISE: ({Status.ON_AGENDA}, Status.REVISE),
    Decision.DECLINE: ({Status.ON_AGENDA}, Status.DECLINED),
}


class TransitionNotAllowed(Exception):
    pass


class CaseWithdrawn(TransitionNotAllowed):
    """The contribution is about a case that was withdrawn: it does not go (back) to a meeting."""

    message = _("Het verhaal waar dit over gaat is niet meer beschikbaar. Daarom kan het niet meer naar een "
                "netwerkbijeenkomst.")


def _require_case_published(contribution):
    if lesson_visibility.about_withdrawn_case(contribution):
        raise CaseWithdrawn(f"{contribution._meta.model_name} {contribution.pk} is about a withdrawn case")


def _transition(contribution, action):
    sources, target = _TRANSITIONS[action]
    if contribution.status not in sources:
        raise TransitionNotAllowed(f"{action} is not allowed from {contribution.status}")
    contribution.status = target


# --- Authoring ----------------------------------------------------------------------------------------------------

def save_draft(contribution):
    """Save the author's edits. Only drafts and contributions sent back for revision may change."""
    if contribution.pk and not contribution.is_editable_by_author:
        raise TransitionNotAllowed("only drafts and revisions can be edited")
    contribution.save()
    return contribution


def submit(contribution, user=None):
    """Hand a draft (or a revised contribution) to the moderators. Saves a revision: what the meeting will read."""
    _require_case_published(contribution)
    return _submit(contribution, user)


def _submit(contribution, user):
    _transition(contribution, "submit")
    contribution.submitted_at = timezone.now()
    contribution.save()
    contribution.save_revision(user=user if user and user.is_authenticated else None, log_action=True)
    return contribution


def _import_key(case, text):
    return "import:" + hashlib.sha256(f"{case.external_id}\n{text.strip()}".encode()).hexdigest()[:64]


def import_case_lessons(case, texts, user=None):
    """Lessons that arrive with an imported case become submitted lessons linked to it. Idempotent per text."""
    created = []
    for text in texts:
        key = _import_key(case, text)
        if Lesson.objects.filter(import_key=key).exists():
            continue
        lesson = Lesson(statement=text.strip(), author=user, import_key=key)
        lesson.save()
        lesson.cases.add(case)
        lesson.themes.set(list(case.problem_areas.all()) + list(case.stuck_reasons.all()))
        lesson.save()
        # A case imported as a draft (or held back by the anonymity check) is not live yet: its lessons wait, and
        # the meeting queue shows them once the case is published (ready_for_agenda).
        _submit(lesson, user)
        created.append(lesson)
    return created


def import_cases_lessons(items, user=None):
    """import_case_lessons for a batch of imported cases [(case, texts), ...] (issue 13): the same submitted lessons,
    revisions and log entries, written with a few INSERTs instead of five saves per lesson."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models.signals import post_save
    from wagtail.log_actions import get_active_log_context
    from wagtail.models import ModelLogEntry, Revision

    from casebook.interchange.bulk import as_first_saved, link_latest_revisions

    author = user if user and user.is_authenticated else None
    wanted = [(case, text, _import_key(case, text)) for case, texts in items for text in texts]
    done = set()
    for start in range(0, len(wanted), 500):  # SQLite's limit on query variables
        done |= set(Lesson.objects.filter(import_key__in=[key for *_, key in wanted[start:start + 500]])
                    .values_list("import_key", flat=True))
    now = timezone.now()
    lessons = []
    for case, text, key in wanted:
        if key in done:
            continue
        done.add(key)
        lesson = Lesson(statement=text.strip(), author=user, import_key=key, status=Status.SUBMITTED,
                        submitted_at=now, has_unpublished_changes=True)
        lesson.cases.set([case])  # in memory until the rows are written below
        lesson.themes.set(list(case.problem_areas.all()) + list(case.stuck_reasons.all()))
        lesson.clean_fields(exclude=["author", "latest_revision", "live_revision", "locked_by"])
        lessons.append(lesson)
    if not lessons:
        return []
    Lesson.objects.bulk_create(lessons, batch_size=500)
    for name in ("cases", "themes"):
        field = Lesson._meta.get_field(name)
        through = field.remote_field.through
        source, target = field.m2m_field_name() + "_id", field.m2m_reverse_field_name() + "_id"
        through.objects.bulk_create([through(**{source: lesson.pk, target: other.pk})
                                     for lesson in lessons for other in getattr(lesson, name).all()], batch_size=500)
    content_type = ContentType.objects.get_for_model(Lesson)
    base_content_type = lessons[0].get_base_content_type()
    # submit()'s save_revision serialises the lesson before it marks unpublished changes
    revisions = [Revision(content_type=content_type, base_content_type=base_content_type, object_id=str(lesson.pk),
                          user=author, content=as_first_saved(lesson, {"has_unpublished_changes": False}),
                          object_str=str(lesson), created_at=now)
                 for lesson in lessons]
    Revision.objects.bulk_create(revisions, batch_size=500)
    link_latest_revisions(Lesson, [lesson.pk for lesson in lessons], base_content_type)
    context = get_active_log_context()
    for lesson, revision in zip(lessons, revisions):
        lesson.latest_revision = revision
    ModelLogEntry.objects.bulk_create([
        ModelLogEntry(content_type=content_type, label=str(lesson), action="wagtail.edit", timestamp=now, data={},
                      object_id=str(lesson.pk), revision=revision, user=author or context.user, uuid=context.uuid,
                      content_changed=True)
        for lesson, revision in zip(lessons, revisions)], batch_size=500)
    for lesson in lessons:  # once per lesson, not per save: Wagtail's own index and reference tasks
        post_save.send(sender=Lesson, instance=lesson, created=True, update_fields=None, raw=False, using="default")
    return lessons


# --- Invitations --------------------------------------------------------------------------------------------------

class InvitationRefused(Exception):
    """The link cannot be used. `message` is Dutch, plain, for the person holding the link."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason

    MESSAGES = {
        "unknown": _("Deze link klopt niet. Controleer of u de hele link heeft gekopieerd, "
                     "of vraag om een nieuwe link."),
        "used": _("Deze link is al gebruikt. Elke link werkt maar één keer. Vraag om een nieuwe link "
                  "als u nog iets wilt schrijven."),
        "expired": _("Deze link is verlopen. Vraag om een nieuwe link als u nog iets wilt schrijven."),
        "withdrawn": _("Het verhaal bij deze link is niet meer beschikbaar. Er kan niets meer bij worden "
                       "geschreven."),
    }

    @property
    def message(self):
        return str(self.MESSAGES[self.reason])


def create_invitation(case, created_by, *, days=INVITATION_DAYS, note=""):
    """Returns (invitation, token). The token is shown once; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation = Invitation.objects.create(
        case=case, created_by=created_by, token_hash=hash_token(token), note=note,
        created_at=now, expires_at=now + timedelta(days=days),
    )
    return invitation, token


def check_invitation(public_id, token):
    """The invitation a link stands for, or InvitationRefused. Compares the token's hash in constant time."""
    invitation = Invitation.objects.select_related("case").filter(public_id=public_id).first()
    # Hash even when the id is unknown, so a wrong id and a wrong token take the same time.
    presented = hash_token(token or "")
    stored = invitation.token_hash if invitation else hash_token(secrets.token_urlsafe(32))
    if not hmac.compare_digest(presented, stored) or invitation is None:
        raise InvitationRefused("unknown")
    if invitation.used_at is not None:
        raise InvitationRefused("used")
    if invitation.is_expired:
        raise InvitationRefused("expired")
    require_case_available(invitation)
    return invitation


def require_case_available(invitation):
    """A link never outlives its case: once the case is unpublished, nothing of it is shown or written to."""
    if not invitation.case.live:
        raise InvitationRefused("withdrawn")


@transaction.atomic
def redeem_invitation(public_id, token):
    """Spend the link (once) and give back the invitation with an empty draft reflection on its case."""
    invitation = check_invitation(public_id, token)
    # Guard against two simultaneous redemptions of the same link.
    spent = Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(used_at=timezone.now())
    if not spent:
        raise InvitationRefused("used")
    invitation.refresh_from_db()
    Reflection.objects.create(case=invitation.case, invitation=invitation, body="")
    return invitation


# --- Meetings -----------------------------------------------------------------------------------------------------

def ready_for_agenda():
    """Submitted lessons and reflections that wait for a meeting, oldest first. Those about a withdrawn case wait
    out of sight until it is published again."""
    lessons = lesson_visibility.without_withdrawn_cases(Lesson.objects.awaiting_agenda()).order_by("submitted_at")
    reflections = (lesson_visibility.without_withdrawn_cases(Reflection.objects.awaiting_agenda())
                   .select_related("case", "lesson").order_by("submitted_at"))
    return lessons, reflections


def waiting_for(meeting, *, everywhere=False):
    """What waits for `meeting`: a meeting belongs to a network or region, so by default only contributions about a
    case in that region (a case whose region is hidden for a small group counts as no region); `everywhere` shows
    all. A meeting without a region sees everything."""
    lessons, reflections = ready_for_agenda()
    if meeting.region_id and not everywhere:
        region = meeting.region_id
        lessons = lessons.filter(cases__region_id=region, cases__hide_region=False).distinct()
        reflections = reflections.filter(
            Q(case__region_id=region, case__hide_region=False)
            | Q(case__isnull=True, lesson__cases__region_id=region, lesson__cases__hide_region=False)
        ).distinct()
    return lessons, reflections


def open_findings(item):
    """The anonymity findings that would keep this item from being published, from the same check the closing uses
    (publication_check), so a moderator sees them while preparing and discussing the item, not after closing.
    Kept on the item (it marks the agenda); only an item that is, or may still be, accepted has any."""
    if item.applied_at or not item.meeting.is_open:
        return item.findings
    findings = publication_check.findings_for(item.contribution) if item.decision in ("", Decision.ACCEPT) else []
    if findings != item.findings:
        item.findings = findings
        item.save(update_fields=["findings"])
    return findings


def _require_open(meeting):
    if not meeting.is_open:
        raise TransitionNotAllowed("the meeting is closed")


@transaction.atomic
def add_to_agenda(meeting, contribution):
    _require_open(meeting)
    _require_case_published(contribution)
    _transition(contribution, "schedule")
    contribution.save(update_fields=["status", "updated_at"])
    last = meeting.items.aggregate(last=Max("position"))["last"]
    kind = "lesson" if isinstance(contribution, Lesson) else "reflection"
    # Pin what was submitted (submit saved it as the latest revision): the minutes show this version.
    return AgendaItem.objects.create(meeting=meeting, position=(last or 0) + 1, revision=contribution.latest_revision,
                                     **{kind: contribution})


@transaction.atomic
def remove_from_agenda(item):
    _require_open(item.meeting)
    if item.applied_at:
        raise TransitionNotAllowed("the item was already decided")
    contribution = item.contribution
    _transition(contribution, "unschedule")
    contribution.save(update_fields=["status", "updated_at"])
    item.delete()
    _renumber(item.meeting)


@transaction.atomic
def move_item(item, offset):
    """Move an agenda item up (offset -1) or down (+1)."""
    _require_open(item.meeting)
    items = list(item.meeting.items.all())
    index = next(i for i, candidate in enumerate(items) if candidate.pk == item.pk)
    target = index + offset
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, each in enumerate(items, start=1):
        if each.position != position:
            each.position = position
            each.save(update_fields=["position"])


def _renumber(meeting):
    for position, each in enumerate(meeting.items.all(), start=1):
        if each.position != position:
            each.position = position
            each.save(update_fields=["position"])


def record_decision(item, decision, minutes, *, visibility="", visibility_reason=""):
    """Record the meeting's decision. For a lesson, `visibility` wider than its cases needs a reason (minutes)."""
    _require_open(item.meeting)
    if item.applied_at:
        raise TransitionNotAllowed("the item was already decided")
    if decision and decision not in Decision.values:
        raise ValueError(decision)
    if visibility and (not item.lesson_id or visibility not in Visibility.values):
        raise ValueError(visibility)
    visibility_reason = visibility_reason.strip()
    if item.lesson_id and lesson_visibility.needs_reason(item.lesson, visibility) and not visibility_reason:
        raise TransitionNotAllowed("widening a lesson beyond its cases needs a recorded reason")
    item.decision = decision
    item.minutes = minutes
    item.visibility = visibility
    item.visibility_reason = visibility_reason if visibility else ""
    if item.findings and decision != Decision.ACCEPT:
        item.findings = []  # the findings only stood in the way of publishing
    item.save(update_fields=["decision", "minutes", "findings", "visibility", "visibility_reason"])
    return item


def _accepted_visibility(item, lesson):
    """What the meeting chose, if it still stands; otherwise the narrowest of the lesson's cases (these may have
    narrowed since the decision)."""
    default = lesson_visibility.default_visibility(lesson)
    chosen = item.visibility or default
    if lesson_visibility.needs_reason(lesson, chosen) and not item.visibility_reason:
        return default
    return chosen


@dataclass
class ClosingResult:
    published: list = field(default_factory=list)
    returned: list = field(default_factory=list)  # sent back to their authors: revise or decline
    not_discussed: list = field(default_factory=list)  # back to 'submitted', for a next meeting
    blocked: list = field(default_factory=list)  # agenda items kept back by the anonymity check

    @property
    def closed(self):
        return not self.blocked


@transaction.atomic
def close_meeting(meeting, user):
    """Apply every decision. Accepted items are published only when the anonymity check finds nothing;
    items with findings stay on the agenda, marked, and the meeting stays open until they are resolved."""
    # Lock the meeting: two moderators pressing 'afsluiten' at once must not publish or notify twice.
    locked = NetworkMeeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open(locked)
    result = ClosingResult()
    for item in meeting.items.filter(applied_at__isnull=True).select_related("lesson", "reflection"):
        with transaction.atomic():
            _apply(item, user, result)
    if result.closed:
        meeting.state = NetworkMeeting.State.CLOSED
        meeting.closed_at = timezone.now()
        meeting.save(update_fields=["state", "closed_at"])
    return result


def _apply(item, user, result):
    contribution = item.contribution
    now = timezone.now()
    if not item.decision:
        _transition(contribution, "unschedule")
        contribution.save(update_fields=["status", "updated_at"])
        item.applied_at = now
        item.save(update_fields=["applied_at"])
        result.not_discussed.append(item)
        return
    if item.decision == Decision.ACCEPT:
        findings = publication_check.findings_for(contribution)
        if findings:
            item.findings = findings
            item.save(update_fields=["findings"])
            result.blocked.append(item)
            return
    _transition(contribution, item.decision)
    contribution.decision_reason = item.minutes
    contribution.decided_at = now
    if item.decision == Decision.ACCEPT:
        if item.lesson_id:
            contribution.visibility = _accepted_visibility(item, contribution)
        revision = contribution.save_revision(user=user, log_action=True)
        revision.publish(user=user, skip_permission_checks=True)
        contribution.refresh_from_db()
        result.published.append(item)
    else:
        contribution.save()
        result.returned.append(item)
    item.findings = []
    item.applied_at = now
    item.save(update_fields=["findings", "applied_at"])
    transaction.on_commit(lambda: notifications.decision_made(contribution, item.meeting))
