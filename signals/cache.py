"""The protected tables are cached, keyed on what decides them: the visibility class of the user (the list of
visibilities `casebook.visibility.allowed_visibilities` grants: anonymous visitors and members never share a key),
the filters and the threshold, plus a generation number that every publish, unpublish or deletion of a case bumps.

Counting and protecting 100,000 cases takes seconds; a cached view answers in milliseconds. One computation protects
a whole mesh of views together (aggregates._mesh), so it stores all of them at once.

casebook does not know this app: the hooks are connected here, to Wagtail's page signals (SignalsConfig.ready).
With several web processes set CACHE_URL (Redis), or a publish in one process leaves the others' caches stale
until TIMEOUT.
"""

from urllib.parse import urlencode

from django.core.cache import cache
from django.db import transaction

from casebook.visibility import allowed_visibilities

GENERATION_KEY = "signals:generation"
TIMEOUT = 6 * 60 * 60  # a safety net only: publishing invalidates at once


def visibility_class(user):
    return "+".join(sorted(allowed_visibilities(user)))


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _fresh(), None)  # new, so no key stored under an evicted number is reused
        generation = cache.get(GENERATION_KEY)
    return generation


def key(generation, visibility, filters, threshold):
    query = urlencode(sorted((str(k), str(v)) for k, v in filters.items()))
    return f"signals:tables:{generation}:{visibility}:{threshold}:{query}"


def get(user, filters, threshold):
    """(cached data or None, generation): store what you compute under the generation read before computing, so
    a case published meanwhile is not hidden behind the new generation."""
    generation = _generation()
    return cache.get(key(generation, visibility_class(user), filters, threshold)), generation


def put_many(user, views, threshold, generation):
    """views: [(filters, data)] computed together."""
    visibility = visibility_class(user)
    cache.set_many({key(generation, visibility, filters, threshold): data for filters, data in views}, TIMEOUT)


def remember(user, name, compute):
    """A small value derived from the cases the user may see (e.g. the years for the filter form), cached like the
    tables: per visibility class, until the next publish."""
    entry = f"signals:{name}:{_generation()}:{visibility_class(user)}"
    value = cache.get(entry)
    if value is None:
        value = compute()
        cache.set(entry, value, TIMEOUT)
    return value


def invalidate():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set (or evicted)
        cache.set(GENERATION_KEY, _fresh(), None)


def _fresh():
    import time

    return int(time.time() * 1000)


def on_case_changed(sender, instance=None, **kwargs):
    # Now (for the rest of this transaction) and after commit (a request that read the old data in between must not
    # keep it under the new generation).
    invalidate()
    transaction.on_commit(invalidate)


def connect():
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished

    from casebook.models import CasePage

    page_published.connect(on_case_changed, sender=CasePage, dispatch_uid="signals.case_published")
    page_unpublished.connect(on_case_changed, sender=CasePage, dispatch_uid="signals.case_unpublished")
    post_delete.connect(on_case_changed, sender=CasePage, dispatch_uid="signals.case_deleted")
