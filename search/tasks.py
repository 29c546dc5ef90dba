"""Draining the index outbox into Elasticsearch, in bulk."""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import client, documents, indexing
from .models import IndexOutbox

log = logging.getLogger(__name__)

BATCH = 500


def drain_once(batch=BATCH):
    """Apply up to `batch` outbox rows. Returns (applied, failed). Raises if Elasticsearch is unreachable."""
    # Fresh rows first, so a row that keeps failing cannot hold up the rest.
    rows = list(IndexOutbox.objects.order_by("attempts", "id")[:batch])
    if not rows:
        return 0, 0
    indexing.ensure_index()
    targets = indexing.write_targets()
    # Several rows for one object collapse into one action decided from its current state.
    rows_by_object = {}
    for row in rows:
        rows_by_object.setdefault((row.model_label.lower(), row.object_id), []).append(row.id)
    actions, row_ids_by_doc = [], {}
    wanted = {}
    for (label, object_id), ids in rows_by_object.items():
        source = documents.source_for(label)
        if source is None:
            IndexOutbox.objects.filter(id__in=ids).delete()
            continue
        row_ids_by_doc[source.doc_id(object_id)] = ids
        wanted.setdefault(source, []).append(object_id)
    for source, object_ids in wanted.items():
        # One query per source and batch; what is not live now (deleted, unpublished, draft) is deleted.
        live = {obj.pk: obj for obj in source.queryset().filter(pk__in=object_ids)}
        for object_id in object_ids:
            doc_id, obj = source.doc_id(object_id), live.get(object_id)
            doc = source.to_document(obj) if obj is not None else None
            for target in targets:
                if doc is None:
                    actions.append({"_op_type": "delete", "_index": target, "_id": doc_id})
                else:
                    actions.append({"_op_type": "index", "_index": target, "_id": doc_id, "_source": doc})
    ok, errors = indexing.bulk(actions)
    failed_docs = {}
    for info in errors:
        _op, result = next(iter(info.items()))
        failed_docs[result.get("_id")] = str(result.get("error") or result.get("status"))[:2000]
    done = [i for doc_id, ids in row_ids_by_doc.items() if doc_id not in failed_docs for i in ids]
    with transaction.atomic():
        IndexOutbox.objects.filter(id__in=done).delete()
        for doc_id, error in failed_docs.items():
            IndexOutbox.objects.filter(id__in=row_ids_by_doc.get(doc_id, [])).update(
                attempts=F("attempts") + 1, last_error=error
            )
    return len(done), sum(len(row_ids_by_doc.get(d, [])) for d in failed_docs)


def drain(max_batches=None):
    """Drain until the outbox is empty (or only failing rows are left). Returns total applied."""
    total, batches = 0, 0
    while max_batches is None or batches < max_batches:
        applied, failed = drain_once()
        total += applied
        batches += 1
        if applied == 0 or failed:
            break
    return total


def record_failure(exc):
    """Elasticsearch unreachable: count the attempt on every waiting row, keep them all."""
    IndexOutbox.objects.update(attempts=F("attempts") + 1, last_error=f"{timezone.now():%Y-%m-%d %H:%M:%S} {exc!r}"[:2000])


def drain_quietly():
    """After-commit drain: best effort; on any failure the rows simply wait for the worker."""
    if not client.is_configured():
        return 0
    try:
        return drain(max_batches=2)
    except Exception as exc:  # noqa: BLE001 - an outage must never break the request that published
        log.warning("search outbox not drained now (%s); the worker will retry", exc)
        try:
            record_failure(exc)
        except Exception:  # noqa: BLE001
            log.exception("could not record outbox failure")
        return 0
