"""Anonymity state on pages and editors' decisions about findings (issue 4).

A FindingDecision says "this finding is not identifying" for one page, field, kind and text, and only
while the same text stands at that place: it stores the words around the finding and applies only
while they are unchanged, so an edit near it asks the editor again.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..text_limits import NOTE, no_control_characters

CONTEXT_CHARS = 40


class AnonymityStatus(models.TextChoices):
    NOT_CHECKED = "", _("niet gecontroleerd")
    PENDING = "wacht", _("wacht op anonimiteitscontrole")
    CLEAR = "gecontroleerd", _("gecontroleerd")


class AnonymityControls(models.Model):
    """Fields CasePage carries for the anonymity check and for coarsening small groups."""

    anonymity_status = models.CharField(
        _("anonimiteitscontrole"), max_length=16, choices=AnonymityStatus.choices, blank=True, default=""
    )
    anonymity_check_skipped = models.BooleanField(
        _("anonimiteitscontrole overgeslagen"), default=False,
        help_text=_("Geïmporteerd met --skip-anonymity-check: bij de bron gecontroleerd."),
    )
    anonymity_check_skipped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("overgeslagen door"),
    )
    anonymity_check_skipped_at = models.DateTimeField(_("overgeslagen op"), null=True, blank=True)
    # The skip covers the texts as they were reviewed at the source; an edit afterwards is checked again.
    anonymity_skipped_digest = models.CharField(max_length=64, blank=True, editable=False)
    hide_age_band = models.BooleanField(
        _("leeftijdsgroep niet vermelden"), default=False,
        help_text=_("Voor kleine groepen: de openbare pagina en het zoeken tonen 'niet vermeld'."),
    )
    hide_region = models.BooleanField(
        _("regio niet vermelden"), default=False,
        help_text=_("Voor kleine groepen: de openbare pagina en het zoeken tonen 'niet vermeld'."),
    )

    class Meta:
        abstract = True

    @property
    def shown_age_band(self):
        return None if self.hide_age_band else self.age_band

    @property
    def shown_region(self):
        return None if self.hide_region else self.region


class FindingDecision(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="anonymity_decisions", verbose_name=_("pagina")
    )
    field = models.CharField(_("veld"), max_length=64)
    kind = models.CharField(_("soort"), max_length=16)
    text = models.CharField(_("tekst"), max_length=300)
    context_before = models.CharField(max_length=CONTEXT_CHARS, blank=True)
    context_after = models.CharField(max_length=CONTEXT_CHARS, blank=True)
    reason = models.TextField(_("reden"), max_length=NOTE, validators=[no_control_characters])
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("door")
    )
    decided_at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("besluit over een anonimiteitsbevinding")
        verbose_name_plural = _("besluiten over anonimiteitsbevindingen")
        indexes = [models.Index(fields=["page", "field"])]

    def __str__(self):
        return f"{self.field}: {self.text} ({self.kind}) niet identificerend"

    @staticmethod
    def context_of(text, finding):
        return (
            text[max(0, finding.start - CONTEXT_CHARS) : finding.start],
            text[finding.end : finding.end + CONTEXT_CHARS],
        )

    def applies_to(self, field, text, finding):
        before, after = self.context_of(text, finding)
        return (
            self.field == field
            and self.kind == finding.kind
            and self.text == finding.text
            and self.context_before == before
            and self.context_after == after
        )
