"""Which search answers: Elasticsearch when configured and reachable, else the database.

Views and the API call only these functions. An unreachable or failing cluster is logged and answered from
the database with `degraded: True`, so the page can say so; it never turns into a 500.
"""

import logging

from elasticsearch import ApiError, TransportError

from casebook.visibility import allowed_visibilities

from . import client, fallback, queries

log = logging.getLogger(__name__)
ES_ERRORS = (TransportError, ApiError, ConnectionError, OSError)


def _es_or_db(es_call, db_call):
    if not client.is_configured():
        return db_call()
    try:
        return es_call()
    except ES_ERRORS as exc:
        log.warning("Elasticsearch unavailable, answering from the database: %s", exc)
        result = db_call()
        if isinstance(result, dict):
            result["degraded"] = True
        return result
    except Exception:  # noqa: BLE001 - a search bug must degrade the page, not break it; logged in full
        log.exception("search failed, answering from the database")
        result = db_call()
        if isinstance(result, dict):
            result["degraded"] = True
        return result


def search(params, user):
    allowed = allowed_visibilities(user)
    return _es_or_db(lambda: queries.search(params, allowed), lambda: fallback.search(params, allowed))


def autocomplete(q, user, limit=8):
    from . import labels

    allowed = allowed_visibilities(user)
    result = _es_or_db(
        lambda: {"backend": "elasticsearch", "suggestions": queries.autocomplete(q, allowed, limit)},
        lambda: {"backend": "database", "suggestions": fallback.autocomplete(q, allowed, limit)},
    )
    result["terms"] = labels.term_suggestions(q)
    return result


def similar_to_text(text, classification, user, limit=5, title=""):
    """Published cases like a text that is not in the index (issue 11: a consultation request). `classification`
    maps problem_areas/stuck_reasons/age_band to term slugs; the database fallback uses the same terms. The problem
    area a `title` names weighs most, as for a case."""
    allowed = allowed_visibilities(user)
    return _es_or_db(
        lambda: queries.similar_cases(None, classification, allowed, limit, like_text=text, title=title),
        lambda: fallback.similar_cases(classification, allowed, limit, title=title),
    )


def case_classification(page):
    """A case page's classification as slugs, without the fields its editor coarsened away (small groups):
    those must not steer similar-case ranking either."""
    from casebook.classification import CLASSIFICATION_FIELDS

    classification = {}
    for cf in CLASSIFICATION_FIELDS:
        value = getattr(page, cf.attr)
        classification[cf.name] = [t.slug for t in value.all()] if cf.many else ([value.slug] if value else [])
    if getattr(page, "hide_age_band", False):
        classification["age_band"] = []
    if getattr(page, "hide_region", False):
        classification["region"] = []
    return classification


def similar_cases(page, user, limit=5):
    """`page` must already be known visible to `user` (callers use visible_cases)."""
    from . import documents

    allowed = allowed_visibilities(user)
    doc_id = documents.source_for("casebook.CasePage").doc_id(page.pk)
    classification = case_classification(page)
    return _es_or_db(
        lambda: queries.similar_cases(doc_id, classification, allowed, limit, title=page.title),
        lambda: fallback.similar_cases(classification, allowed, limit, exclude_pk=page.pk, title=page.title),
    )
