"""A schematic map of the eight expertisecentrum areas, drawn server-side as SVG (no JavaScript, no tiles).

The shapes are deliberately simple blocks in roughly the right place; the page's list of areas is the text
alternative and carries the same links.
"""

# slug → (polygon points in a 300×340 box, label x, label y, short label)
SHAPES = {
    "noord": ("120,10 290,10 290,110 200,110 130,85", 210, 55, "Noord"),
    "noord-holland": ("70,40 120,40 128,172 88,172", 98, 110, "N-Holland"),
    "overijssel": ("200,110 290,110 290,172 190,172", 242, 145, "Overijssel"),
    "utrecht-flevoland": ("130,85 200,110 190,172 150,196 128,172 120,40", 160, 140, "Utr./Flev."),
    "gelderland": ("150,196 190,172 290,172 290,235 165,235", 225, 210, "Gelderland"),
    "zuid-holland": ("45,172 128,172 150,196 165,235 45,235", 98, 210, "Z-Holland"),
    "brabant-zeeland": ("5,235 262,235 255,282 5,282", 120, 264, "Brabant/Zeeland"),
    "limburg": ("205,282 255,282 250,335 205,335", 228, 312, "Limburg"),
}


def map_areas(areas):
    """The areas in drawing order, each with its shape; areas without a shape are left off the drawing only."""
    drawn = []
    for area in areas:
        shape = SHAPES.get(area.slug)
        if shape:
            points, x, y, short = shape
            drawn.append({"area": area, "points": points, "x": x, "y": y, "short": short})
    return drawn
