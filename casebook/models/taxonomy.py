from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .. import text_limits as limits
from ..text_limits import no_control_characters


class Vocabulary(models.TextChoices):
    """The classification vocabularies of the interchange format (keys of taxonomy.json)."""

    PROBLEM_AREAS = "problem_areas", _("Probleemgebieden")
    AGE_BANDS = "age_bands", _("Leeftijdsgroepen")
    REGIONS = "regions", _("Regio's")
    SETTINGS = "settings", _("Zorgsettings")
    FRAMEWORKS = "frameworks", _("Kaders")
    LAWS = "laws", _("Wetten")
    LIFE_DOMAINS = "life_domains", _("Leefgebieden")
    STUCK_REASONS = "stuck_reasons", _("Redenen van vastlopen")
    INTERVENTIONS = "interventions", _("Interventies")
    OUTCOME_STATUS = "outcome_status", _("Uitkomsten")


class TaxonomyTermQuerySet(models.QuerySet):
    def of(self, vocabulary):
        return self.filter(vocabulary=vocabulary)


class TaxonomyTerm(index.Indexed, models.Model):
    """One term of one vocabulary, with a stable slug and Dutch and English labels. Editable as a snippet."""

    vocabulary = models.CharField(_("vocabulaire"), max_length=32, choices=Vocabulary.choices, db_index=True)
    slug = models.SlugField(_("slug"), max_length=64, help_text=_("Vaste sleutel uit het uitwisselformaat."))
    label_nl = models.CharField(_("naam (Nederlands)"), max_length=200, validators=[no_control_characters])
    label_en = models.CharField(_("naam (Engels)"), max_length=200, blank=True, validators=[no_control_characters])
    description = models.TextField(_("toelichting"), blank=True, max_length=limits.NOTE,
                                   validators=[no_control_characters])
    search_terms = models.TextField(
        _("zoektermen"),
        blank=True,
        max_length=limits.NOTE,
        validators=[no_control_characters],
        help_text=_(
            "Hoe professionals, ouders en jongeren dit zeggen, gescheiden door puntkomma's of regels "
            "(afkortingen, spreektaal, vervoegingen: 'wiet; blowen; cannabis'). De zoekfunctie herkent ze in een "
            "zoekvraag en stelt deze term dan voor als filter."
        ),
    )
    # The seed (casebook/data/search_terms.txt) last applied to search_terms, so a release that grows the seed
    # reaches existing databases without undoing what editors wrote (taxonomy.seed_search_terms).
    search_terms_seed = models.TextField(blank=True, editable=False)
    sort_order = models.PositiveIntegerField(_("volgorde"), default=0)

    objects = TaxonomyTermQuerySet.as_manager()

    panels = [
        FieldPanel("vocabulary"),
        FieldPanel("slug"),
        FieldPanel("label_nl"),
        FieldPanel("label_en"),
        FieldPanel("description"),
        FieldPanel("search_terms"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("label_nl"),
        index.SearchField("label_en"),
        index.AutocompleteField("label_nl"),
        index.FilterField("vocabulary"),
    ]

    class Meta:
        verbose_name = _("taxonomieterm")
        verbose_name_plural = _("taxonomie")
        ordering = ["vocabulary", "sort_order", "label_nl"]
        constraints = [models.UniqueConstraint(fields=["vocabulary", "slug"], name="unique_term_slug_per_vocabulary")]

    def __str__(self):
        return self.label

    @property
    def label(self):
        if (get_language() or "nl").startswith("en") and self.label_en:
            return self.label_en
        return self.label_nl

    def search_term_list(self):
        """The editors' search terms, one string each."""
        return [t.strip() for t in self.search_terms.replace("\n", ";").split(";") if t.strip()]
