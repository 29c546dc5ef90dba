"""The protected tables are cached, keyed on what decides them: the visibility class of the user (the list of
visibilities `casebook.visibility.allowed_visibilities` grants: anonymous visitors and members never share a key),
the filters and the threshold, plus a generation: a number that every publish, unpublish or deletion of a case in this
process bumps, and a fingerprint of the live cases in the database (how many, and when one was last published), so
a publish in another web worker or in the task worker is seen too, even with the per-process default cache.

Counting and protecting 100,000 cases takes seconds; a cached view answers in milliseconds. One computation protects
a whole mesh of views together (aggregates._mesh), so it stores all of them at once.

casebook does not know this app: the hooks are connected here, to Wagtail's page signals (SignalsConfig.ready).
With several web processes a shared cache (CACHE_URL, Redis) saves computing each view once per process.
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
    return f"{generation}.{_fingerprint()}"


def _fingerprint():
    """Changes whenever the counted cases can: a publish (also of a visibility or coarsening change) sets
    last_published_at, an unpublish or a deletion lowers the number of live cases. One indexed query (~25 ms at
    100,000 cases on SQLite)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Count, Max
    from wagtail.models import Page

    from casebook.models import CasePage

    content_type = ContentType.objects.get_for_model(CasePage)
    live = Page.objects.filter(content_type=content_type, live=True).aggregate(n=Count("id"),
                                                                                last=Max("last_published_at"))
    return f"{live['n']}.{live['last'].timestamp() if live['last'] else 0}"


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
