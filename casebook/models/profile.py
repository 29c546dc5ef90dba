from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import get_language_info
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from .. import text_limits as limits
from ..text_limits import no_control_characters
from ..visibility import allowed_visibilities
from .gated import AnonymityGatedPublishing
from .members_only import MembersOnlyPage
from .taxonomy import TaxonomyTerm, Vocabulary


class ProfileRole(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    LIVED_EXPERIENCE = "ervaringsdeskundige", _("Ervaringsdeskundige")


class ExpertProfilePage(MembersOnlyPage, AnonymityGatedPublishing, Page):
    """Someone members can consult. Visible to signed-in members only."""

    role = models.CharField(_("rol"), max_length=24, choices=ProfileRole.choices, default=ProfileRole.PROFESSIONAL)
    job_title = models.CharField(_("functie"), max_length=120, blank=True, validators=[no_control_characters])
    organisation_type = models.CharField(
        _("soort organisatie"), max_length=120, blank=True, help_text=_("Bijvoorbeeld: expertteam, jeugd-ggz, gemeente.")
    )
    organisation_name = models.CharField(_("naam organisatie"), max_length=200, blank=True,
                                         validators=[no_control_characters])
    show_organisation = models.BooleanField(
        _("naam organisatie tonen"), default=False, help_text=_("Alleen als de persoon dat wil.")
    )
    expertise_areas = ParentalManyToManyField(
        TaxonomyTerm,
        verbose_name=_("expertisegebieden"),
        related_name="experts_by_area",
        limit_choices_to={"vocabulary": Vocabulary.PROBLEM_AREAS},
        blank=True,
    )
    interventions = ParentalManyToManyField(
        TaxonomyTerm,
        verbose_name=_("interventies"),
        related_name="experts_by_intervention",
        limit_choices_to={"vocabulary": Vocabulary.INTERVENTIONS},
        blank=True,
    )
    regions = ParentalManyToManyField(
        TaxonomyTerm,
        verbose_name=_("regio's"),
        related_name="experts_by_region",
        limit_choices_to={"vocabulary": Vocabulary.REGIONS},
        blank=True,
    )
    languages = models.CharField(
        _("talen"), max_length=100, blank=True, default="nl", help_text=_("Taalcodes, gescheiden door komma's.")
    )
    available_for_consultation = models.BooleanField(_("beschikbaar voor consultatie"), default=True)
    availability_note = models.CharField(_("bereikbaarheid"), max_length=300, blank=True,
                                         validators=[no_control_characters])
    contact_email = models.EmailField(_("e-mail voor consultatie"), blank=True)
    bio = models.TextField(_("over mij"), blank=True, help_text=_("Markdown."), max_length=limits.PROFILE,
                           validators=[no_control_characters])
    cases = ParentalManyToManyField(
        "casebook.CasePage", verbose_name=_("casussen"), related_name="experts", blank=True
    )

    parent_page_types = ["casebook.ExpertIndexPage"]
    subpage_types = []
    template = "casebook/expert_profile_page.html"

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("job_title"), FieldPanel("organisation_type"),
             FieldPanel("organisation_name"), FieldPanel("show_organisation")],
            heading=_("Wie"),
        ),
        MultiFieldPanel(
            [FieldPanel("expertise_areas", widget=forms.CheckboxSelectMultiple),
             FieldPanel("interventions", widget=forms.CheckboxSelectMultiple),
             FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
             FieldPanel("languages")],
            heading=_("Expertise"),
        ),
        MultiFieldPanel(
            [FieldPanel("available_for_consultation"), FieldPanel("availability_note"), FieldPanel("contact_email")],
            heading=_("Consultatie"),
        ),
        FieldPanel("bio"),
        FieldPanel("cases"),
    ]
    search_fields = Page.search_fields + [index.SearchField("bio"), index.SearchField("job_title")]

    class Meta:
        verbose_name = _("expertiseprofiel")
        verbose_name_plural = _("expertiseprofielen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["visible_profile_cases"] = self.cases.live().filter(
            visibility__in=allowed_visibilities(request.user)
        ).order_by("title")
        return context

    @property
    def language_list(self):
        return [code.strip() for code in self.languages.split(",") if code.strip()]

    @property
    def language_names(self):
        """'Nederlands, Engels' (in the page's language) for the stored codes 'nl,en'; an unknown code as written."""
        names = []
        for code in self.language_list:
            try:
                name = str(get_language_info(code.lower())["name_translated"])
            except KeyError:
                names.append(code)
                continue
            names.append(name[:1].upper() + name[1:])
        return names

    @property
    def public_organisation(self):
        return self.organisation_name if self.show_organisation else ""
