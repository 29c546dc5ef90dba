"""Consultation requests (issue 11): pseudonymised working data between a professional and an expertteam.

Never a Wagtail page, never registered with search or feeds: nothing here leaves the database except through the
views in consultation/views/, which all ask consultation/permissions.py first.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casebook.models import TaxonomyTerm
from casebook.text_limits import no_control_characters

TEXT = 6000


def _text(label, help_text="", blank=False):
    return models.TextField(label, max_length=TEXT, blank=blank, help_text=help_text,
                            validators=[no_control_characters])


def _new_token():
    return secrets.token_urlsafe(24)


class State(models.TextChoices):
    CONCEPT = "concept", _("concept")
    SUBMITTED = "ingediend", _("ingediend")
    IN_PROGRESS = "in_behandeling", _("in behandeling")
    ADVISED = "advies_gegeven", _("advies gegeven")
    FOLLOWED_UP = "opgevolgd", _("opgevolgd")
    WITHDRAWN = "teruggetrokken", _("teruggetrokken")
    REFERRED = "doorverwezen", _("doorverwezen")


CLOSED_STATES = (State.FOLLOWED_UP, State.WITHDRAWN, State.REFERRED)
# Which state may follow which; services.transition refuses anything else.
TRANSITIONS = {
    State.CONCEPT: {State.SUBMITTED, State.WITHDRAWN},
    State.SUBMITTED: {State.IN_PROGRESS, State.REFERRED, State.CONCEPT, State.WITHDRAWN},
    State.IN_PROGRESS: {State.ADVISED, State.REFERRED, State.WITHDRAWN},
    State.ADVISED: {State.FOLLOWED_UP, State.WITHDRAWN},
    State.FOLLOWED_UP: set(),
    State.WITHDRAWN: set(),
    State.REFERRED: set(),
}


class Urgency(models.TextChoices):
    NORMAL = "normaal", _("normaal: binnen enkele weken")
    SOON = "snel", _("snel: binnen een week")
    URGENT = "dringend", _("dringend: binnen enkele dagen")


class ConsultationRequest(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("aanvrager"), on_delete=models.CASCADE,
                                  related_name="consultation_requests")
    # The team asked is either a regional expertteam or a supra-regional expertisecentrum: exactly one of the two
    # (a check constraint). Code reads it as `receiver`, never `team` alone.
    team = models.ForeignKey("consultation.JeugdRegion", verbose_name=_("gevraagd expertteam"), null=True,
                             blank=True, on_delete=models.PROTECT, related_name="consultation_requests")
    centre = models.ForeignKey("consultation.ExpertiseArea", verbose_name=_("gevraagd expertisecentrum"), null=True,
                               blank=True, on_delete=models.PROTECT, related_name="consultation_requests")
    title = models.CharField(_("onderwerp"), max_length=160, validators=[no_control_characters],
                             help_text=_("Een korte omschrijving zonder namen, bijvoorbeeld 'Thuiszitter, 14 jaar, "
                                         "drie keer afgewezen'."))
    question = _text(_("vraag"), _("Waar lopen jullie op vast, en wat willen jullie weten?"))
    situation = _text(_("situatie"), _("De beginsituatie van jongere en gezin, zonder namen of andere herkenbare "
                                       "gegevens."))
    tried = _text(_("wat is geprobeerd"), _("Welke hulp is al ingezet of aangevraagd, en wat gebeurde er?"))
    needed = _text(_("wat is nodig"), _("Wat denken jullie dat nodig is?"), blank=True)
    problem_areas = models.ManyToManyField(TaxonomyTerm, verbose_name=_("probleemgebieden"), related_name="+",
                                           limit_choices_to={"vocabulary": "problem_areas"})
    age_band = models.ForeignKey(TaxonomyTerm, verbose_name=_("leeftijdsgroep"), on_delete=models.PROTECT,
                                 related_name="+", limit_choices_to={"vocabulary": "age_bands"})
    stuck_reasons = models.ManyToManyField(TaxonomyTerm, verbose_name=_("redenen van vastlopen"), related_name="+",
                                           blank=True, limit_choices_to={"vocabulary": "stuck_reasons"})
    urgency = models.CharField(_("urgentie"), max_length=12, choices=Urgency.choices, default=Urgency.NORMAL)
    state = models.CharField(_("status"), max_length=16, choices=State.choices, default=State.CONCEPT, db_index=True)
    # The anonymity warning may be overridden, never silently: who, why, and what was found (kinds, not the text).
    anonymity_override_reason = models.TextField(_("reden om door te gaan ondanks de waarschuwing"), blank=True,
                                                 max_length=1000, validators=[no_control_characters])
    anonymity_override_kinds = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True, db_index=True)
    referred_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="referrals")
    # The read link for requester and family: the advice only, in plain language.
    family_token = models.CharField(max_length=64, default=_new_token, unique=True, editable=False)
    family_link_enabled = models.BooleanField(_("leeslink actief"), default=False)
    # Set when the consultation became a draft case; the advice summary survives purging only then.
    case = models.ForeignKey("casebook.CasePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("consultatievraag")
        verbose_name_plural = _("consultatievragen")
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(
            condition=(models.Q(team__isnull=False, centre__isnull=True)
                       | models.Q(team__isnull=True, centre__isnull=False)),
            name="asks_one_team_or_centre")]

    def __str__(self):
        return self.title

    @property
    def receiver(self):
        """The team asked: a JeugdRegion (expertteam) or an ExpertiseArea (expertisecentrum)."""
        return self.team if self.team_id else self.centre

    @receiver.setter
    def receiver(self, team):
        self.team, self.centre = (team, None) if team.request_field == "team" else (None, team)

    @property
    def is_closed(self):
        return self.state in CLOSED_STATES

    @property
    def reference(self):
        return f"C-{self.pk:05d}"

    def texts(self):
        """The free texts the anonymity check reads, by field name."""
        return {name: getattr(self, name) or "" for name in ("title", "question", "situation", "tried", "needed")}


class StateChange(models.Model):
    """Every transition, timestamped: the source of the response-time figures."""

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="state_changes")
    from_state = models.CharField(max_length=16, choices=State.choices, blank=True)
    to_state = models.CharField(max_length=16, choices=State.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")
    note = models.CharField(max_length=300, blank=True)

    OVERRIDE = "override"  # note of a request sent despite the anonymity warning: a code, shown in words below

    class Meta:
        ordering = ["at", "pk"]

    @property
    def note_display(self):
        if self.note == self.OVERRIDE:
            return _("verstuurd ondanks de anonimiteitswaarschuwing")
        return self.note


class ExpertAccount(models.Model):
    """Which account belongs to an expertise profile, so the person can be invited (casebook knows no accounts)."""

    profile = models.OneToOneField("casebook.ExpertProfilePage", verbose_name=_("expertiseprofiel"),
                                   on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE,
                             related_name="expert_accounts")

    class Meta:
        verbose_name = _("account van expert")
        verbose_name_plural = _("accounts van experts")

    def __str__(self):
        return f"{self.profile.title} → {self.user.get_username()}"


class Invitation(models.Model):
    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="invitations")
    expert = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    profile = models.ForeignKey("casebook.ExpertProfilePage", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "expert"], name="one_invitation_per_expert")]


class Message(models.Model):
    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="messages")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = _text(_("bericht"))
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]


class Advice(models.Model):
    request = models.OneToOneField(ConsultationRequest, on_delete=models.CASCADE, related_name="advice")
    analysis = _text(_("analyse"), _("Wat zien jullie: waarom loopt het vast?"))
    advice = _text(_("advies"), _("Wat adviseren jullie?"))
    actions = _text(_("wie doet wat, wanneer"), _("Eén afspraak per regel: wie, wat, uiterlijk wanneer."))
    plain_summary = _text(_("in gewone taal (B1)"), _("Het advies in korte zinnen en gewone woorden, voor de "
                                                       "aanvrager en het gezin."))
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)

    def action_lines(self):
        return [line.strip() for line in self.actions.splitlines() if line.strip()]


class CarriedOut(models.TextChoices):
    YES = "ja", _("ja, helemaal")
    PARTLY = "deels", _("deels")
    NO = "nee", _("nee")


class FollowUp(models.Model):
    """Asked at 6 and 12 weeks after the advice; answered by the requester."""

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="follow_ups")
    weeks = models.PositiveSmallIntegerField()
    due_on = models.DateField(db_index=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    carried_out = models.CharField(_("is het advies uitgevoerd?"), max_length=8, choices=CarriedOut.choices,
                                   blank=True)
    what_happened = _text(_("wat is er gebeurd?"), blank=True)
    stuck_reasons = models.ManyToManyField(TaxonomyTerm, verbose_name=_("wat zat in de weg?"), related_name="+",
                                           blank=True, limit_choices_to={"vocabulary": "stuck_reasons"})

    class Meta:
        ordering = ["due_on"]
        constraints = [models.UniqueConstraint(fields=["request", "weeks"], name="one_follow_up_per_moment")]


def asked(team, prefix=""):
    """A filter for requests (or, with prefix 'request__', their parts) asked of this expertteam or centre."""
    return models.Q(**{f"{prefix}{team.request_field}": team})


def coordinated_by(user, prefix=""):
    """A filter for requests whose receiving team, regional or supra-regional, the user coordinates."""
    return models.Q(**{f"{prefix}team__coordinators": user}) | models.Q(**{f"{prefix}centre__coordinators": user})
