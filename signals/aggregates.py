"""Counts of the published cases a user may see, cross-tabulated for the signalering page and its exports.

The cases come only from `casebook.visibility.visible_cases(user)`, so an anonymous visitor's numbers come only
from public cases. A case whose region or age band an editor coarsened (CasePage.hide_region / hide_age_band)
counts as 'niet vermeld' there and never matches a region or age-band filter.

Every table is protected by suppression.protect. Filter differencing: for a view with filters F, each table is
compared, entry by entry (totals included), with the same table under every smaller set of filters (F minus any
non-empty subset). Where the unsuppressed counts differ by 1–4 the entry is hidden in the filtered view, so two
nested filter choices never both show numbers that differ by 1–4. Not covered: adding up the views of *all*
values of one filter (e.g. every age band) to compare with the unfiltered view — see docs/signals.md.
"""

from dataclasses import dataclass
from itertools import combinations

from django.utils.translation import gettext_lazy as _

from casebook.models import TaxonomyTerm
from casebook.visibility import visible_cases

from .suppression import TOTAL, protect

NOT_STATED = "niet-vermeld"

# GET parameter -> (fact attribute, vocabulary or None for the year, label). Multi-valued facts are frozensets.
FILTERS = {
    "regio": ("region", "regions", _("Regio")),
    "jaar": ("year", None, _("Jaar")),
    "leeftijd": ("age_band", "age_bands", _("Leeftijd")),
    "setting": ("settings", "settings", _("Setting")),
    "kader": ("framework", "frameworks", _("Kader")),
    "wet": ("laws", "laws", _("Wet")),
}
_MANY = {"problem_areas": "problem_areas", "stuck_reasons": "stuck_reasons", "settings": "care_settings",
         "laws": "laws", "life_domains": "life_domains"}


@dataclass(frozen=True)
class CaseFacts:
    region: str
    age_band: str
    year: int
    framework: str
    outcome: str
    problem_areas: frozenset
    stuck_reasons: frozenset
    settings: frozenset
    laws: frozenset
    life_domains: frozenset

    def matches(self, filters):
        for param, value in filters.items():
            attr = FILTERS[param][0]
            have = getattr(self, attr)
            if isinstance(have, frozenset):
                if value not in have:
                    return False
            elif str(have) != str(value):
                return False
        return True


def case_facts(user):
    """One CaseFacts per published case the user may see: six queries, however many cases."""
    cases = visible_cases(user)
    many = {attr: {} for attr in _MANY}
    for attr, field in _MANY.items():
        for case_id, slug in cases.filter(**{f"{field}__isnull": False}).values_list("id", f"{field}__slug"):
            many[attr].setdefault(case_id, set()).add(slug)
    facts = []
    rows = cases.values_list("id", "region__slug", "hide_region", "age_band__slug", "hide_age_band", "year",
                             "framework__slug", "outcome_status__slug")
    for case_id, region, hide_region, age_band, hide_age_band, year, framework, outcome in rows:
        facts.append(CaseFacts(
            region=NOT_STATED if hide_region or not region else region,
            age_band=NOT_STATED if hide_age_band or not age_band else age_band,
            year=year,
            framework=framework or NOT_STATED,
            outcome=outcome or NOT_STATED,
            **{attr: frozenset(many[attr].get(case_id, ())) for attr in _MANY},
        ))
    return facts


def terms(vocabulary):
    return [(t.slug, t.label) for t in TaxonomyTerm.objects.of(vocabulary).order_by("sort_order", "label_nl")]


def _not_stated():
    return (NOT_STATED, _("niet vermeld"))


# Each table: how to read (row keys, col keys) pairs from one case.
def _stuck_by_area(fact):
    return [(r, c) for r in fact.stuck_reasons for c in fact.problem_areas]


def _stuck(fact):
    return [(r, "cases") for r in fact.stuck_reasons]


def _region_by_year(fact):
    return [(fact.region, fact.year)]


def _outcome_by_stuck(fact):
    return [(r, fact.outcome) for r in fact.stuck_reasons]


def _life_domains(fact):
    return [(d, "cases") for d in fact.life_domains]


def table_specs(all_facts):
    """The tables of the overview: name -> (rows, cols, counting function, title). Rows and columns come from the
    taxonomy and from all cases the user may see, so every filtered view has the same shape."""
    cases_col = [("cases", _("casussen"))]
    years = sorted({f.year for f in all_facts})
    return {
        "stuck_by_area": (terms("stuck_reasons"), terms("problem_areas"), _stuck_by_area,
                          _("Waar de zorg vastliep, per probleemgebied")),
        "stuck": (terms("stuck_reasons"), cases_col, _stuck, _("Casussen per reden van vastlopen")),
        "region_by_year": (terms("regions") + [_not_stated()], [(y, str(y)) for y in years], _region_by_year,
                           _("Casussen per regio en jaar")),
        "outcome_by_stuck": (terms("stuck_reasons"), terms("outcome_status"), _outcome_by_stuck,
                             _("Uitkomst per reden van vastlopen")),
        "life_domains": (terms("life_domains"), cases_col, _life_domains, _("Betrokken leefgebieden")),
    }


def _raw(facts, filters, rows, cols, count):
    """Unsuppressed counts with their totals, keyed like suppression.Table.shown."""
    row_keys, col_keys = {r for r, _ in rows}, {c for c, _ in cols}
    grid = {}
    for fact in facts:
        if not fact.matches(filters):
            continue
        for r, c in count(fact):
            if r in row_keys and c in col_keys:
                for key in ((r, c), (r, TOTAL), (TOTAL, c), (TOTAL, TOTAL)):
                    grid[key] = grid.get(key, 0) + 1
    return grid


def _differencing_risks(facts, filters, rows, cols, count, threshold):
    """Entries whose count differs by 1–4 from the same entry under a smaller set of the active filters."""
    child = _raw(facts, filters, rows, cols, count)
    risky = set()
    params = list(filters)
    for size in range(1, len(params) + 1):
        for dropped in combinations(params, size):
            parent = _raw(facts, {p: v for p, v in filters.items() if p not in dropped}, rows, cols, count)
            risky |= {k for k in parent.keys() | child.keys() if 0 < parent.get(k, 0) - child.get(k, 0) < threshold}
    return risky


def overview(user, filters, threshold=5):
    """The protected tables for `filters` ({GET parameter: slug or year}): name -> (title, Table)."""
    facts = case_facts(user)
    tables = {}
    for name, (rows, cols, count, title) in table_specs(facts).items():
        raw = _raw(facts, filters, rows, cols, count)
        interior = {k: v for k, v in raw.items() if TOTAL not in k}
        risky = _differencing_risks(facts, filters, rows, cols, count, threshold) if filters else set()
        tables[name] = (title, protect(rows, cols, interior, extra_hidden=risky, threshold=threshold))
    return tables


def top_stuck_reasons(table, limit=3):
    """The most frequent stuck reasons among the shown counts: [(label, n)], largest first."""
    shown = [(label, table.value(key, "cases")) for key, label in table.rows]
    shown = [(label, n) for label, n in shown if n]
    return sorted(shown, key=lambda item: -item[1])[:limit]
