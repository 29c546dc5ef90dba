"""How the interchange format's classification fields map onto the taxonomy and onto CasePage.

Import, export, filters, browse pages and search facets all read this one table.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ClassificationField:
    name: str  # field name in the interchange format and the search API
    vocabulary: str  # key in taxonomy.json / TaxonomyTerm.vocabulary
    attr: str  # attribute on CasePage
    many: bool
    label: str


CLASSIFICATION_FIELDS = (
    ClassificationField("problem_areas", "problem_areas", "problem_areas", True, _("Probleemgebied")),
    ClassificationField("age_band", "age_bands", "age_band", False, _("Leeftijd")),
    ClassificationField("region", "regions", "region", False, _("Regio")),
    ClassificationField("settings", "settings", "care_settings", True, _("Setting")),
    ClassificationField("framework", "frameworks", "framework", False, _("Kader")),
    ClassificationField("laws", "laws", "laws", True, _("Wetten")),
    ClassificationField("life_domains", "life_domains", "life_domains", True, _("Leefgebieden")),
    ClassificationField("stuck_reasons", "stuck_reasons", "stuck_reasons", True, _("Vastgelopen op")),
    ClassificationField("interventions", "interventions", "interventions", True, _("Interventies")),
    ClassificationField("outcome_status", "outcome_status", "outcome_status", False, _("Uitkomst")),
)
BY_NAME = {field.name: field for field in CLASSIFICATION_FIELDS}

# Fields an editor may hide for a small group ('niet vermeld', issue 4), with the CasePage flag that hides them.
# A hidden value is not shown, not filterable and not counted anywhere: not on cards, lists, facets or browse pages.
COARSENABLE = {"region": "hide_region", "age_band": "hide_age_band"}


def without_hidden(queryset, field_name, prefix=""):
    """`queryset` of cases minus those whose `field_name` is hidden; unchanged for fields that cannot be hidden."""
    flag = COARSENABLE.get(field_name)
    return queryset.exclude(**{f"{prefix}{flag}": True}) if flag else queryset
