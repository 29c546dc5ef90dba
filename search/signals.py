"""Page changes → outbox rows (same transaction) → drained after commit.

Wired in SearchConfig.ready(). Handlers pass only labels and ids; what to do is decided when the row is
drained, from the page's state then (live → index, gone or not live → delete), so rows can be replayed.
"""

import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from . import client, documents
from .models import IndexOutbox


def enqueue(instance, action):
    source = documents.source_for(type(instance))
    if source is None:
        return
    IndexOutbox.objects.create(model_label=source.model_label, object_id=instance.pk, action=action)
    _drain_soon()


def enqueue_followers(instance, action):
    """Documents of other sources that follow `instance`'s publication (a withdrawn case's lessons leave the index,
    and come back with it). Queued like any change: the drain decides from their state then, and retries."""
    rows = [IndexOutbox(model_label=source.model_label, object_id=pk, action=action)
            for source in documents.SOURCES.values() if source.follows
            for pk in source.follows(instance)]
    if rows:
        IndexOutbox.objects.bulk_create(rows)
        _drain_soon()


def _drain_soon():
    if client.is_configured():
        _queued.rows = True
        transaction.on_commit(_drain_after_commit)


# Whether this thread queued rows since its last drain. A bulk import queues thousands of rows in one transaction and
# as many after-commit callbacks: the first drains them all, the others return at once instead of each asking the
# outbox again. Per thread, as transactions are.
_queued = threading.local()


def _drain_after_commit():
    from .tasks import drain_quietly

    if not getattr(_queued, "rows", True):
        return
    _queued.rows = False
    drain_quietly()


def on_published(sender, instance, **kwargs):
    enqueue(instance.specific, IndexOutbox.Action.INDEX)
    enqueue_followers(instance.specific, IndexOutbox.Action.INDEX)


def on_unpublished(sender, instance, **kwargs):
    enqueue(instance.specific, IndexOutbox.Action.DELETE)
    enqueue_followers(instance.specific, IndexOutbox.Action.DELETE)


def on_moved(sender, instance, **kwargs):
    # The URL is part of the document; a move of a live page re-indexes it.
    enqueue(instance.specific, IndexOutbox.Action.INDEX)


def on_snippet_published(sender, instance, **kwargs):
    # Non-page sources (learning's lessons) publish through Wagtail's generic signals; pages have their own above.
    if not isinstance(instance, Page):
        enqueue(instance, IndexOutbox.Action.INDEX)


def on_snippet_unpublished(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        enqueue(instance, IndexOutbox.Action.DELETE)


def on_deleted(sender, instance, **kwargs):
    enqueue(instance, IndexOutbox.Action.DELETE)


def remember_term_words(sender, instance, **kwargs):
    instance._words_before = (sender.objects.filter(pk=instance.pk).values_list("label_nl", "search_terms").first()
                              if instance.pk else None)


def on_term_saved(sender, instance, created=False, **kwargs):
    """A term renamed or given other search terms: the cases classified with it carry its words in their
    documents (documents.classification_labels), so they are re-indexed through the outbox."""
    from casebook.classification import CLASSIFICATION_FIELDS
    from casebook.models import CasePage

    if created or getattr(instance, "_words_before", None) == (instance.label_nl, instance.search_terms):
        return
    for cf in CLASSIFICATION_FIELDS:
        if cf.name in documents.LABEL_FIELDS and cf.vocabulary == instance.vocabulary:
            for page in CasePage.objects.live().filter(**{cf.attr: instance}).only("pk"):
                enqueue(page, IndexOutbox.Action.INDEX)


def connect():
    page_published.connect(on_published, dispatch_uid="search.published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search.unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search.moved")
    published.connect(on_snippet_published, dispatch_uid="search.snippet_published")
    unpublished.connect(on_snippet_unpublished, dispatch_uid="search.snippet_unpublished")
    # No sender filter: sources other apps register later (lessons) are covered too; enqueue() ignores the rest.
    post_delete.connect(on_deleted, dispatch_uid="search.deleted")
    from casebook.models import TaxonomyTerm

    pre_save.connect(remember_term_words, sender=TaxonomyTerm, dispatch_uid="search.term_before")
    post_save.connect(on_term_saved, sender=TaxonomyTerm, dispatch_uid="search.term_saved")
