"""Background work of the signalering (run by the task worker in production, at once in development)."""

from django_tasks import task


@task()
def warm_overview():
    """After a publish: count the unfiltered overview for every visibility class, so the first visitor after the
    change reads it from the cache instead of waiting seconds for 100,000 cases to be counted and protected (one
    computation stores the whole mesh of views protected with it)."""
    from .aggregates import overview
    from .cache import VISIBILITY_CLASSES

    for visibilities in VISIBILITY_CLASSES:
        overview(None, {}, visibilities=visibilities)
