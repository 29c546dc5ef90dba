"""Taxonomy labels for facets and filters (the vocabulary is public; counts are not)."""

import time

from django.utils.translation import gettext_lazy as _

from casebook.classification import CLASSIFICATION_FIELDS

TYPE_LABELS = {"case": _("Casus"), "lesson": _("Les"), "expert": _("Deskundige")}
_TTL = 60
_cache = {"at": 0.0, "labels": {}, "order": {}}


def _load():
    from casebook.models import TaxonomyTerm

    labels, order = {}, {}
    for term in TaxonomyTerm.objects.all():
        labels[(term.vocabulary, term.slug)] = term
        order[(term.vocabulary, term.slug)] = (term.sort_order, term.label_nl)
    return labels, order


def _terms():
    now = time.monotonic()
    if now - _cache["at"] > _TTL:
        _cache["labels"], _cache["order"] = _load()
        _cache["at"] = now
    return _cache["labels"], _cache["order"]


def clear():
    _cache["at"] = 0.0


VOCABULARY = {cf.name: cf.vocabulary for cf in CLASSIFICATION_FIELDS}
FIELD_LABELS = {cf.name: cf.label for cf in CLASSIFICATION_FIELDS}


def label(field, key):
    if field == "type":
        return str(TYPE_LABELS.get(key, key))
    term = _terms()[0].get((VOCABULARY.get(field), key))
    return term.label if term is not None else key


def facet_entries(field, counts):
    """[(key, count)] → [{"key", "label", "count"}] in the vocabulary's own order."""
    order = _terms()[1]
    vocabulary = VOCABULARY.get(field)
    entries = [{"key": key, "label": label(field, key), "count": count} for key, count in counts]
    entries.sort(key=lambda e: (order.get((vocabulary, e["key"]), (10**6, e["label"])), e["key"]))
    return entries


def term_suggestions(q, limit=5):
    """Vocabulary terms whose label starts a word with q (for autocomplete)."""
    q = q.strip().lower()
    if len(q) < 2:
        return []
    out = []
    labels, _order = _terms()
    fields_by_vocab = {v: f for f, v in VOCABULARY.items()}
    for (vocabulary, slug), term in labels.items():
        words = term.label.lower().replace("(", " ").split()
        if any(w.startswith(q) for w in words) or term.label.lower().startswith(q):
            field = fields_by_vocab.get(vocabulary)
            if field:
                out.append({"field": field, "key": slug, "label": term.label})
    return sorted(out, key=lambda e: e["label"])[:limit]
