"""The protected tables are cached, keyed on what decides them: the visibility class of the user (the list of
visibilities `casebook.visibility.allowed_visibilities` grants: anonymous visitors and members never share a key),
the filters and the threshold, plus a generation (models.CountsGeneration): one database row bumped in the same
transaction as every publish, unpublish or deletion of a case, so every process sees the change at once, also with
the per-process default cache (each gunicorn worker, the task worker publishing scheduled pages or imports).

Counting and protecting 100,000 cases takes seconds; a cached view answers in milliseconds. One computation protects
a whole mesh of views together (aggregates._mesh), so it stores all of them at once.

casebook does not know this app: the hooks are connected here, to Wagtail's page signals (SignalsConfig.ready).
With several web processes a shared cache (CACHE_URL, Redis) saves computing each view once per process.
"""

import time
from urllib.parse import urlencode

from django.core.cache import caches

TIMEOUT = 6 * 60 * 60  # a safety net only: publishing invalidates at once
# Who sees which cases, as casebook.visibility.allowed_visibilities grants them: anonymous visitors, members, and
# editors/moderators. The warm-up after a publish counts for each.
VISIBILITY_CLASSES = (("public",), ("public", "network"), ("public", "network", "restricted"))


def _cache():
    # Its own alias (settings: CACHES["signals"]): shared by every process through the database, or Redis when set,
    # so what the task worker warms after a publish is what every web worker reads.
    return caches["signals"]


def visibility_class(visibilities):
    return "+".join(sorted(visibilities))


def current():
    """The generation now: read it before counting, store what you counted under it."""
    from .models import CountsGeneration

    value = CountsGeneration.objects.filter(pk=1).values_list("value", flat=True).first()
    if value is None:
        # No row yet (a new database, or tables flushed while the shared cache table kept its entries): start one
        # from the clock, so no entry stored before can match.
        invalidate()
        value = CountsGeneration.objects.filter(pk=1).values_list("value", flat=True).first()
    return value


def key(generation, visibility, filters, threshold):
    query = urlencode(sorted((str(k), str(v)) for k, v in filters.items()))
    return f"signals:tables:{generation}:{visibility}:{threshold}:{query}"


def get(visibilities, filters, threshold):
    """(cached data or None, generation): store what you compute under the generation read before computing, so
    a case published meanwhile is not hidden behind the new generation."""
    generation = current()
    return _cache().get(key(generation, visibility_class(visibilities), filters, threshold)), generation


def put_many(visibilities, views, threshold, generation):
    """views: [(filters, data)] computed together."""
    visibility = visibility_class(visibilities)
    _cache().set_many({key(generation, visibility, filters, threshold): data for filters, data in views}, TIMEOUT)


def _value_key(generation, visibilities, name):
    return f"signals:{name}:{generation}:{visibility_class(visibilities)}"


def remember(visibilities, name, compute):
    """A small value derived from the cases the user may see (e.g. the years for the filter form), cached like the
    tables: per visibility class, until the next publish."""
    entry = _value_key(current(), visibilities, name)
    value = _cache().get(entry)
    if value is None:
        value = compute()
        _cache().set(entry, value, TIMEOUT)
    return value


def get_value(visibilities, name, generation):
    return _cache().get(_value_key(generation, visibilities, name))


def put_value(visibilities, name, value, generation):
    """Store what `remember` would compute (the warm task knows the years from the facts it counted)."""
    _cache().set(_value_key(generation, visibilities, name), value, TIMEOUT)


def invalidate():
    from django.db.models import F

    from .models import CountsGeneration

    if not CountsGeneration.objects.filter(pk=1).update(value=F("value") + 1):
        # No row yet (or a test flushed it): start from the clock, so no number used before comes back.
        CountsGeneration.objects.update_or_create(pk=1, defaults={"value": time.time_ns() // 1000})


def on_case_changed(sender, instance=None, **kwargs):
    # In the publishing transaction: it commits (or rolls back) together with the change. A request that read the
    # old generation stores what it counted under that one, which no request asks for after the commit.
    from django.db import transaction

    invalidate()
    transaction.on_commit(_warm_later)


def _warm_later():
    from .tasks import warm_overview

    warm_overview.enqueue(generation=current())


def connect():
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished

    from casebook.models import CasePage

    page_published.connect(on_case_changed, sender=CasePage, dispatch_uid="signals.case_published")
    page_unpublished.connect(on_case_changed, sender=CasePage, dispatch_uid="signals.case_unpublished")
    post_delete.connect(on_case_changed, sender=CasePage, dispatch_uid="signals.case_deleted")
