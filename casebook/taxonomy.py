"""Loading the seed vocabulary (data/taxonomy.json) into TaxonomyTerm. Editors extend it in the CMS afterwards."""

import json
from pathlib import Path

SEED_FILE = Path(__file__).resolve().parent / "data" / "taxonomy.json"
SEARCH_TERMS_FILE = Path(__file__).resolve().parent / "data" / "search_terms.txt"


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


def load_search_terms(path=SEARCH_TERMS_FILE):
    """{(vocabulary, slug): "term; term; …"} from the seed file of search terms."""
    seeds = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, terms = line.partition(":")
        vocabulary, _, slug = key.strip().partition("/")
        seeds[(vocabulary, slug)] = "; ".join(t.strip() for t in terms.split(";") if t.strip())
    return seeds


def seed_search_terms(TaxonomyTerm, seeds=None):
    """Give terms without search terms the seed's; what editors wrote stays. Returns how many were filled."""
    seeds = load_search_terms() if seeds is None else seeds
    filled = 0
    for term in TaxonomyTerm.objects.filter(search_terms=""):
        if seeds.get((term.vocabulary, term.slug)):
            term.search_terms = seeds[(term.vocabulary, term.slug)]
            term.save(update_fields=["search_terms"])
            filled += 1
    return filled
