"""The learning loop: lessons and reflections (contributions), invitations, network meetings, digest subscriptions.

Lessons and reflections use Wagtail's draft state and revisions: `live=True` means published, a revision is saved
each time a contribution is submitted (so the history shows exactly what each meeting reviewed), and publishing goes
through `revision.publish()`, which sends Wagtail's `published` signal. Their review status (`status`) is changed
only by `learning.services`, the one place that holds the state machine.
"""

import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, RevisionMixin

from casebook import text_limits as limits
from casebook.text_limits import no_control_characters
from casebook.visibility import Visibility


def exactly_one_of(first, second, *, name):
    """A check constraint: one of two foreign keys is set, never both, never neither."""
    return models.CheckConstraint(
        condition=(models.Q(**{f"{first}__isnull": False, f"{second}__isnull": True})
                   | models.Q(**{f"{first}__isnull": True, f"{second}__isnull": False})),
        name=name,
    )


class Status(models.TextChoices):
    DRAFT = "draft", _("Concept")
    SUBMITTED = "submitted", _("Ingediend")
    ON_AGENDA = "on_agenda", _("Op de agenda")
    ACCEPTED = "accepted", _("Aanvaard")
    REVISE = "revise", _("Bijstellen")
    DECLINED = "declined", _("Afgewezen")


class Decision(models.TextChoices):
    ACCEPT = "accept", _("Aanvaarden")
    REVISE = "revise", _("Laten bijstellen")
    DECLINE = "decline", _("Afwijzen")


class ContributionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True, status=Status.ACCEPTED)

    def awaiting_agenda(self):
        return self.filter(status=Status.SUBMITTED)


class Contribution(DraftStateMixin, RevisionMixin, ClusterableModel):
    """What lessons and reflections share: an author, a review status and the meeting's reasoning."""

    # Nothing is live until a meeting accepts it (DraftStateMixin defaults to live=True).
    live = models.BooleanField(_("gepubliceerd"), default=False, editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("auteur"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    updated_at = models.DateTimeField(_("bijgewerkt"), auto_now=True)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    decided_at = models.DateTimeField(_("besproken op"), null=True, blank=True)
    decision_reason = models.TextField(
        _("toelichting van de bijeenkomst"), blank=True, max_length=limits.NOTE, validators=[no_control_characters],
        help_text=_("Wat de bijeenkomst besloot en waarom; de auteur ziet dit."),
    )

    objects = ContributionQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_editable_by_author(self):
        return self.status in (Status.DRAFT, Status.REVISE)

    @property
    def is_published(self):
        return self.live and self.status == Status.ACCEPTED

    @cached_property
    def reviewed_version(self):
        """What moderators, meetings and the admin may read: the contribution as last submitted.

        After 'bijstellen' the author edits the row itself; until they submit again those edits are a draft, theirs
        alone (issue 9, finding 4). The submitted text is the latest revision, since only submitting (and
        publishing what was submitted) saves one. Review status and reasoning are the row's.
        """
        if self.status != Status.REVISE or not self.latest_revision_id:
            return self
        return _with_review_state(self.latest_revision.as_object(), self)


def _with_review_state(version, current):
    for name in ("status", "decision_reason", "decided_at", "submitted_at", "live"):
        setattr(version, name, getattr(current, name))
    return version


class Lesson(Contribution):
    """A short statement the network learned, with an explanation, themes and the cases it comes from."""

    statement = models.CharField(
        _("les"), max_length=limits.LESSON, validators=[no_control_characters],
        help_text=_("Eén zin: wat het netwerk hiervan leert."),
    )
    explanation = models.TextField(_("toelichting"), blank=True, help_text=_("Markdown."),
                                   max_length=limits.EXPLANATION, validators=[no_control_characters])
    themes = ParentalManyToManyField("casebook.TaxonomyTerm", verbose_name=_("thema's"), blank=True,
                                     related_name="lessons")
    cases = ParentalManyToManyField("casebook.CasePage", verbose_name=_("casussen"), blank=True,
                                    related_name="network_lessons")
    # Who may read it once published. The meeting sets it when accepting: by default the narrowest of its cases'
    # (learning.visibility); anything wider is the meeting's recorded choice (AgendaItem.visibility_reason).
    visibility = models.CharField(_("zichtbaarheid"), max_length=12, choices=Visibility.choices,
                                  default=Visibility.RESTRICTED, db_index=True)
    # Set for lessons that arrived with an imported case, so re-importing never duplicates them.
    import_key = models.CharField(max_length=80, unique=True, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("les")
        verbose_name_plural = _("lessen")
        ordering = ["-created_at"]

    def __str__(self):
        # Admin screens name a contribution by what was submitted, never by an unsent revision (issue 9).
        return self.reviewed_version.statement

    def get_url(self, request=None):
        """Stable address of the lesson (search indexes it once `live`)."""
        return reverse("learning:lesson_detail", args=[self.pk])

    get_absolute_url = get_url

    def text_fields(self):
        """The texts the anonymity check reads before publication."""
        return {"statement": self.statement, "explanation": self.explanation}

    def context_cases(self):
        return self.cases.all()



class Reflection(Contribution):
    """A young person's or parent's reflection on a case or a lesson, in their own words."""

    body = models.TextField(_("reflectie"), help_text=_("In eigen woorden."), max_length=limits.REFLECTION,
                            validators=[no_control_characters])
    case = models.ForeignKey("casebook.CasePage", verbose_name=_("casus"), null=True, blank=True,
                             on_delete=models.CASCADE, related_name="reflections")
    lesson = models.ForeignKey(Lesson, verbose_name=_("les"), null=True, blank=True, on_delete=models.CASCADE,
                               related_name="reflections")
    pseudonym = models.CharField(_("ondertekening"), max_length=60, blank=True, validators=[no_control_characters],
                                 help_text=_("Leeg betekent anoniem."))
    contact_email = models.EmailField(
        _("e-mail voor bericht"), blank=True,
        help_text=_("Alleen om te laten weten wat er met de reflectie gebeurd is."),
    )
    invitation = models.OneToOneField("Invitation", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="reflection")

    class Meta:
        verbose_name = _("reflectie")
        verbose_name_plural = _("reflecties")
        ordering = ["-created_at"]
        constraints = [
            exactly_one_of("case", "lesson", name="reflection_on_case_or_lesson")
        ]

    def __str__(self):
        return f"{_('Reflectie')} · {self.reviewed_version.signature}"

    @property
    def signature(self):
        return self.pseudonym or _("Anoniem")

    @property
    def subject(self):
        return self.case or self.lesson

    def context_cases(self):
        if self.case_id:
            return [self.case]
        return list(self.lesson.cases.all()) if self.lesson_id else []

    def text_fields(self):
        return {"body": self.body, "pseudonym": self.pseudonym}

    def notify_address(self):
        return self.contact_email or (self.author.email if self.author_id else "")


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Invitation(models.Model):
    """A single-use link that lets someone without an account reflect on one case. Only the token's hash is kept."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, editable=False)
    case = models.ForeignKey("casebook.CasePage", verbose_name=_("casus"), on_delete=models.CASCADE,
                             related_name="invitations")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("geldig tot"))
    used_at = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    note = models.CharField(_("notitie voor moderatoren"), max_length=200, blank=True,
                            validators=[no_control_characters],
                            help_text=_("Geen namen: bijvoorbeeld 'moeder, via expertteam'."))

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{_('Uitnodiging')} · {self.case}"

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    def get_url(self, token):
        return reverse("learning:invitation", args=[self.public_id, token])


class NetworkMeeting(models.Model):
    """A meeting of a network that reviews lessons and reflections."""

    class State(models.TextChoices):
        OPEN = "open", _("Gepland of bezig")
        CLOSED = "closed", _("Afgesloten")

    title = models.CharField(_("titel"), max_length=200, validators=[no_control_characters])
    date = models.DateField(_("datum"))
    region = models.ForeignKey("casebook.TaxonomyTerm", verbose_name=_("netwerk of regio"), null=True, blank=True,
                               on_delete=models.PROTECT, limit_choices_to={"vocabulary": "regions"},
                               related_name="+")
    participants = models.TextField(_("deelnemers"), blank=True, max_length=limits.NOTE,
                                    validators=[no_control_characters],
                                    help_text=_("Rollen of organisaties, één per regel."))
    state = models.CharField(max_length=8, choices=State.choices, default=State.OPEN, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("netwerkbijeenkomst")
        verbose_name_plural = _("netwerkbijeenkomsten")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.date:%d-%m-%Y})"

    def get_absolute_url(self):
        return reverse("learning:meeting_detail", args=[self.pk])

    @property
    def is_open(self):
        return self.state == self.State.OPEN

    def participant_list(self):
        return [line.strip() for line in self.participants.splitlines() if line.strip()]


class AgendaItem(models.Model):
    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="items")
    lesson = models.ForeignKey(Lesson, null=True, blank=True, on_delete=models.CASCADE, related_name="agenda_items")
    reflection = models.ForeignKey(Reflection, null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="agenda_items")
    position = models.PositiveIntegerField(default=0)
    decision = models.CharField(_("besluit"), max_length=8, choices=Decision.choices, blank=True)
    minutes = models.TextField(_("verslag"), blank=True, max_length=limits.NOTE, validators=[no_control_characters],
                               help_text=_("Kort: wat is besproken en waarom dit besluit. De auteur leest dit."))
    # Identifying details the anonymity check found when the closing tried to publish this item.
    findings = models.JSONField(default=list, blank=True)
    applied_at = models.DateTimeField(null=True, blank=True)
    # Lessons: who may read it once accepted. Wider than its cases only with a reason (issue 9, finding 5).
    visibility = models.CharField(_("zichtbaarheid na aanvaarden"), max_length=12, choices=Visibility.choices,
                                  blank=True)
    visibility_reason = models.TextField(_("waarom ruimer dan de casussen"), blank=True, max_length=limits.NOTE,
                                         validators=[no_control_characters])
    # The submitted version this item put before the meeting: the minutes show it, whatever the author writes next.
    revision = models.ForeignKey("wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            exactly_one_of("lesson", "reflection", name="agenda_item_lesson_or_reflection")
        ]

    def __str__(self):
        return str(self.contribution)

    @property
    def contribution(self):
        return self.lesson or self.reflection

    @property
    def kind(self):
        return "lesson" if self.lesson_id else "reflection"

    @cached_property
    def reviewed(self):
        """The contribution as this meeting read it (see `revision`)."""
        current = self.contribution
        if self.revision_id is None:
            return current.reviewed_version
        return _with_review_state(self.revision.as_object(), current)

    @property
    def is_blocked(self):
        return bool(self.findings) and self.applied_at is None


class DigestSubscription(models.Model):
    """A member who receives the 'nieuw sinds de vorige bijeenkomst' e-mail."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_subscription")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("abonnement op de nieuwsbrief")
        verbose_name_plural = _("abonnementen op de nieuwsbrief")

    def __str__(self):
        return str(self.user)


class LessonAction(models.Model):
    """A recommended action of an accepted lesson, followed up until it is done (issue 12).

    Public pages show what, for whom (an organisation type or role) and the progress; the owner is an account, asked
    by e-mail at 3 and 6 months (learning.followup) and named only to moderators.
    """

    class Progress(models.TextChoices):
        NOT_STARTED = "not_started", _("Nog niet begonnen")
        IN_PROGRESS = "in_progress", _("Bezig")
        DONE = "done", _("Uitgevoerd")

    lesson = models.ForeignKey(Lesson, verbose_name=_("les"), on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(_("wat"), max_length=300, validators=[no_control_characters],
                            help_text=_("Wat er moet gebeuren, in één zin."))
    for_whom = models.CharField(_("voor wie"), max_length=120, validators=[no_control_characters],
                                help_text=_("Een organisatietype of rol, nooit een naam: bijvoorbeeld "
                                            "'gemeenten in de regio' of 'expertteam'."))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("eigenaar"), on_delete=models.PROTECT,
                              related_name="lesson_actions",
                              help_text=_("Wie rapporteert over de voortgang; alleen moderatoren zien wie dit is."))
    due_date = models.DateField(_("klaar op"))
    progress = models.CharField(_("voortgang"), max_length=12, choices=Progress.choices,
                                default=Progress.NOT_STARTED, db_index=True)
    obstacles = models.TextField(_("wat staat in de weg"), blank=True, max_length=limits.NOTE,
                                 validators=[no_control_characters])
    reported_at = models.DateTimeField(_("laatst gerapporteerd"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    # The follow-up reminders (learning.followup): sent once each, never again after 'done'.
    reminder_3_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_6_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.what

    @property
    def is_done(self):
        return self.progress == self.Progress.DONE

    def is_overdue(self, on=None):
        return not self.is_done and self.due_date < (on or timezone.localdate())

    def get_report_url(self):
        return reverse("learning:action_report", args=[self.pk])


class ContributionFindingDecision(models.Model):
    """'Niet identificerend' for one finding in a lesson or reflection, as casebook.FindingDecision is for cases:
    with a reason, who and when, and bound to the words around the finding, so it lapses when the text changes
    there (the check runs again at every closing)."""

    lesson = models.ForeignKey(Lesson, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="anonymity_decisions")
    reflection = models.ForeignKey(Reflection, null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="anonymity_decisions")
    field = models.CharField(_("veld"), max_length=64)
    kind = models.CharField(_("soort"), max_length=16)
    text = models.CharField(_("tekst"), max_length=300)
    context_before = models.CharField(max_length=40, blank=True)
    context_after = models.CharField(max_length=40, blank=True)
    reason = models.TextField(_("reden"), max_length=limits.NOTE, validators=[no_control_characters])
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("door"))
    decided_at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("besluit over een anonimiteitsbevinding in een bijdrage")
        verbose_name_plural = _("besluiten over anonimiteitsbevindingen in bijdragen")
        constraints = [exactly_one_of("lesson", "reflection", name="finding_decision_lesson_or_reflection")]

    def __str__(self):
        return f"{self.field}: {self.text} ({self.kind}) niet identificerend"

    def applies_to(self, field, text, finding):
        from casebook.models import FindingDecision

        before, after = FindingDecision.context_of(text, finding)
        return (self.field == field and self.kind == finding.kind and self.text == finding.text
                and self.context_before == before[-40:] and self.context_after == after[:40])
