"""Small-cell protection on tables alone (no database)."""

import random

import numpy as np
import pytest

from signals.suppression import TOTAL, protect


def _table(counts):
    rows = [(f"r{i}", f"rij {i}") for i in range(len(counts))]
    cols = [(f"c{j}", f"kolom {j}") for j in range(len(counts[0]))]
    cells = {(f"r{i}", f"c{j}"): n for i, row in enumerate(counts) for j, n in enumerate(row)}
    return rows, cols, cells


def _recoverable(table):
    """Hidden entries an attacker can compute exactly from what is shown (independent of the module's own check):
    unknown i is determined iff adding its unit vector does not raise the rank of the visible equations."""
    row_keys = [r for r, _ in table.rows] + [TOTAL]
    col_keys = [c for c, _ in table.cols] + [TOTAL]
    equations = [[(r, c) for c in col_keys] for r in row_keys] + [[(r, c) for r in row_keys] for c in col_keys]
    unknowns = [k for k, v in table.shown.items() if v is None]
    if not unknowns:
        return []
    index = {k: i for i, k in enumerate(unknowns)}
    matrix = []
    for *cells, total in equations:
        row = np.zeros(len(unknowns))
        for k in cells:
            if k in index:
                row[index[k]] += 1
        if total in index:
            row[index[total]] -= 1
        if row.any():
            matrix.append(row)
    if not matrix:
        return unknowns
    a = np.array(matrix)
    rank = np.linalg.matrix_rank(a)
    return [k for k, i in index.items() if np.linalg.matrix_rank(np.vstack([a, np.eye(len(unknowns))[i]])) == rank]


def test_small_cells_and_small_totals_are_hidden_and_the_rest_is_shown():
    rows, cols, cells = _table([[12, 3, 9], [8, 10, 7], [20, 6, 15]])
    table = protect(rows, cols, cells)
    assert table.value("r0", "c1") is None  # the 3
    assert all(v == 0 or v >= 5 for v in table.values())
    # one more cell in the 3's row and in its column is hidden, so neither total gives it away
    assert sum(table.value("r0", c) is None for c, _ in cols) >= 2
    assert sum(table.value(r, "c1") is None for r, _ in rows) >= 2
    assert table.grand_total == 90  # totals come from the unsuppressed data
    assert _recoverable(table) == []


def test_a_hidden_cell_cannot_be_recovered_by_subtracting_from_totals():
    rows, cols, cells = _table([[12, 3, 9], [8, 10, 7], [20, 6, 15]])
    table = protect(rows, cols, cells)
    for r, _label, values, total in table.lines():
        if total is not None:
            assert sum(v is None for v in values) != 1, f"row {r}: total minus the shown cells gives the hidden one"
    for j, (c, _label) in enumerate(table.cols):
        column = [values[j] for _r, _l, values, _t in table.lines()]
        if table.col_total(c) is not None:
            assert sum(v is None for v in column) != 1, f"column {c}"


def test_a_small_row_total_is_hidden_too():
    rows, cols, cells = _table([[1, 2, 0], [8, 10, 7]])
    table = protect(rows, cols, cells)
    assert table.row_total("r0") is None
    assert all(v == 0 or v >= 5 for v in table.values())
    assert _recoverable(table) == []


@pytest.mark.parametrize("seed", range(40))
def test_random_tables_show_nothing_small_and_nothing_recoverable(seed):
    rng = random.Random(seed)
    height, width = rng.randint(1, 6), rng.randint(1, 7)
    counts = [[rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 11, 17, 30]) for _ in range(width)] for _ in range(height)]
    rows, cols, cells = _table(counts)
    table = protect(rows, cols, cells)
    assert all(v == 0 or v >= 5 for v in table.values()), counts
    assert _recoverable(table) == [], counts


def test_the_same_data_always_hides_the_same_cells():
    rows, cols, cells = _table([[12, 3, 9, 5], [8, 10, 7, 6], [20, 6, 15, 2]])
    assert protect(rows, cols, cells).shown == protect(rows, cols, cells).shown


@pytest.mark.parametrize("seed", range(30))
def test_the_exact_check_finds_exactly_the_entries_numpy_can_recover(seed):
    """suppression._determined (hidden entries that lie on no cycle) against the rank test above, on random hidden
    patterns: some leave entries recoverable, some do not."""
    from signals.suppression import Table, _determined

    rng = random.Random(seed)
    n_rows, n_cols = rng.randint(1, 6), rng.randint(1, 6)
    rows, cols, cells = _table([[rng.randint(0, 30) for _ in range(n_cols)] for _ in range(n_rows)])
    keys = [(r, c) for r in [k for k, _ in rows] + [TOTAL] for c in [k for k, _ in cols] + [TOTAL]]
    hidden = set(rng.sample(keys, rng.randint(1, len(keys))))
    table = Table(rows=rows, cols=cols, shown={k: (None if k in hidden else 1) for k in keys})
    assert _determined(None, None, hidden) == set(_recoverable(table))
