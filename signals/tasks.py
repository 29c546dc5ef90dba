"""Background work of the signalering (run by the task worker in production, at once in development)."""

from django_tasks import task


@task()
def warm_overview():
    """After a publish: for every visibility class, count the overview, every view one click away from it (each
    value of each filter) and the regional reports (region + year), so the visitors after the change read them from
    the cache instead of waiting for 100,000 cases to be counted and protected (aggregates.warm; one load of the
    facts per class, one computation per set of filter parameters)."""
    from .aggregates import warm
    from .cache import VISIBILITY_CLASSES

    for visibilities in VISIBILITY_CLASSES:
        warm(visibilities)
