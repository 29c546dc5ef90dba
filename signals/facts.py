"""The facts the signalering counts, one row per visible case, held as integer arrays, and the unsuppressed counts
of every view of a mesh computed from them with numpy.

At 100,000 cases building one Python object per case (with frozensets) took seconds and counting in a Python loop
about a second per set of filter parameters; here a fact is an index column (single-valued: region, age band, year,
framework, outcome; 'niet vermeld' is a value of its own) or a 0/1 matrix cases × values (multi-valued: problem
areas, stuck reasons, settings, laws, life domains), and a table of a view is one matrix product, rows.T @ cols, over
the cases of that view. What is counted is unchanged (tests/signals/test_counting.py compares it with the former
per-case loop).
"""

import numpy as np

from .suppression import TOTAL

NOT_STATED = "niet-vermeld"
SINGLE = ("region", "age_band", "year", "framework", "outcome")
# Multi-valued fact -> CasePage field.
MANY = {"problem_areas": "problem_areas", "stuck_reasons": "stuck_reasons", "settings": "care_settings",
        "laws": "laws", "life_domains": "life_domains"}


class Facts:
    """`values[attr]`: the distinct values of a fact among these cases (slugs, NOT_STATED, years);
    `codes[attr]`: per case the index of its value (single-valued facts); `sets[attr]`: cases × values, 1 where the
    case names the value (multi-valued facts)."""

    def __init__(self, n, values, codes, sets):
        self.n, self.values, self.codes, self.sets = n, values, codes, sets
        self._axes = {}  # every view of every mesh counts over the same axes

    @property
    def years(self):
        present = np.unique(self.codes["year"]) if self.n else []
        return sorted(self.values["year"][i] for i in present)

    def axis(self, attr, keys):
        """A float matrix cases × keys: 1 where the case has that value of `attr` (None: every case counts in every
        key, the tables' single 'casussen' column). Values that are no key are not counted, as before."""
        memo = (attr, tuple(keys))
        if memo not in self._axes:
            self._axes[memo] = self._axis(attr, keys)
        return self._axes[memo]

    def _axis(self, attr, keys):
        if attr is None:
            return np.ones((self.n, len(keys)))
        column = {value: i for i, value in enumerate(self.values[attr])}
        matrix = np.zeros((self.n, len(keys)))
        for j, key in enumerate(keys):
            if key in column:
                if attr in self.codes:
                    matrix[:, j] = self.codes[attr] == column[key]
                else:
                    matrix[:, j] = self.sets[attr][:, column[key]]
        return matrix

    def choices(self, attr):
        """Per value of `attr`, the filter value it is (str), or None for 'niet vermeld' (no filter choice)."""
        return [None if str(v) == NOT_STATED else str(v) for v in self.values[attr]]


def pack(facts):
    """A compact form to cache (about 12 bytes a case): small integer codes, bit-packed sets."""
    def small(codes, size):
        return codes.astype(np.min_scalar_type(max(size - 1, 0)))

    return {"n": facts.n, "values": facts.values,
            "codes": {attr: small(codes, len(facts.values[attr])) for attr, codes in facts.codes.items()},
            "sets": {attr: np.packbits(matrix, axis=1) for attr, matrix in facts.sets.items()}}


def unpack(data):
    n, values = data["n"], data["values"]
    codes = {attr: codes.astype(np.int64) for attr, codes in data["codes"].items()}
    sets = {attr: np.unpackbits(bits, axis=1, count=len(values[attr])).astype(bool).reshape(n, len(values[attr]))
            for attr, bits in data["sets"].items()}
    return Facts(n, values, codes, sets)


def _encode(labels, inverse):
    """Distinct labels (in first-seen order) and per case the index into them, given per-case indices `inverse`
    into `labels` (which may repeat a label: two term ids with the same slug, or a hidden value)."""
    values = list(dict.fromkeys(labels))
    index = {v: i for i, v in enumerate(values)}
    remap = np.array([index[label] for label in labels], dtype=np.int64)
    return values, (remap[inverse] if len(inverse) else np.zeros(0, dtype=np.int64))


def from_case_facts(facts):
    """Facts from a list of objects with the fact attributes (aggregates.CaseFacts): for tests and small sets."""
    n = len(facts)
    values, codes, sets = {}, {}, {}
    for attr in SINGLE:
        labels = [getattr(f, attr) for f in facts]
        distinct = list(dict.fromkeys(labels))
        index = {v: i for i, v in enumerate(distinct)}
        values[attr], codes[attr] = _encode(distinct, np.array([index[v] for v in labels], dtype=np.int64))
    for attr in MANY:
        distinct = list(dict.fromkeys(v for f in facts for v in sorted(getattr(f, attr), key=str)))
        index = {v: i for i, v in enumerate(distinct)}
        matrix = np.zeros((n, len(distinct)), dtype=bool)
        for row, f in enumerate(facts):
            for v in getattr(f, attr):
                matrix[row, index[v]] = True
        values[attr], sets[attr] = distinct, matrix
    return Facts(n, values, codes, sets)


def load(visibilities):
    """The facts of every live case of these visibilities (allowed_visibilities of a user): one query for the cases
    and one per multi-valued fact (its link table), ids only; the term slugs come from one small query."""
    from casebook.models import CasePage, TaxonomyTerm

    cases = CasePage.objects.live().filter(visibility__in=visibilities).order_by()
    slugs = dict(TaxonomyTerm.objects.values_list("id", "slug"))
    rows = list(cases.values_list("id", "region_id", "hide_region", "age_band_id", "hide_age_band", "year",
                                  "framework_id", "outcome_status_id"))
    # Floats carry a missing term (None) as NaN; ids and years are far below 2**53.
    table = np.array(rows, dtype=np.float64).reshape(len(rows), 8)
    ids = table[:, 0].astype(np.int64)
    n = len(ids)

    def term_column(column, hidden=None):
        term = np.where(np.isnan(table[:, column]), -1, table[:, column]).astype(np.int64)
        if hidden is not None:
            term[table[:, hidden] != 0] = -1  # coarsened by an editor: 'niet vermeld', like no term at all
        present, inverse = np.unique(term, return_inverse=True)
        # A term added since the slugs were read (a race with an editor) counts as 'niet vermeld' this time.
        return _encode([slugs.get(t, NOT_STATED) for t in present.tolist()], inverse)

    values, codes, sets = {}, {}, {}
    for attr, column, hidden in (("region", 1, 2), ("age_band", 3, 4), ("framework", 6, None),
                                 ("outcome", 7, None)):
        values[attr], codes[attr] = term_column(column, hidden)
    years, inverse = np.unique(table[:, 5].astype(np.int64), return_inverse=True)
    values["year"], codes["year"] = [int(y) for y in years], inverse.astype(np.int64)

    order = np.argsort(ids)
    sorted_ids = ids[order]
    for attr, name in MANY.items():
        field = CasePage._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        links = np.array(list(through.objects.filter(**{f"{source}__in": cases.values("pk")})
                              .values_list(source, target)), dtype=np.int64).reshape(-1, 2)
        # A case published between the two queries is not among the rows: drop its links.
        position = np.clip(np.searchsorted(sorted_ids, links[:, 0]), 0, max(n - 1, 0))
        known = (sorted_ids[position] == links[:, 0]) if n else np.zeros(len(links), dtype=bool)
        known &= np.isin(links[:, 1], list(slugs))  # and a link to a term added since the slugs were read
        links, position = links[known], position[known]
        present, inverse = np.unique(links[:, 1], return_inverse=True)
        values[attr], column = _encode([slugs[t] for t in present.tolist()], inverse)
        matrix = np.zeros((n, len(values[attr])), dtype=bool)
        matrix[order[position], column] = True
        sets[attr] = matrix
    return Facts(n, values, codes, sets)


def assignments(facts, params, attrs):
    """Which case counts in which view over `params` (GET parameters; `attrs` their fact attributes):
    (case index per pair, view per pair as one integer, {view integer: tuple of filter values}), pairs sorted by
    view. A case is in one view per combination of its values ('niet vermeld' is in none)."""
    cases = np.arange(facts.n)
    picks = []  # per param: index into its choices, per pair
    choices = []
    for param in params:
        attr = attrs[param]
        labels = facts.choices(attr)
        choices.append(labels)
        allowed = np.array([label is not None for label in labels], dtype=bool)
        if attr in facts.codes:
            value = facts.codes[attr][cases]
            keep = allowed[value] if len(labels) else np.zeros(len(cases), dtype=bool)
            cases, value = cases[keep], value[keep]
            picks = [p[keep] for p in picks]
        else:
            pair, value = np.nonzero(facts.sets[attr][cases] & allowed)
            cases = cases[pair]
            picks = [p[pair] for p in picks]
        picks.append(value)
    sizes = [max(len(labels), 1) for labels in choices]
    view = np.ravel_multi_index(picks, sizes) if params else np.zeros(len(cases), dtype=np.int64)
    order = np.argsort(view, kind="stable")
    cases, view = cases[order], view[order]
    names = {}
    for code in np.unique(view).tolist():
        index = np.unravel_index(code, sizes) if params else ()
        names[code] = tuple(choices[k][int(i)] for k, i in enumerate(index))
    return cases, view, names


def count_views(facts, tables, params, attrs):
    """Unsuppressed counts with totals for every view over `params` that has a case: {values: {table: grid}}, a grid
    {(row key | TOTAL, col key | TOTAL): n} holding the non-zero entries only; a total is the sum of its cells.

    `tables`: name -> (row keys, col keys, row fact attribute, col fact attribute or None)."""
    cases, view, names = assignments(facts, params, attrs)
    starts = np.flatnonzero(np.r_[True, view[1:] != view[:-1]]) if len(view) else np.zeros(0, dtype=np.int64)
    ends = np.r_[starts[1:], len(view)]
    views = {names[code]: {name: {} for name in tables} for code in view[starts].tolist()}
    for name, (row_keys, col_keys, row_attr, col_attr) in tables.items():
        rows = facts.axis(row_attr, row_keys)[cases]
        cols = facts.axis(col_attr, col_keys)[cases]
        for start, end, code in zip(starts.tolist(), ends.tolist(), view[starts].tolist()):
            counts = np.rint(rows[start:end].T @ cols[start:end]).astype(np.int64)
            views[names[code]][name] = _grid(counts, row_keys, col_keys)
    return views


def _grid(counts, row_keys, col_keys):
    grid = {}
    rows, cols = np.nonzero(counts)
    for i, j, n in zip(rows.tolist(), cols.tolist(), counts[rows, cols].tolist()):
        grid[(row_keys[i], col_keys[j])] = n
    for i, n in enumerate(counts.sum(axis=1).tolist()):
        if n:
            grid[(row_keys[i], TOTAL)] = n
    for j, n in enumerate(counts.sum(axis=0).tolist()):
        if n:
            grid[(TOTAL, col_keys[j])] = n
    total = int(counts.sum())
    if total:
        grid[(TOTAL, TOTAL)] = total
    return grid
