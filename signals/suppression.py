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
   entry is uniquely determined by it (also through combinations of rows and columns: it lies on no cycle of hidden
   entries, see _determined), hide another entry next to it, and as a last resort all totals, until none is.

What this guarantees: nothing shown is 1–4 (zeros are shown: "no case" is not a small group), and no hidden
entry can be computed exactly from the same table. It does not guarantee a wide protection interval (a hidden
cell may be known to lie between 0 and, say, 9).
"""

import functools
from dataclasses import dataclass, field

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

    equations, places = _equations(tuple(row_keys), tuple(col_keys))
    known = set(known) & grid.keys()
    hidden = set()
    hidden_in = [0] * len(equations)  # hidden entries per equation, kept up to date by hide()

    def hide(keys):
        for k in keys:
            if k not in hidden:
                hidden.add(k)
                for i in places[k]:
                    hidden_in[i] += 1

    hide(k for k, v in grid.items() if 0 < v < threshold)
    hide((set(extra_hidden) & grid.keys()) - known)
    known -= hidden  # a known entry of 1-4 stays hidden (its protection is the other view's business)
    order = {k: i for i, k in enumerate(grid)}  # deterministic tie-break: the same data hides the same cells

    def smallest_visible(keys):
        candidates = [k for k in keys if k not in hidden and k not in known and grid[k] > 0]
        return min(candidates, key=lambda k: (grid[k], order[k])) if candidates else None

    def beside(key):
        return [k for i in sorted(set(places[key])) for k in equations[i]]

    while True:
        changed = False
        for i, equation in enumerate(equations):
            if hidden_in[i] == 1:
                extra = smallest_visible(equation)
                if extra is not None:  # None only if every other entry is 0: then the hidden one is 0 too
                    hide([extra])
                    changed = True
        if changed:
            continue
        determined = _determined(equations, grid, hidden)
        if not determined:
            break
        key = min(determined, key=order.get)
        extra = smallest_visible(beside(key))
        if extra is not None:
            hide([extra])
            continue
        # No candidate left beside it: hide the totals, then the entries other views already give away, then every
        # non-zero entry. Each step hides more, so this ends (it used to loop for ever once the totals were hidden).
        related = set(beside(key))
        for more in ({k for k in grid if TOTAL in k}, {k for k in related if grid[k] > 0},
                     {k for k in grid if grid[k] > 0}):
            if more - hidden:
                hide(more)
                break
        else:
            break

    shown = {k: (None if k in hidden else v) for k, v in grid.items()}
    return Table(rows=list(rows), cols=list(cols), shown=shown)


@functools.lru_cache(maxsize=64)
def _equations(row_keys, col_keys):
    """The equations of a table of this shape (each: its interior entries, then its total, last) and, per entry, the
    equations it is in (a row and a column). The same for every view of a mesh: computed once."""
    equations = [[(r, c) for c in col_keys] for r in row_keys] + [[(r, c) for r in row_keys] for c in col_keys]
    places = {}
    for i, equation in enumerate(equations):
        for k in equation:
            places.setdefault(k, []).append(i)
    return equations, places


def _determined(equations, grid, hidden):
    """Hidden entries whose value follows exactly from the visible ones.

    With a total counted negatively, every row and every column of the table (totals included) sums to zero, and
    each entry lies in exactly one row and one column: the hidden entries are the edges of a bipartite graph between
    rows and columns, and the equations are its incidence matrix. Its kernel is the cycle space, so a hidden entry is
    determined exactly when no cycle of hidden entries runs through it: when it is a bridge. (This replaced a rational
    row reduction that took seconds per table; tests/signals/test_suppression.py checks the result with numpy ranks.)"""
    del equations, grid  # the graph is the whole story; kept in the signature for the callers
    adjacency = {}
    for r, c in hidden:
        adjacency.setdefault(("row", r), []).append((("col", c), (r, c)))
        adjacency.setdefault(("col", c), []).append((("row", r), (r, c)))
    return _bridges(adjacency)


def _bridges(adjacency):
    """Edges on no cycle (Tarjan, iterative): {edge key}."""
    order, low, bridges = {}, {}, set()
    for root in adjacency:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack = [(root, None, iter(adjacency[root]))]
        while stack:
            node, via, edges = stack[-1]
            for neighbour, edge in edges:
                if edge == via:
                    continue
                if neighbour in order:
                    low[node] = min(low[node], order[neighbour])
                else:
                    order[neighbour] = low[neighbour] = len(order)
                    stack.append((neighbour, edge, iter(adjacency[neighbour])))
                    break
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        bridges.add(via)
    return bridges
