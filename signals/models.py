from django.db import models


class CountsGeneration(models.Model):
    """One row whose value changes in the same transaction as every publish, unpublish or deletion of a case
    (signals.cache). The cached tables are keyed on it, so every process (each web worker, the task worker) sees a
    change at once, with a primary-key read instead of a query over the cases."""

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "generation of the signalering counts"
