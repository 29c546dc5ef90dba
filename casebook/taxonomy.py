"""Loading the seed vocabulary (data/taxonomy.json) into TaxonomyTerm. Editors extend it in the CMS afterwards."""

import json
from pathlib import Path

SEED_FILE = Path(__file__).resolve().parent / "data" / "taxonomy.json"


def load_seed(path=SEED_FILE):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data.pop("about", None)
    return data


def sync_taxonomy(TaxonomyTerm, data=None):
    """Create missing terms and refresh the seed's labels; terms editors added stay. Returns (created, updated)."""
    data = load_seed() if data is None else data
    created = updated = 0
    for vocabulary, terms in data.items():
        for order, (slug, labels) in enumerate(terms.items()):
            term, was_created = TaxonomyTerm.objects.get_or_create(
                vocabulary=vocabulary,
                slug=slug,
                defaults={"label_nl": labels["nl"], "label_en": labels.get("en", ""), "sort_order": order},
            )
            if was_created:
                created += 1
            elif (term.label_nl, term.label_en) != (labels["nl"], labels.get("en", "")):
                term.label_nl, term.label_en = labels["nl"], labels.get("en", "")
                term.save(update_fields=["label_nl", "label_en"])
                updated += 1
    return created, updated
