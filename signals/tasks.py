"""Background work of the signalering (run by the task worker in production, at once in development)."""

from django_tasks import task


@task()
def warm_overview(generation=None):
    """After a publish: for every visibility class, count the overview, every view one click away from it (each
    value of each filter) and the regional reports (region + year), so the visitors after the change read them from
    the cache instead of waiting for 100,000 cases to be counted and protected (aggregates.warm; one load of the
    facts per class, one computation per set of filter parameters).

    `generation`: the one the publish made. A task whose generation has passed does nothing (a later publish queued
    its own), and a class already warmed for this generation is skipped: a bulk import publishes many cases in one
    transaction, and each queues this task."""
    from . import cache
    from .aggregates import warm

    if generation is not None and generation != cache.current():
        return
    for visibilities in cache.VISIBILITY_CLASSES:
        warm(visibilities)
