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


def _terms(text):
    return [t.strip() for t in text.replace("\n", ";").split(";") if t.strip()]


def seed_search_terms(TaxonomyTerm, seeds=None):
    """Bring the seed's search terms into the database without undoing editors' work. Returns how many terms changed.

    A term nobody edited since the last seed gets the new seed; an edited term gets only the seed terms that are
    new since the seed it last had (a term an editor removed stays removed)."""
    seeds = load_search_terms() if seeds is None else seeds
    changed = 0
    for term in TaxonomyTerm.objects.all():
        seed = seeds.get((term.vocabulary, term.slug))
        if not seed or seed == term.search_terms_seed:
            continue
        if term.search_terms in ("", term.search_terms_seed):
            term.search_terms = seed
        else:
            have = {t.lower() for t in _terms(term.search_terms)}
            before = {t.lower() for t in _terms(term.search_terms_seed)}
            new = [t for t in _terms(seed) if t.lower() not in have and t.lower() not in before]
            if new:
                term.search_terms = "; ".join([*_terms(term.search_terms), *new])
        term.search_terms_seed = seed
        term.save(update_fields=["search_terms", "search_terms_seed"])
        changed += 1
    return changed
