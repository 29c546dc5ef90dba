from django import forms
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Orderable, Page
from wagtail.search import index

from .. import text_limits as limits
from ..text_limits import no_control_characters, no_control_characters_in
from ..signals import case_read
from ..visibility import Visibility, can_see
from .anonymity import AnonymityControls
from .gated import AnonymityGatedPublishing
from .taxonomy import TaxonomyTerm, Vocabulary


def _terms(vocabulary, related_name, verbose_name):
    return ParentalManyToManyField(
        TaxonomyTerm,
        verbose_name=verbose_name,
        related_name=related_name,
        limit_choices_to={"vocabulary": vocabulary},
        blank=True,
    )


def _term(vocabulary, related_name, verbose_name, *, null=False):
    return models.ForeignKey(
        TaxonomyTerm,
        verbose_name=verbose_name,
        related_name=related_name,
        limit_choices_to={"vocabulary": vocabulary},
        on_delete=models.PROTECT,
        null=null,
        blank=null,
    )


def _narrative(verbose_name, **options):
    return models.TextField(verbose_name, max_length=limits.NARRATIVE, validators=[no_control_characters], **options)


class Consent(models.TextChoices):
    YOUTH_AND_PARENTS = "jongere-en-ouders", _("Jongere en ouders")
    YOUTH = "jongere", _("Jongere")
    PARENTS = "ouders", _("Ouders")
    FICTIONAL = "fictief", _("Fictief of samengesteld (demo, training)")


class Language(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")


class CasePage(AnonymityGatedPublishing, AnonymityControls, Page):  # issue 4: publication gate, status, coarsening
    """An anonymised case study. Field names follow the interchange format (case.schema.json)."""

    external_id = models.CharField(
        _("externe id"), max_length=64, unique=True, help_text=_("Vaste id uit het casusregister van de bron.")
    )
    summary = models.TextField(_("samenvatting"), max_length=limits.SUMMARY, validators=[no_control_characters],
                               help_text=_("Twee tot vier zinnen, platte tekst."))
    situation = _narrative(_("situatie"), help_text=_("Markdown: de beginsituatie van jongere en gezin."))
    stuck_points = _narrative(_("waar het vastliep"), help_text=_("Markdown: waar en waarom hulp vastliep."))
    approach = _narrative(_("wat doorbrak"), help_text=_("Markdown: wat is gedaan om door te breken, door wie."))
    outcome = _narrative(_("uitkomst"), help_text=_("Markdown: wat het opleverde voor jongere en gezin."))
    needed = _narrative(_("wat nodig was"), blank=True)
    created = _narrative(_("wat gemaakt moest worden"), blank=True)
    reflection = _narrative(_("reflectie van jongere of ouder"), blank=True,
                            help_text=_("Markdown: in hun eigen woorden."))

    problem_areas = _terms(Vocabulary.PROBLEM_AREAS, "cases_by_problem_area", _("probleemgebieden"))
    age_band = _term(Vocabulary.AGE_BANDS, "cases_by_age_band", _("leeftijdsgroep"))
    region = _term(Vocabulary.REGIONS, "cases_by_region", _("regio"))
    care_settings = _terms(Vocabulary.SETTINGS, "cases_by_setting", _("settings"))
    framework = _term(Vocabulary.FRAMEWORKS, "cases_by_framework", _("kader"), null=True)
    laws = _terms(Vocabulary.LAWS, "cases_by_law", _("wetten"))
    life_domains = _terms(Vocabulary.LIFE_DOMAINS, "cases_by_life_domain", _("leefgebieden"))
    stuck_reasons = _terms(Vocabulary.STUCK_REASONS, "cases_by_stuck_reason", _("redenen van vastlopen"))
    interventions = _terms(Vocabulary.INTERVENTIONS, "cases_by_intervention", _("interventies"))
    outcome_status = _term(Vocabulary.OUTCOME_STATUS, "cases_by_outcome", _("uitkomst"))

    professionals_involved = models.PositiveSmallIntegerField(_("aantal betrokken professionals"), null=True, blank=True)
    one_plan = models.BooleanField(_("één plan, één regisseur"), null=True, blank=True)
    consent = models.CharField(_("toestemming"), max_length=20, choices=Consent.choices, blank=True)
    year = models.PositiveSmallIntegerField(_("jaar"))
    language = models.CharField(_("taal"), max_length=2, choices=Language.choices, default=Language.DUTCH)
    visibility = models.CharField(
        _("zichtbaarheid"), max_length=12, choices=Visibility.choices, default=Visibility.NETWORK, db_index=True
    )

    parent_page_types = ["casebook.CaseIndexPage"]
    subpage_types = []
    template = "casebook/case_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("external_id"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("situation"), FieldPanel("stuck_points"), FieldPanel("approach"), FieldPanel("outcome")],
            heading=_("Het verhaal"),
        ),
        MultiFieldPanel([FieldPanel("needed"), FieldPanel("created")], heading=_("Nodig en gemaakt")),
        InlinePanel("case_lessons", label=_("Lessen")),
        FieldPanel("reflection"),
    ]
    classification_panels = [
        FieldPanel("problem_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("age_band"),
        FieldPanel("region"),
        FieldPanel("care_settings", widget=forms.CheckboxSelectMultiple),
        FieldPanel("framework"),
        FieldPanel("laws", widget=forms.CheckboxSelectMultiple),
        FieldPanel("life_domains", widget=forms.CheckboxSelectMultiple),
        FieldPanel("stuck_reasons", widget=forms.CheckboxSelectMultiple),
        FieldPanel("interventions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("outcome_status"),
        # Issue 4: coarsen a small group (region + age band + problem areas) on the public page and in search.
        FieldPanel("hide_age_band"),
        FieldPanel("hide_region"),
        FieldPanel("professionals_involved"),
        FieldPanel("one_plan"),
        FieldPanel("year"),
    ]
    settings_panels = [
        FieldPanel("visibility"),
        FieldPanel("consent"),
        FieldPanel("language"),
    ] + Page.settings_panels

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Casus")),
            ObjectList(classification_panels, heading=_("Classificatie")),
            ObjectList(Page.promote_panels, heading=_("Promotie")),
            ObjectList(settings_panels, heading=_("Instellingen")),
        ]
    )

    # For Wagtail's own (admin) search only; the professional search lives in search/.
    search_fields = Page.search_fields + [index.SearchField("summary"), index.FilterField("visibility")]

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")

    def clean(self):
        super().clean()
        no_control_characters_in(title=self.title)

    def serve(self, request, *args, **kwargs):
        # 404, not 403: a case someone may not see must leave no trace, not even that it exists.
        if not can_see(request.user, self):
            raise Http404
        case_read.send(sender=CasePage, user=request.user, channel="page", pages=[self])  # read audit
        response = super().serve(request, *args, **kwargs)
        if self.visibility != Visibility.PUBLIC:
            response["Cache-Control"] = "private, no-store"  # never kept by a shared cache or the browser
        return response

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.visibility == Visibility.PUBLIC else []

    def narrative_sections(self):
        """The four narrative sections in reading order, for templates and indexing."""
        return [
            ("situation", _("Situatie"), self.situation),
            ("stuck_points", _("Waar het vastliep"), self.stuck_points),
            ("approach", _("Wat doorbrak"), self.approach),
            ("outcome", _("Uitkomst"), self.outcome),
        ]


class CaseLesson(Orderable):
    """A lesson written with the case. The network's reviewed lessons live in learning."""

    page = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="case_lessons")
    text = models.TextField(_("les"), max_length=limits.LESSON, validators=[no_control_characters])

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("les")
        verbose_name_plural = _("lessen")

    def __str__(self):
        return self.text
