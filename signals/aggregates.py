"""Counts of the published cases a user may see, cross-tabulated for the signalering page and its exports.

The cases come only from `casebook.visibility.visible_cases(user)`, so an anonymous visitor's numbers come only
from public cases. A case whose region or age band an editor coarsened (CasePage.hide_region / hide_age_band)
counts as 'niet vermeld' there and never matches a region or age-band filter.

Every table is protected by suppression.protect, and every view together with the views it can be compared with
(see _mesh): nested filter choices never show numbers that differ by 1–4, and the views of all values of one filter
never give away an entry hidden in one of them (partition attack). What is not covered: docs/signals.md.
"""

from dataclasses import dataclass
from itertools import combinations

from django.utils.translation import gettext_lazy as _

from casebook.models import TaxonomyTerm
from casebook.visibility import allowed_visibilities

from . import cache
from . import facts as case_arrays  # the facts module; `facts` names the data throughout
from .facts import MANY as _MANY, NOT_STATED
from .suppression import TOTAL, Table, protect

# GET parameter -> (fact attribute, vocabulary or None for the year, label).
FILTERS = {
    "regio": ("region", "regions", _("Regio")),
    "jaar": ("year", None, _("Jaar")),
    "leeftijd": ("age_band", "age_bands", _("Leeftijd")),
    "setting": ("settings", "settings", _("Setting")),
    "kader": ("framework", "frameworks", _("Kader")),
    "wet": ("laws", "laws", _("Wet")),
}


@dataclass(frozen=True)
class CaseFacts:
    """The facts of one case, as tests write them (signals.facts.from_case_facts turns a list into arrays)."""

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


def case_facts(visibilities):
    """The facts of the published cases of these visibilities (allowed_visibilities of a user) as arrays
    (signals.facts.Facts): six queries, however many cases."""
    return case_arrays.load(visibilities)


def _arrays(facts):
    return facts if isinstance(facts, case_arrays.Facts) else case_arrays.from_case_facts(facts)


def terms(vocabulary):
    return [(t.slug, t.label) for t in TaxonomyTerm.objects.of(vocabulary).order_by("sort_order", "label_nl")]


def _not_stated():
    return (NOT_STATED, _("niet vermeld"))


# Filters whose values split the cases into disjoint groups (one value per case). Their views add up to the view
# without them (plus the cases where the value is 'niet vermeld'): the partition attack works over these.
SINGLE_VALUED = {param for param, (attr, _v, _l) in FILTERS.items() if attr not in _MANY}


def _keys(pairs):
    return list(dict.fromkeys(key for key, _label in pairs))


def _raw_views(facts, specs, params):
    """Unsuppressed counts with totals for every view over `params` that has a case: {values: {table: grid}}, a grid
    holding the non-zero entries; a total is the sum of its cells. Counted with numpy (signals.facts.count_views)."""
    tables = {name: (_keys(rows), _keys(cols), *axes) for name, (rows, cols, axes, _t) in specs.items()}
    return case_arrays.count_views(_arrays(facts), tables, params, {p: FILTERS[p][0] for p in params})


@dataclass
class _Mesh:
    """All views over one set of filter parameters, protected together."""

    params: tuple
    raw: dict  # values -> table -> grid
    tables: dict  # values -> table -> suppression.Table


def _mesh(facts, specs, params, threshold, memo):
    """Protect every view over `params` (sorted tuple), given the views over fewer parameters (memoised).

    A view's hidden entries: primary and complementary suppression in each table (suppression.protect); entries that
    differ by 1–4 from the same entry in a view with fewer of these filters (nested choices); and, for each
    single-valued filter p, the partition rule: the views p=v1, p=v2, … (other filters equal) add up to the view
    without p, apart from a remainder (cases where p is 'niet vermeld', never shown as a view). Wherever that view
    shows an entry and exactly one of its parts hides it, a second part hides it too (the smallest non-zero one that
    is shown; if there is none, the entry follows from the parent, so its own table stops counting on it); and where the remainder is 1–4 and no part hides the entry, one part hides it, so the small remainder
    cannot be worked out either. Each added entry goes back through protect, until nothing changes. Views over fewer filters are final before these are computed, so every page of a mesh shows what
    this computation assumed."""
    if params in memo:
        return memo[params]
    facts = _arrays(facts)
    raw = _raw_views(facts, specs, params)
    ancestors = []  # (positions kept, mesh) for every proper subset of params
    for size in range(len(params)):
        for kept in combinations(range(len(params)), size):
            ancestors.append((kept, _mesh(facts, specs, tuple(params[i] for i in kept), threshold, memo)))
    extra = {}
    for values, grids in raw.items():
        for name, grid in grids.items():
            risky = set()
            for kept, mesh in ancestors:
                parent = mesh.raw.get(tuple(values[i] for i in kept), {}).get(name, {})
                risky |= {k for k in parent.keys() | grid.keys() if 0 < parent.get(k, 0) - grid.get(k, 0) < threshold}
            extra[(values, name)] = risky

    known = {key: set() for key in extra}
    links = _links(specs)

    def build(values, name):
        rows, cols, _count, _title = specs[name]
        interior = {k: v for k, v in raw[values][name].items() if TOTAL not in k}
        return protect(rows, cols, interior, extra_hidden=extra[(values, name)], threshold=threshold,
                       known=known[(values, name)])

    tables = {values: {name: build(values, name) for name in specs} for values in raw}
    groups = []  # (parent mesh, position of p, {parent values: [views]})
    for i, param in enumerate(params):
        if param in SINGLE_VALUED:
            parent = _mesh(facts, specs, params[:i] + params[i + 1:], threshold, memo)
            members = {}
            for values in raw:
                members.setdefault(values[:i] + values[i + 1:], []).append(values)
            groups.append((parent, members))
    # What the partition rule compares with never changes (the parent mesh is final): the entries the parent shows
    # and how many parts must hide each (none when the remainder is 1-4, else one gives it away). In the order of
    # the groups, the parent views, the tables and the parent's entries.
    checks = []  # (views, table, [(key, hidden parts that would give one away)])
    for parent, members in groups:
        for parent_values, views in members.items():
            for name in specs:
                parent_raw = parent.raw[parent_values][name]
                entries = []
                for key, shown in parent.tables[parent_values][name].shown.items():
                    if shown is not None:
                        remainder = parent_raw.get(key, 0) - sum(raw[v][name].get(key, 0) for v in views)
                        entries.append((key, 0 if 0 < remainder < threshold else 1))
                checks.append((views, name, entries))
    dirty = None  # the tables rebuilt in the last round; None: the first round looks at every table
    while True:
        changed = set()
        for views, name, entries in checks:
            if dirty is not None and not any((v, name) in dirty for v in views):
                continue  # nothing it depends on changed since the last round, in which it changed nothing
            for key, needed in entries:
                hidden = [v for v in views if tables[v][name].shown[key] is None]
                if len(hidden) != needed:
                    continue
                visible = [(tables[v][name].shown[key], v) for v in views
                           if v not in hidden and tables[v][name].shown[key]
                           and key not in known[(v, name)] and key not in extra[(v, name)]]
                if visible:
                    _n, chosen = min(visible)
                    extra[(chosen, name)].add(key)
                    changed.add((chosen, name))
                elif hidden and key not in known[(hidden[0], name)]:
                    # No other part can hide it: it follows from the parent, so it protects nothing in its own
                    # table either. Show it there and let that table hide something else.
                    known[(hidden[0], name)].add(key)
                    changed.add((hidden[0], name))
        for values, grids in tables.items():
            if dirty is not None and not any((values, name) in dirty for name in specs):
                continue
            for group in links:
                for name, key in _unlinked(group, grids, raw[values], known, values):
                    extra[(values, name)].add(key)
                    changed.add((values, name))
        if not changed:
            break
        for values, name in changed:
            tables[values][name] = build(values, name)
        dirty = changed
    memo[params] = _Mesh(params, raw, tables)
    return memo[params]


def _links(specs):
    """Entries of different tables of one view that count the same cases by definition (when their counts agree):
    the cases stuck on a reason (bar chart), the outcome table's row total for it (every case has one outcome) and
    the heatmap's row margin (when each of those cases names one problem area); and the grand totals. The tables are
    protected one by one, so without this one could show what another hides (tests/signals/test_across_tables.py)."""
    groups = [[(name, (TOTAL, TOTAL)) for name in specs] + [("stuck", (TOTAL, "cases")),
                                                            ("life_domains", (TOTAL, "cases"))]]
    for reason, _label in specs["stuck"][0]:
        groups.append([("stuck", (reason, "cases")), ("stuck", (reason, TOTAL)), ("outcome_by_stuck", (reason, TOTAL)),
                       ("stuck_by_area", (reason, TOTAL))])
    return groups


def _unlinked(group, tables, raw, known, values):
    """Entries of `group` that show a count another entry of the group, equal to it, hides: [(table, key)]."""
    by_count = {}
    for name, key in group:
        by_count.setdefault(raw[name].get(key, 0), []).append((name, key))
    found = []
    for entries in by_count.values():
        if any(tables[name].shown[key] is None for name, key in entries):
            found += [(name, key) for name, key in entries
                      if tables[name].shown[key] is not None and key not in known[(values, name)]]
    return found


def _empty_tables(specs, threshold):
    return {name: protect(rows, cols, {}, threshold=threshold) for name, (rows, cols, _c, _t) in specs.items()}


def _years(facts):
    return _arrays(facts).years


def table_specs(all_facts=None, years=None):
    """The tables of the overview: name -> (rows, cols, (row fact, column fact), title): a case counts in each
    (row, column) pair of its values of those facts (column fact None: in the single 'casussen' column once). Rows and
    columns come from the taxonomy and from the years of all cases the user may see, so every filtered view has the
    same shape."""
    years = _years(all_facts) if years is None else years
    cases_col = [("cases", _("casussen"))]
    return {
        "stuck_by_area": (terms("stuck_reasons"), terms("problem_areas"), ("stuck_reasons", "problem_areas"),
                          _("Waar de zorg vastliep, per probleemgebied")),
        "stuck": (terms("stuck_reasons"), cases_col, ("stuck_reasons", None), _("Casussen per reden van vastlopen")),
        "region_by_year": (terms("regions") + [_not_stated()], [(y, str(y)) for y in years], ("region", "year"),
                           _("Casussen per regio en jaar")),
        "outcome_by_stuck": (terms("stuck_reasons"), terms("outcome_status"), ("stuck_reasons", "outcome"),
                             _("Uitkomst per reden van vastlopen")),
        "life_domains": (terms("life_domains"), cases_col, ("life_domains", None), _("Betrokken leefgebieden")),
    }


def _facts(visibilities, generation):
    """The facts of the cases these visibilities see, as of `generation`: read from the cache when a request or the
    warm task loaded them since the last publish (reading the cases takes most of a cold request at 100,000), else
    loaded and stored there. They are as private as the cases: keyed by visibility class like the tables, and only
    ever read to be counted and protected."""
    packed = cache.get_value(visibilities, "facts", generation)
    if packed is not None:
        return case_arrays.unpack(packed)
    facts = case_facts(visibilities)
    cache.put_value(visibilities, "facts", case_arrays.pack(facts), generation)
    return facts


def case_years(visibilities):
    """The years of the cases these visibilities see (the filter form's choices)."""
    return _facts(tuple(visibilities), cache.current()).years


def _compute(visibilities, filters, threshold, generation):
    """Count and protect: [(filters, cached data)] for the requested view and every view protected with it."""
    facts = _facts(visibilities, generation)
    specs = table_specs(years=facts.years)
    params = tuple(sorted(filters))
    memo = {}
    _mesh(facts, specs, params, threshold, memo)
    return _views(memo, specs, facts.years, threshold, [{p: str(filters[p]) for p in params}])


def _views(memo, specs, years, threshold, wanted=()):
    """[(filters, cached data)] for every view of the meshes in `memo`, plus an empty view for each filter set in
    `wanted` that no case has (zeros: "no case" is not a small group)."""
    views = []
    for mesh_params, mesh in memo.items():
        for values, tables in mesh.tables.items():
            shown = {name: table.shown for name, table in tables.items()}
            views.append((dict(zip(mesh_params, values)), {"years": years, "shown": shown}))
    missing = [w for w in wanted if not any(view == w for view, _data in views)]
    if missing:
        empty = {name: table.shown for name, table in _empty_tables(specs, threshold).items()}
        views += [(w, {"years": years, "shown": empty}) for w in missing]
    return views


# What the task after a publish counts for each visibility class (tasks.warm_overview): the overview, every view one
# click away from it (one mesh per filter parameter holds all its values) and the regional report's mesh.
WARM_PARAMS = ((),) + tuple((param,) for param in FILTERS) + (("jaar", "regio"),)


def _choices(param, years):
    vocabulary = FILTERS[param][1]
    return [str(y) for y in years] if vocabulary is None else [slug for slug, _label in terms(vocabulary)]


def warm(visibilities, threshold=5):
    """Count and protect every view of WARM_PARAMS for these visibilities and store them (and the filter form's
    years) under the generation read before counting, as a request would. A choice no case has gets the empty view a
    request for it would store. Returns the number of views stored (0 when they were stored for this generation
    already)."""
    generation = cache.current()
    if cache.get_value(visibilities, "warmed", generation):
        return 0  # another task did it for this generation (one per published case of a bulk import)
    facts = case_facts(visibilities)
    cache.put_value(visibilities, "facts", case_arrays.pack(facts), generation)  # for the views not warmed here
    years = facts.years
    specs = table_specs(years=years)
    memo = {}
    wanted = []
    for params in WARM_PARAMS:
        _mesh(facts, specs, params, threshold, memo)
        combos = [{}]
        for param in params:
            combos = [dict(combo, **{param: value}) for combo in combos for value in _choices(param, years)]
        wanted += combos
    views = _views(memo, specs, years, threshold, wanted)
    cache.put_many(visibilities, views, threshold, generation)
    cache.put_value(visibilities, "years", years, generation)
    cache.put_value(visibilities, "warmed", True, generation)
    return len(views)


def overview(user, filters, threshold=5, *, visibilities=None):
    """The protected tables for `filters` ({GET parameter: slug or year}): name -> (title, Table).

    Served from signals.cache when this visibility class has asked for these filters since the last publish."""
    filters = {p: str(v) for p, v in filters.items()}
    visibilities = tuple(visibilities or allowed_visibilities(user))
    data, generation = cache.get(visibilities, filters, threshold)
    if data is None:
        views = _compute(visibilities, filters, threshold, generation)
        cache.put_many(visibilities, views, threshold, generation)
        data = next(d for view, d in views if view == filters)
    specs = table_specs(years=data["years"])
    return {name: (title, Table(rows=list(rows), cols=list(cols), shown=data["shown"][name]))
            for name, (rows, cols, _count, title) in specs.items()}


def top_stuck_reasons(table, limit=3):
    """The most frequent stuck reasons among the shown counts: [(label, n)], largest first."""
    shown = [(label, table.value(key, "cases")) for key, label in table.rows]
    shown = [(label, n) for label, n in shown if n]
    return sorted(shown, key=lambda item: -item[1])[:limit]
