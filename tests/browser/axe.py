"""axe-core (npm, pinned in package.json) run inside the page: the WCAG 2.1 A/AA violations a user would hit."""

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def serious_violations(page):
    """[(rule, impact, [selectors]), …] for every serious or critical violation on the page as it is now."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test` (it runs `npm ci`) or `npm ci`")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [
        (v["id"], v["impact"], [", ".join(n["target"]) for n in v["nodes"]][:5])
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]
