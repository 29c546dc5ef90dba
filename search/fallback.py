"""The database search: same interface and response shape as queries.py, over the visible cases.

Used when ELASTICSEARCH_URL is unset (the embedded default) and when Elasticsearch is unreachable.
On PostgreSQL it uses full text search with the `dutch` configuration (stemming, stop words); elsewhere (SQLite)
words match by a crude stem (their start) in the title, summary or narrative. On both, any meaningful word counts
(ranked OR: question words are dropped, compounds are split as in compounds.py) and the concept layer
(concepts.py) boosts and finds cases classified with what the query names. No synonym graph or did-you-mean:
those are what Elasticsearch is for.
"""

import functools
import math
import operator
import re
from collections import Counter

from django.db import connection

from django.db.models import Case, Count, ExpressionWrapper, F, FloatField, Q, Value, When

from casebook.classification import CLASSIFICATION_FIELDS, without_hidden
from casebook.models import CasePage

from . import compounds, concepts, fallback_sources, labels, queries
from .analysis import question_words
from .queries import SIMILAR_FIELDS, core_problem_areas, similar_weight

TEXT_FIELDS = ("title", "summary", "situation", "stuck_points", "approach", "outcome", "needed", "created")
MAX_WORDS = 40  # a pasted description: match on its first meaningful words
QUESTION_WORDS = frozenset(question_words())
CLASSIFICATION_BY_NAME = {cf.name: cf for cf in CLASSIFICATION_FIELDS}
# A named concept weighs like a word in the summary (SQLite scores) or a good text match (PostgreSQL ts_rank).
SQLITE_CONCEPT_SCALE = 2.0
PG_CONCEPT_SCALE = 0.1


def _visible(allowed):
    return CasePage.objects.live().filter(visibility__in=list(allowed))


def _words(q, description):
    """The query's meaningful words (no stop or question words), each compound followed by its parts as one term
    (a tuple: only all of them together match, as on Elasticsearch — 'mensenhandel' is not found by every case that
    says 'mensen'), and the words its typos stand for (concepts.corrections: "psygose" → psychose)."""
    words = []
    for word in re.findall(r"[a-z0-9]+", concepts.fold(q)):
        if word in concepts.STOP_WORDS or word in QUESTION_WORDS or len(word) < (5 if description else 2):
            continue
        parts = tuple(compounds.split(word))
        for term in (word, parts) if parts else (word,):
            if term not in words:
                words.append(term)
    if not description:
        words += [w for w in concepts.corrections(q) if w not in words]
    return words[:MAX_WORDS]


def _parts(term):
    return term if isinstance(term, tuple) else (term,)


def _concept_bonus(found, scale):
    """Cases classified with a concept the query names get that concept's weight (times `scale`)."""
    bonus = Value(0.0)
    for concept in found:
        cf = CLASSIFICATION_BY_NAME[concept.field]
        # issue 9 (1): a hidden region/age band is not a concept the case can be found by either.
        classified = without_hidden(CasePage.objects.filter(**{f"{cf.attr}__slug": concept.slug}), cf.name)
        classified = classified.values("pk")
        bonus = bonus + Case(When(pk__in=classified, then=Value(concept.weight * scale)), default=Value(0.0))
    return bonus


def _apply_text(qs, q, description=False):
    """Ranked OR, as on Elasticsearch: any meaningful word or named concept finds a case; more of them rank higher."""
    if not q:
        return qs, False
    words = _words(q, description)
    found = concepts.concepts_for(q)
    if not words and not found:
        return qs.none(), False
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchRank, SearchVector

        vector = (
            SearchVector("title", weight="A", config="dutch")
            + SearchVector("summary", weight="B", config="dutch")
            + SearchVector(*TEXT_FIELDS[2:], weight="C", config="dutch")
        )
        text = SearchRank(vector, text_query(words)) if words else Value(0.0)
        qs = qs.annotate(text_rank=text, rank=F("text_rank") + _concept_bonus(found, PG_CONCEPT_SCALE))
        return qs.filter(rank__gt=0), True
    # SQLite: a word in the title counts 3, in the summary 2, in the story 1, matched by a crude stem.
    score = Value(0)
    for term in words:
        stems = [_stem(part) for part in _parts(term)]
        score = score + Case(
            When(containing(["title"], stems), then=Value(3)),
            When(containing(["summary"], stems), then=Value(2)),
            When(containing(TEXT_FIELDS, stems), then=Value(1)),
            default=Value(0),
        )
    qs = qs.annotate(rank=ExpressionWrapper(score + _concept_bonus(found, SQLITE_CONCEPT_SCALE),
                                            output_field=FloatField()))
    return qs.filter(rank__gt=0), True


def text_query(words):
    """PostgreSQL's query for `words` (as _words gives them): any term, a compound's parts all together."""
    from django.contrib.postgres.search import SearchQuery

    return functools.reduce(operator.or_, [
        functools.reduce(operator.and_, [SearchQuery(part, config="dutch") for part in _parts(term)])
        for term in words])


def containing(names, stems):
    """SQLite: every stem (a compound's parts all together) in one of the text fields `names`."""
    match = Q()
    for stem in stems:
        anywhere = Q()
        for name in names:
            anywhere |= Q(**{f"{name}__icontains": stem})
        match &= anywhere
    return match


def _stem(word):
    """A crude Dutch stem for substring matching: 'agressief' → 'agress' (agressie, agressieve), 'autistische' →
    'autistis'. Short words stay whole."""
    word = word.lower()
    return word if len(word) <= 6 else word[: max(6, len(word) - 3)]


def _filter(qs, filters, skip=None):
    for cf in CLASSIFICATION_FIELDS:
        values = filters.get(cf.name)
        if values and cf.name != skip:
            qs = qs.filter(**{f"{cf.attr}__slug__in": values})
            qs = without_hidden(qs, cf.name)  # issue 9 (1): a hidden region/age band finds nothing
    return qs.distinct()


def _facets(base, params):
    facets = {"type": []}
    for cf in CLASSIFICATION_FIELDS:
        qs = _filter(base, params.filters, skip=cf.name)
        rows = (
            without_hidden(CasePage.objects.filter(pk__in=qs.values("pk")), cf.name)  # issue 9 (1): nor counts
            .order_by()  # pages are ordered by path, and an ordering joins the GROUP BY: one row per case
            .values(f"{cf.attr}__slug")
            .annotate(n=Count("pk", distinct=True))
            .exclude(**{f"{cf.attr}__slug": None})
        )
        facets[cf.name] = labels.facet_entries(cf.name, [(r[f"{cf.attr}__slug"], r["n"]) for r in rows])
    return facets


def _ranked(params, allowed):
    """(the ordered result queryset, the matches before facet filters, whether a text rank orders them)."""
    searching_cases = not params.types or "case" in params.types
    base, ranked = _apply_text(_visible(allowed), params.q, params.is_description)
    if not searching_cases:
        base = base.none()
    qs = _filter(base, params.filters)
    # "pk" last everywhere: equal cases come back in the same order on SQLite and PostgreSQL, page after page.
    if ranked and params.sort == "relevance":
        qs = qs.order_by("-rank", "-year", "title", "pk")
        if queries.wants_feedback(params):
            qs = _with_feedback(qs)
    else:
        qs = qs.order_by("-year", "title", "pk")
    return qs, base, ranked


def _with_feedback(qs):
    """queries.feedback_functions on the database: the problem areas at least half of the first ten cases share
    multiply the rank of every case classified with them by 1 + weight × share."""
    attr = CLASSIFICATION_BY_NAME["problem_areas"].attr
    top = list(qs.values_list("pk", flat=True)[: queries.FEEDBACK_K])
    if not top:
        return qs
    counts = Counter(slug for _pk, slug in set(CasePage.objects.filter(pk__in=top).exclude(**{f"{attr}__slug": None})
                                                .values_list("pk", f"{attr}__slug")))
    factor = Value(1.0)
    for slug, n in sorted(counts.items()):
        if n >= queries.FEEDBACK_SHARE * len(top):
            classified = CasePage.objects.filter(**{f"{attr}__slug": slug}).values("pk")
            factor = factor + Case(When(pk__in=classified, then=Value(queries.FEEDBACK_WEIGHT * n / len(top))),
                                   default=Value(0.0))
    return qs.annotate(fed=ExpressionWrapper(F("rank") * factor, output_field=FloatField())).order_by(
        "-fed", "-year", "title", "pk")


def ranked_ids(params, allowed):
    """The external ids of one page of results, without totals or facets (the relevance bench ranks only)."""
    qs, _base, _ranked_by_text = _ranked(params, allowed)
    return list(qs.values_list("external_id", flat=True)[params.offset : params.offset + params.page_size])


def search(params, allowed):
    qs, base, ranked = _ranked(params, allowed)
    others = fallback_sources.find(params, allowed)  # lessons and profiles, after the cases
    case_total = qs.count()
    total = case_total + fallback_sources.total(others, params.filters)
    page = list(qs[params.offset : params.offset + params.page_size])
    if ranked:
        # Ranking is the costly part; facet counts only need which cases matched, so rank once, not per facet.
        base = _visible(allowed).filter(pk__in=list(base.values_list("pk", flat=True)))
    facets = _facets(base, params)
    counts = {name: {e["key"]: e["count"] for e in entries} for name, entries in facets.items() if name != "type"}
    for name, per_slug in fallback_sources.add_facet_counts(counts, others, params.filters).items():
        facets[name] = labels.facet_entries(name, list(per_slug.items()))
    type_counts = [("case", case_total), *fallback_sources.type_counts(others, params.filters)]
    facets["type"] = labels.facet_entries("type", [(key, n) for key, n in type_counts if n])
    results = [
        {
            "external_id": p.external_id,
            "type": "case",
            "title": p.title,
            "url": p.get_url() or p.url_path,
            "summary": p.summary,
            "year": p.year,
            "score": round(float(p.rank), 4) if ranked else None,
            "highlights": [],
        }
        for p in page
    ]
    if len(results) < params.page_size:
        results += fallback_sources.results(others, params.filters, allowed, max(0, params.offset - case_total),
                                            params.page_size - len(results))
    return {
        "backend": "database",
        "mode": "description" if params.is_description else "text",
        "total": total,
        "page": params.page,
        "page_size": params.page_size,
        "sort": params.sort,
        "results": results,
        "facets": facets,
        "suggestion": None,
        "corrected": None,
        "concepts": concepts.suggestions(concepts.concepts_for(params.q), params.filters),
    }


def autocomplete(q, allowed, limit=8):
    q = q.strip()
    if not q:
        return []
    qs = _visible(allowed).filter(title__icontains=q).order_by("-year", "title", "pk")[:limit]
    return [{"text": p.title, "url": p.get_url() or p.url_path, "type": "case", "external_id": p.external_id} for p in qs]


# What makes a case similar at all; a shared age band or setting only ranks among those (a case sharing nothing but
# "12-15" is no similar case).
FOUND_BY = ("problem_areas", "stuck_reasons")


def similar_cases(classification, allowed, limit=5, exclude_pk=None, title=""):
    """Cases sharing the classification of a case (`classification`: field name → slugs, as
    backend.case_classification gives), weighted as on Elasticsearch (queries.similar_weight: the problem areas the
    case's `title` names count most): per shared value, the weight times the value's rarity among the visible cases
    (BM25's idf), so sharing "lvb" with one case counts more than sharing the "wachtlijst" half of all cases have.
    No text similarity on the database: the top of the list is reordered by classification likeness instead."""
    core = core_problem_areas(title, classification)
    visible = _visible(allowed)
    total = visible.count()
    score, shared = Value(0.0), []
    for name in SIMILAR_FIELDS:
        cf = CLASSIFICATION_BY_NAME[name]
        slugs = list(classification.get(name) or [])
        if not slugs:
            continue
        having, idfs = _idfs(visible, total, name, slugs)
        for slug, idf in idfs.items():
            cases_with = having.filter(**{f"{cf.attr}__slug": slug}).values("pk")
            score = score + Case(When(pk__in=cases_with, then=Value(similar_weight(name, slug, core) * idf)),
                                  default=Value(0.0))
            if name in FOUND_BY:
                shared.append(cases_with)
    if not shared:
        return []
    found = Q()
    for cases_with in shared:
        found |= Q(pk__in=cases_with)
    qs = visible.filter(found)
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    qs = qs.annotate(shared=ExpressionWrapper(score, output_field=FloatField()))
    qs = qs.order_by("-shared", "-year", "title", "pk")
    many = [CLASSIFICATION_BY_NAME[name].attr for name in SIMILAR_ALIKE_FIELDS if CLASSIFICATION_BY_NAME[name].many]
    window = qs.select_related("age_band", "framework", "region", "outcome_status").prefetch_related(*many)
    pages = _alike_rescore(classification, visible, total, list(window[:max(limit, SIMILAR_RESCORE_WINDOW)]))
    return [
        {"external_id": p.external_id, "type": "case", "title": p.title, "url": p.get_url() or p.url_path,
         "summary": p.summary, "year": p.year, "score": round(score, 4), "highlights": []}
        for score, p in pages[:limit]
    ]


# The database has no text likeness to order the cases that share a problem area; the whole classification does
# it instead: the cosine of the two cases' classifications as vectors over every facet below, each term weighted by
# its rarity among the visible cases (idf), so sharing three of four terms beats sharing one of eight and a rare
# shared intervention counts more than the "wachtlijst" half of all cases have. The shared-classification score
# is divided by the window's best, so the weight does not depend on its scale. Dev similar (SQLite) P@5 .633 ->
# .667, nDCG@5 .646 -> .679 at 0.5; .660-.680 over 0.35-1.0 (a plateau; 1.5 and more fall back); 5 sources up,
# none down; better in 100 of 100 random halves of the sources. Query groups unchanged.
# (Those figures were taken while every idf was equal: the page ordering grouped the counts by case. With the
# counts right, similar P@5 on dev .667 -> .693; held-back mean .765 -> .785.)
SIMILAR_ALIKE_FIELDS = ("problem_areas", "stuck_reasons", "age_band", "settings", "laws", "life_domains",
                        "interventions", "framework")
SIMILAR_ALIKE_WEIGHT = 0.5
SIMILAR_RESCORE_WINDOW = 20


def _idfs(visible, total, name, slugs):
    """The visible cases classified with any of `slugs` in facet `name`, and each slug's rarity among them (BM25's
    idf). A hidden age band is not something a case is found by, nor counted by (issue 9 (1))."""
    cf = CLASSIFICATION_BY_NAME[name]
    having = without_hidden(visible.filter(**{f"{cf.attr}__slug__in": slugs}), name)
    # Without .order_by() the pages' own ordering (path) joins the GROUP BY, and every count would be 1.
    counts = having.order_by().values_list(f"{cf.attr}__slug").annotate(n=Count("pk", distinct=True))
    return having, {slug: math.log(1 + (total - n + 0.5) / (n + 0.5)) for slug, n in counts}


def _alike_rescore(classification, visible, total, pages):
    """[(score, page)] for `pages` (ranked by shared classification), rescored by classification likeness."""
    from .backend import case_classification

    if not pages:
        return []
    theirs = {p.pk: case_classification(p) for p in pages}
    idf = {}
    for name in SIMILAR_ALIKE_FIELDS:
        slugs = set(classification.get(name) or []).union(*(set(c.get(name) or []) for c in theirs.values()))
        if not slugs:
            continue
        idf.update(((name, slug), value) for slug, value in _idfs(visible, total, name, slugs)[1].items())

    def vector(c):
        return {(name, slug): idf.get((name, slug), 0.0) for name in SIMILAR_ALIKE_FIELDS for slug in c.get(name) or []}

    ours = vector(classification)
    ours_norm = math.sqrt(sum(w * w for w in ours.values()))

    def cosine(c):
        v = vector(c)
        norm = ours_norm * math.sqrt(sum(w * w for w in v.values()))
        return sum(w * v[k] for k, w in ours.items() if k in v) / norm if norm else 0.0

    top = max(float(p.shared) for p in pages) or 1.0
    scored = [(float(p.shared) / top + SIMILAR_ALIKE_WEIGHT * cosine(theirs[p.pk]), i, p) for i, p in enumerate(pages)]
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [(score, p) for score, _i, p in scored]
