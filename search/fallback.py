"""The database search: same interface and response shape as queries.py, over the visible cases.

Used when ELASTICSEARCH_URL is unset (the embedded default) and when Elasticsearch is unreachable.
On PostgreSQL it uses full text search with the `dutch` configuration (stemming, stop words); elsewhere
(SQLite) every word must occur in the title, summary or narrative (case-insensitive). No synonyms,
compounds or did-you-mean: those are what Elasticsearch is for.
"""

from django.db import connection
from django.db.models import Count, Q

from casebook.classification import CLASSIFICATION_FIELDS
from casebook.models import CasePage

from . import labels
from .params import LONG_QUERY_WORDS

TEXT_FIELDS = ("title", "summary", "situation", "stuck_points", "approach", "outcome", "needed", "created")
MAX_WORDS = LONG_QUERY_WORDS  # a pasted description: match on its first words


def _visible(allowed):
    return CasePage.objects.live().filter(visibility__in=list(allowed))


def _apply_text(qs, q):
    if not q:
        return qs, False
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = (
            SearchVector("title", weight="A", config="dutch")
            + SearchVector("summary", weight="B", config="dutch")
            + SearchVector(*TEXT_FIELDS[2:], weight="C", config="dutch")
        )
        query = SearchQuery(" ".join(q.split()[:MAX_WORDS]), config="dutch", search_type="plain")
        return qs.annotate(rank=SearchRank(vector, query)).filter(rank__gt=0), True
    for word in q.split()[:MAX_WORDS]:
        word = word.strip("\"'()[]{}*:,.;!?")
        if len(word) < 2:
            continue
        match = Q()
        for name in TEXT_FIELDS:
            match |= Q(**{f"{name}__icontains": word})
        qs = qs.filter(match)
    return qs, False


def _filter(qs, filters, skip=None):
    for cf in CLASSIFICATION_FIELDS:
        values = filters.get(cf.name)
        if values and cf.name != skip:
            qs = qs.filter(**{f"{cf.attr}__slug__in": values})
    return qs.distinct()


def _facets(base, params):
    facets = {"type": []}
    for cf in CLASSIFICATION_FIELDS:
        qs = _filter(base, params.filters, skip=cf.name)
        rows = (
            CasePage.objects.filter(pk__in=qs.values("pk"))
            .values(f"{cf.attr}__slug")
            .annotate(n=Count("pk", distinct=True))
            .exclude(**{f"{cf.attr}__slug": None})
        )
        facets[cf.name] = labels.facet_entries(cf.name, [(r[f"{cf.attr}__slug"], r["n"]) for r in rows])
    return facets


def search(params, allowed):
    searching_cases = not params.types or "case" in params.types
    base, ranked = _apply_text(_visible(allowed), params.q)
    if not searching_cases:
        base = base.none()
    qs = _filter(base, params.filters)
    if ranked and params.sort == "relevance":
        qs = qs.order_by("-rank", "-year", "title")
    else:
        qs = qs.order_by("-year", "title")
    total = qs.count()
    page = list(qs[params.offset : params.offset + params.page_size])
    facets = _facets(base, params)
    facets["type"] = labels.facet_entries("type", [("case", _filter(base, params.filters).count())]) if total else []
    return {
        "backend": "database",
        "mode": "description" if params.is_description else "text",
        "total": total,
        "page": params.page,
        "page_size": params.page_size,
        "sort": params.sort,
        "results": [
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
        ],
        "facets": facets,
        "suggestion": None,
    }


def autocomplete(q, allowed, limit=8):
    q = q.strip()
    if not q:
        return []
    qs = _visible(allowed).filter(title__icontains=q).order_by("-year", "title")[:limit]
    return [{"text": p.title, "url": p.get_url() or p.url_path, "type": "case", "external_id": p.external_id} for p in qs]


def similar_cases(page, allowed, limit=5):
    """Cases sharing the most problem areas and stuck reasons (no text similarity on the database)."""
    areas = list(page.problem_areas.values_list("pk", flat=True))
    reasons = list(page.stuck_reasons.values_list("pk", flat=True))
    qs = (
        _visible(allowed)
        .exclude(pk=page.pk)
        .annotate(
            shared=Count("problem_areas", filter=Q(problem_areas__in=areas), distinct=True)
            + Count("stuck_reasons", filter=Q(stuck_reasons__in=reasons), distinct=True)
        )
        .filter(shared__gt=0)
        .order_by("-shared", "-year")[:limit]
    )
    return [
        {"external_id": p.external_id, "type": "case", "title": p.title, "url": p.get_url() or p.url_path,
         "summary": p.summary, "year": p.year, "score": float(p.shared), "highlights": []}
        for p in qs
    ]
