"""Geometry for the server-rendered SVG charts (the templates draw them; the data tables beside them carry the
numbers for screen readers and for anyone who reads rather than looks)."""

CELL = 30
LABEL_WIDTH = 230
HEADER_HEIGHT = 170
BAR_MAX = 320
BAR_HEIGHT = 24


def _n(value):
    """A coordinate as text: the template would localise a float as '12,5' under Dutch, which SVG cannot read."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _shade(value, top):
    """Light to dark blue; dark cells get white text (contrast at least 4.5:1 either way)."""
    share = value / top if top else 0
    light, dark = (232, 240, 250), (7, 55, 99)
    rgb = tuple(round(a + (b - a) * share) for a, b in zip(light, dark))
    return "#%02x%02x%02x" % rgb, ("#ffffff" if share > 0.45 else "#1a1a1a")


def heatmap(table):
    values = [v for _r, _l, cells, _t in table.lines() for v in cells if v]
    top = max(values, default=0)
    cells, row_labels = [], []
    for i, (_key, label, row, _total) in enumerate(table.lines()):
        y = HEADER_HEIGHT + i * CELL
        row_labels.append({"x": _n(LABEL_WIDTH - 6), "y": _n(y + CELL * 0.65), "text": label})
        for j, value in enumerate(row):
            x = LABEL_WIDTH + j * CELL
            fill, ink = ("url(#afgeschermd)", "#1a1a1a") if value is None else _shade(value, top)
            cells.append({"x": _n(x), "y": _n(y), "fill": fill, "ink": ink, "cx": _n(x + CELL / 2), "ty": _n(y + CELL * 0.65),
                          "text": "" if value is None else str(value)})
    col_labels = [{"x": _n(LABEL_WIDTH + j * CELL + CELL * 0.6), "y": _n(HEADER_HEIGHT - 6), "text": label}
                  for j, (_key, label) in enumerate(table.cols)]
    return {"width": LABEL_WIDTH + len(table.cols) * CELL + 10, "height": HEADER_HEIGHT + len(table.rows) * CELL + 4,
            "cell": CELL, "cells": cells, "row_labels": row_labels, "col_labels": col_labels}


def bars(table):
    """Horizontal bars for a one-column table; a hidden count is drawn as a hatched stub, without a number."""
    values = [cells[0] for _r, _l, cells, _t in table.lines()]
    top = max((v for v in values if v), default=0)
    items = []
    for i, (_key, label, cells, _total) in enumerate(table.lines()):
        value = cells[0]
        y = i * (BAR_HEIGHT + 8)
        width = 12 if value is None else (BAR_MAX * value / top if top else 0)
        items.append({"y": _n(y), "ty": _n(y + BAR_HEIGHT * 0.7), "label": label, "width": _n(width),
                      "fill": "url(#afgeschermd)" if value is None else "#0b5394",
                      "tx": _n(LABEL_WIDTH + width + 6), "text": "" if value is None else str(value)})
    return {"width": LABEL_WIDTH + BAR_MAX + 60, "height": len(items) * (BAR_HEIGHT + 8), "label_width": LABEL_WIDTH,
            "bar_height": BAR_HEIGHT, "items": items, "label_x": LABEL_WIDTH - 6}
