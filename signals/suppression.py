"""Small-cell protection for the signalering tables: no count of 1–4 is shown, and none can be worked out.

A table is a grid of counts with row totals, column totals and a grand total, all computed from the unsuppressed
data (a total is the sum of its cells). Every row and every column, the totals row and column included, is one
equation "cells add up to the total". We hide:

1. primary: every entry (cell or total) of 1–4, plus any entry the caller marks (filter differencing, see
   aggregates.py);
2. complementary: in every equation with exactly one hidden entry, also the smallest visible non-zero entry
   of that equation (zeros are no protection: a hidden zero beside a hidden 3 gives the 3 away), repeated until
   stable;
3. a final exact check: the visible entries form a system of linear equations in the hidden ones; if any hidden
   entry is uniquely determined by it (also through combinations of rows and columns), hide another entry next
   to it, and as a last resort all totals, until none is.

What this guarantees: nothing shown is 1–4 (zeros are shown: "no case" is not a small group), and no hidden
entry can be computed exactly from the same table. It does not guarantee a wide protection interval (a hidden
cell may be known to lie between 0 and, say, 9).
"""

from dataclasses import dataclass, field
from fractions import Fraction

THRESHOLD = 5
TOTAL = "__total__"


@dataclass
class Table:
    """A protected table: `value(r, c)` is the count, or None when it is hidden. TOTAL stands for a total."""

    rows: list  # [(key, label)]
    cols: list  # [(key, label)]
    shown: dict = field(default_factory=dict)  # (row key | TOTAL, col key | TOTAL) -> int | None

    def value(self, row, col):
        return self.shown.get((row, col))

    def row_total(self, row):
        return self.shown.get((row, TOTAL))

    def col_total(self, col):
        return self.shown.get((TOTAL, col))

    @property
    def grand_total(self):
        return self.shown.get((TOTAL, TOTAL))

    def values(self):
        """Every number the table shows (for tests and exports)."""
        return [v for v in self.shown.values() if v is not None]

    def lines(self):
        """Rows for templates: (key, label, [shown cell values], shown row total)."""
        return [(r, label, [self.value(r, c) for c, _ in self.cols], self.row_total(r)) for r, label in self.rows]

    def col_totals(self):
        return [self.col_total(c) for c, _ in self.cols]


def protect(rows, cols, counts, extra_hidden=(), threshold=THRESHOLD, known=()):
    """Build a protected Table from interior counts {(row key, col key): n}; missing cells are 0.

    `known`: entries an attacker can work out from other views (aggregates._mesh). Hiding them protects nothing, so
    they are shown (unless 1–4) and never chosen as a complementary entry."""
    row_keys = [r for r, _ in rows] + [TOTAL]
    col_keys = [c for c, _ in cols] + [TOTAL]
    grid = {(r, c): counts.get((r, c), 0) for r in row_keys[:-1] for c in col_keys[:-1]}
    for r in row_keys[:-1]:
        grid[(r, TOTAL)] = sum(grid[(r, c)] for c in col_keys[:-1])
    for c in col_keys:
        grid[(TOTAL, c)] = sum(grid[(r, c)] for r in row_keys[:-1])

    # An equation: interior entries, then its total (last).
    equations = [[(r, c) for c in col_keys] for r in row_keys] + [[(r, c) for r in row_keys] for c in col_keys]
    known = set(known) & grid.keys()
    hidden = {k for k, v in grid.items() if 0 < v < threshold} | ((set(extra_hidden) & grid.keys()) - known)
    known -= hidden  # a known entry of 1-4 stays hidden (its protection is the other view's business)
    order = {k: i for i, k in enumerate(grid)}  # deterministic tie-break: the same data hides the same cells

    def smallest_visible(keys):
        candidates = [k for k in keys if k not in hidden and k not in known and grid[k] > 0]
        return min(candidates, key=lambda k: (grid[k], order[k])) if candidates else None

    while True:
        changed = False
        for equation in equations:
            if sum(k in hidden for k in equation) == 1:
                extra = smallest_visible(equation)
                if extra is not None:  # None only if every other entry is 0: then the hidden one is 0 too
                    hidden.add(extra)
                    changed = True
        if changed:
            continue
        determined = _determined(equations, grid, hidden)
        if not determined:
            break
        key = min(determined, key=order.get)
        extra = smallest_visible(k for eq in equations if key in eq for k in eq)
        if extra is not None:
            hidden.add(extra)
            continue
        # No candidate left beside it: hide the totals, then the entries other views already give away, then every
        # non-zero entry. Each step hides more, so this ends (it used to loop for ever once the totals were hidden).
        related = {k for eq in equations if key in eq for k in eq}
        for more in ({k for k in grid if TOTAL in k}, {k for k in related if grid[k] > 0},
                     {k for k in grid if grid[k] > 0}):
            if more - hidden:
                hidden |= more
                break
        else:
            break

    shown = {k: (None if k in hidden else v) for k, v in grid.items()}
    return Table(rows=list(rows), cols=list(cols), shown=shown)


def _determined(equations, grid, hidden):
    """Hidden entries whose value follows exactly from the visible ones (e_i lies in the equations' row space)."""
    unknowns = sorted({k for eq in equations for k in eq if k in hidden}, key=str)
    index = {k: i for i, k in enumerate(unknowns)}
    matrix = []
    for equation in equations:
        row = [Fraction(0)] * len(unknowns)
        *cells, total = equation
        for k in cells:
            if k in hidden:
                row[index[k]] += 1
        if total in hidden:
            row[index[total]] -= 1
        if any(row):
            matrix.append(row)
    return {unknowns[i] for i in _unit_rows(matrix, len(unknowns))}


def _unit_rows(matrix, width):
    """Reduced row echelon form; a variable is determined iff some reduced row is exactly its unit vector."""
    rows = [list(r) for r in matrix]
    pivot_row = 0
    for col in range(width):
        pick = next((i for i in range(pivot_row, len(rows)) if rows[i][col] != 0), None)
        if pick is None:
            continue
        rows[pivot_row], rows[pick] = rows[pick], rows[pivot_row]
        lead = rows[pivot_row][col]
        rows[pivot_row] = [x / lead for x in rows[pivot_row]]
        for i in range(len(rows)):
            if i != pivot_row and rows[i][col] != 0:
                factor = rows[i][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[pivot_row])]
        pivot_row += 1
    units = []
    for row in rows[:pivot_row]:
        nonzero = [i for i, x in enumerate(row) if x != 0]
        if len(nonzero) == 1:
            units.append(nonzero[0])
    return units
