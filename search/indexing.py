"""Creating indexes, bulk writes, and the zero-downtime rebuild behind the alias."""

import threading
import time

from django import db
from django.conf import settings as django_settings
from django.utils import timezone
from elasticsearch import ApiError, NotFoundError, helpers

from . import analysis, client, documents

def shards():
    return django_settings.SEARCH_INDEX_SHARDS


def replicas():
    return django_settings.SEARCH_INDEX_REPLICAS


def index_body(*, bulk_load=False):
    settings = {
        "number_of_shards": shards(),
        # A bulk fill writes the primaries only; the replicas are copied once, before the alias moves.
        "number_of_replicas": 0 if bulk_load else replicas(),
        "max_result_window": 10000,
        "analysis": analysis.analysis_settings(),
    }
    if bulk_load:
        # Filled in bulk and swapped in afterwards: no refreshes, no per-request fsync until then.
        settings["refresh_interval"] = "-1"
        settings["translog"] = {"durability": "async"}
    return {"settings": {"index": settings}, "mappings": documents.mapping_body()}


def new_index_name():
    return f"{client.alias_name()}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"


def indices_behind(alias, es=None):
    es = es or client.get_client()
    try:
        return sorted(es.indices.get_alias(name=alias).keys())
    except NotFoundError:
        return []


def ensure_index():
    """Create the index and alias if there are none (first run, a fresh test prefix). Returns the alias."""
    es = client.get_client()
    alias = client.alias_name()
    if not es.indices.exists_alias(name=alias):
        name = new_index_name()
        es.indices.create(index=name, body=index_body())
        es.indices.put_alias(index=name, name=alias)
    return alias


def write_targets():
    """Where single updates go: the live alias, plus an index being rebuilt (so it misses nothing)."""
    es = client.get_client()
    targets = indices_behind(client.alias_name(), es)
    targets += [name for name in indices_behind(client.building_alias_name(), es) if name not in targets]
    return targets


def bulk(actions, *, chunk_size=500, es=None):
    """Run bulk actions; returns (succeeded, errors). A delete of a missing document counts as done."""
    es = es or client.get_client()
    ok, errors = 0, []
    for success, info in helpers.streaming_bulk(
        es.options(request_timeout=client.BULK_TIMEOUT),
        actions,
        chunk_size=chunk_size,
        raise_on_error=False,
        raise_on_exception=False,
        max_retries=0,
    ):
        op, result = next(iter(info.items()))
        if success or (op == "delete" and result.get("status") == 404):
            ok += 1
        else:
            errors.append(info)
    return ok, errors


def iter_source_actions(index, sources=None, batch=500):
    # Keyset batches, each its own short query: no cursor or transaction held open for the whole rebuild.
    for source in sources or documents.SOURCES.values():
        last = 0
        while True:
            objs = list(source.queryset().filter(pk__gt=last).order_by("pk")[:batch])
            for obj in objs:
                doc = source.to_document(obj)
                yield {"_op_type": "index", "_index": index, "_id": source.doc_id(obj.pk), "_source": doc}
            if len(objs) < batch:
                break
            last = objs[-1].pk


def _closing_connection_in_other_thread(stream, owner):
    # parallel_bulk consumes the action generator in its pool's task thread; a database connection opened
    # there would outlive the rebuild, so close it when the stream ends.
    try:
        yield from stream
    finally:
        if threading.get_ident() != owner:
            db.connection.close()


def count_sources(sources=None):
    return sum(source.queryset().count() for source in sources or documents.SOURCES.values())


def catch_up(index, since, es=None):
    """Make `index` true to the database after a bulk fill that read it earlier than now.

    Updates drained during the fill already went to this index too (the `-building` alias), but the fill may
    have written an older read of the same object afterwards; so re-index what changed since the fill
    started and delete what is no longer live.
    """
    es = es or client.get_client()
    es.indices.refresh(index=index)
    actions = []
    for source in documents.SOURCES.values():
        for obj in source.queryset().filter(**{f"{source.changed_field}__gte": since}):
            actions.append({"_op_type": "index", "_index": index, "_id": source.doc_id(obj.pk),
                            "_source": source.to_document(obj)})
        live = {source.doc_id(pk) for pk in source.queryset().values_list("pk", flat=True)}
        indexed = {
            hit["_id"]
            for hit in helpers.scan(es, index=index, query={"query": {"term": {"type": source.type}}}, _source=False)
        }
        actions += [{"_op_type": "delete", "_index": index, "_id": doc_id} for doc_id in indexed - live]
    if actions:
        bulk(actions, es=es)
    return len(actions)


def rebuild(*, actions=None, total=None, progress=False, threads=2, chunk_size=1000, keep_old=False):
    """Fill a new timestamped index in bulk, then move the alias to it in one atomic step.

    Searches keep answering from the old index until the swap. Updates drained meanwhile go to both
    (the new index sits behind the `-building` alias), so nothing published during a rebuild is lost.
    `actions` (dicts without _index) lets the benchmark feed records directly.
    """
    es = client.get_client()
    alias, building = client.alias_name(), client.building_alias_name()
    name = new_index_name()
    started = timezone.now()
    es.indices.create(index=name, body=index_body(bulk_load=True))
    es.indices.put_alias(index=name, name=building)
    try:
        stream = actions if actions is not None else iter_source_actions(name)
        if actions is None and total is None:
            total = count_sources()
        stream = _closing_connection_in_other_thread(
            (dict(action, _index=name) for action in stream), threading.get_ident()
        )
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="doc", desc=f"rebuild {name}")
        indexed, failed = 0, []
        for success, info in helpers.parallel_bulk(
            es.options(request_timeout=client.BULK_TIMEOUT),
            stream,
            thread_count=threads,
            chunk_size=chunk_size,
            raise_on_error=False,
            raise_on_exception=False,
        ):
            if success:
                indexed += 1
            else:
                failed.append(info)
            if bar is not None:
                bar.update(1)
        if bar is not None:
            bar.close()
        if failed:
            raise RuntimeError(f"{len(failed)} documents failed to index, e.g. {failed[0]}")
        if actions is None:
            catch_up(name, started, es)
        es.indices.put_settings(
            index=name, body={"index": {"refresh_interval": "1s", "translog": {"durability": "request"},
                                        "number_of_replicas": replicas()}}
        )
        es.indices.refresh(index=name)
        wait_for_replicas(name, es)
        old = indices_behind(alias, es)
        swap = [{"add": {"index": name, "alias": alias}}]
        swap += [{"remove": {"index": o, "alias": alias}} for o in old]
        swap += [{"remove": {"index": name, "alias": building}}]
        es.indices.update_aliases(body={"actions": swap})
    except BaseException:
        es.indices.delete(index=name, ignore_unavailable=True)
        raise
    if not keep_old:
        for o in old:
            es.indices.delete(index=o, ignore_unavailable=True)
    return name, indexed


def wait_for_replicas(name, es, timeout="60s"):
    """Before the alias moves to a new index, let its replicas be copied where there are nodes to hold them,
    so the live index is never one node away from red. A single node cannot hold a replica: nothing to wait for."""
    if not replicas():
        return
    nodes = es.cluster.health()["number_of_data_nodes"]
    if nodes > 1:
        es.cluster.health(index=name, wait_for_active_shards=str(shards() * (1 + min(replicas(), nodes - 1))),
                          timeout=timeout)


def drop_all(prefix_alias=None):
    """Delete the alias's indexes (tests, and `search_index --drop`)."""
    es = client.get_client()
    alias = prefix_alias or client.alias_name()
    for name in set(indices_behind(alias, es) + indices_behind(f"{alias}-building", es)):
        es.indices.delete(index=name, ignore_unavailable=True)
    try:
        es.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)
    except ApiError:  # clusters with action.destructive_requires_name refuse wildcards; the named ones are gone
        pass
