from django.db import models


class IndexOutbox(models.Model):
    """Pending index updates, written in the same transaction as the page change.

    A row stays until Elasticsearch has confirmed it, so an outage loses nothing: the worker (and an
    opportunistic drain after each commit) retries with attempts + 1 and the last error kept for inspection.
    """

    class Action(models.TextChoices):
        INDEX = "index"
        DELETE = "delete"

    model_label = models.CharField(max_length=100)
    object_id = models.PositiveBigIntegerField()
    action = models.CharField(max_length=10, choices=Action.choices)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "index outbox entry"
        verbose_name_plural = "index outbox"

    def __str__(self):
        return f"{self.action} {self.model_label}#{self.object_id}"
