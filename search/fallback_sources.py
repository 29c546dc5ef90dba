"""The database search over lessons and expertise profiles: every registered source besides cases.

fallback.py answers a query from the cases; this answers it from the sources other kinds register with a
`database` description (documents.DatabaseSearch), so the embedded default finds what Elasticsearch finds.
- Who may see what is the source's own rule (DatabaseSearch.visible: learning.visibility for lessons,
  MembersOnlyPage.visibility for profiles), the one their search documents and pages apply.
- The words are fallback's (stop and question words dropped, compounds split, typos corrected), scored as for
  cases: title > summary > body, PostgreSQL full text or SQLite's crude stems; a concept the query names finds what
  is classified with it.
- Facet filters and counts work as Elasticsearch's post_filter does: a lesson with a theme matches a filter on it;
  a profile, which has no age band, matches no age-band filter.
They come after the cases (see fallback.search): the database's case ranks (feedback, concept scales) are not
on one scale with these, so interleaving them would pretend a comparison nobody measured.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, ExpressionWrapper, FloatField, Q, Value, When

from . import concepts, documents, fallback
from .params import TYPES


@dataclass
class Found:
    """One source's matches for a query: visible to the user, in rank order, before facet filters."""

    source: documents.Source
    ranked: list  # [(pk, score or None)]
    classification: dict  # pk -> {facet field name: {slug, …}}

    def matching(self, filters, skip=None):
        """[(pk, score)] that pass every facet filter (but `skip`)."""
        return [(pk, score) for pk, score in self.ranked
                if all(self.classification.get(pk, {}).get(name, set()) & set(values)
                       for name, values in filters.items() if name != skip)]


def sources(params):
    """The non-case sources a query asks for (all, or those its `type` names), lessons before profiles."""
    by_type = {s.type: s for s in documents.SOURCES.values() if s.database is not None}
    return [by_type[t] for t in TYPES if t in by_type and (not params.types or t in params.types)]


def find(params, allowed):
    return [_find(source, params, allowed) for source in sources(params)]


def _find(source, params, allowed):
    db = source.database
    qs, ranked = _apply_text(db.visible(allowed), db, params.q, params.is_description)
    if ranked and params.sort == "relevance":
        rows = list(qs.order_by("-rank", "pk").values_list("pk", "rank"))
    else:
        rows = [(pk, None) for pk in qs.order_by(*db.order).values_list("pk", flat=True)]
    return Found(source, rows, _classification(source, [pk for pk, _s in rows]))


def _classification(source, pks):
    """{pk: {field: {slug}}} for the given objects, through the source's taxonomy relations."""
    out = {pk: {} for pk in pks}
    if not pks:
        return out
    fields_by_relation = {}
    for name, (relation, vocabulary) in source.database.taxonomy.items():
        fields_by_relation.setdefault(relation, {})[vocabulary] = name
    for relation, fields in fields_by_relation.items():
        rows = (source.model.objects.filter(pk__in=pks, **{f"{relation}__vocabulary__in": list(fields)})
                .order_by().values_list("pk", f"{relation}__slug", f"{relation}__vocabulary"))
        for pk, slug, vocabulary in rows:
            out[pk].setdefault(fields[vocabulary], set()).add(slug)
    return out


def _apply_text(qs, db, q, description):
    """As fallback._apply_text for cases: ranked OR over the same words, plus the named concepts."""
    if not q:
        return qs, False
    words = fallback._words(q, description)
    found = concepts.concepts_for(q)
    if not words and not found:
        return qs.none(), False
    fields = {weight: names for weight, names in db.text.items() if names}
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchRank, SearchVector

        vector = None
        for weight, names in sorted(fields.items()):
            part = SearchVector(*names, weight=weight, config="dutch")
            vector = part if vector is None else vector + part
        text = SearchRank(vector, fallback.text_query(words)) if words else Value(0.0)
        bonus = _concept_bonus(qs.model, db, found, fallback.PG_CONCEPT_SCALE)
    else:
        # A word in the title counts 3, in the summary 2, in the body 1, matched by the same crude stem as cases.
        text = Value(0)
        every = [name for names in fields.values() for name in names]
        for term in words:
            stems = [fallback._stem(part) for part in fallback._parts(term)]
            whens = [When(fallback.containing(names, stems), then=Value(points))
                     for names, points in ((fields.get("A"), 3), (fields.get("B"), 2), (every, 1)) if names]
            text = text + Case(*whens, default=Value(0))
        bonus = _concept_bonus(qs.model, db, found, fallback.SQLITE_CONCEPT_SCALE)
    qs = qs.annotate(rank=ExpressionWrapper(text + bonus, output_field=FloatField()))
    return qs.filter(rank__gt=0), True


def _concept_bonus(model, db, found, scale):
    """What is classified with a concept the query names gets the concept's weight, as cases do."""
    bonus = Value(0.0)
    for concept in found:
        if concept.field not in db.taxonomy:
            continue
        relation, vocabulary = db.taxonomy[concept.field]
        classified = model.objects.filter(**{f"{relation}__slug": concept.slug,
                                             f"{relation}__vocabulary": vocabulary}).values("pk")
        bonus = bonus + Case(When(pk__in=classified, then=Value(concept.weight * scale)), default=Value(0.0))
    return bonus


def total(found, filters):
    return sum(len(f.matching(filters)) for f in found)


def type_counts(found, filters):
    return [(f.source.type, len(f.matching(filters))) for f in found]


def add_facet_counts(counts, found, filters):
    """Adds the sources' counts to `counts` ({field: {slug: n}}, the cases'): each facet applies the other
    facets' filters, not its own, as on Elasticsearch."""
    for f in found:
        for name in f.source.database.taxonomy:
            per_slug = counts.setdefault(name, {})
            for pk, _score in f.matching(filters, skip=name):
                for slug in f.classification[pk].get(name, ()):
                    per_slug[slug] = per_slug.get(slug, 0) + 1
    return counts


def results(found, filters, allowed, offset, size):
    """Result dicts for `size` matches from `offset` on, the sources one after the other (lessons, profiles)."""
    out = []
    for f in found:
        matching = f.matching(filters)
        window = matching[offset : offset + size - len(out)]
        offset = max(0, offset - len(matching))
        if window:
            objects = f.source.database.visible(allowed).in_bulk([pk for pk, _s in window])
            for pk, score in window:
                if pk in objects:
                    out.append(_result(f.source.to_document(objects[pk]), score))
        if len(out) >= size:
            break
    return out


def _result(doc, score):
    """The shape of a case result (and of an Elasticsearch hit), from the source's own search document."""
    return {
        "external_id": doc["external_id"],
        "type": doc["type"],
        "title": doc["title"],
        "url": doc["url"],
        "summary": doc.get("summary", ""),
        "year": doc.get("year"),
        "score": round(float(score), 4) if score is not None else None,
        "highlights": [],
    }
