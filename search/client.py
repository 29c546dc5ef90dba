"""One Elasticsearch client per process (lazy), index names with the environment's prefix."""

import threading

from django.conf import settings

_lock = threading.Lock()
_client = None
_client_url = None

# Short timeouts: a slow or absent cluster must turn into the database fallback quickly, never a hung page.
REQUEST_TIMEOUT = 5
BULK_TIMEOUT = 120
# A request that finds its node gone (connection refused or reset, a timeout, 502/503/504) is retried on the
# next node; with one node this is a single quick second attempt before the database fallback takes over.
MAX_RETRIES = 2


def node_urls(url=None):
    """ELASTICSEARCH_URL as a list of node addresses (comma-separated for a cluster)."""
    url = settings.ELASTICSEARCH_URL if url is None else url
    return [part.strip() for part in url.split(",") if part.strip()]


def is_configured():
    return bool(settings.ELASTICSEARCH_URL)


def get_client():
    """The process-wide client for settings.ELASTICSEARCH_URL (re-created only if the URL changes, e.g. in tests)."""
    global _client, _client_url
    url = settings.ELASTICSEARCH_URL
    if not url:
        raise RuntimeError("ELASTICSEARCH_URL is not set")
    if _client is None or _client_url != url:
        with _lock:
            if _client is None or _client_url != url:
                from elasticsearch import Elasticsearch

                # No sniffing: the configured addresses are what the operator vouches for (and sniffed
                # publish addresses can differ behind NAT); a dead node is left out for a growing while.
                _client = Elasticsearch(
                    node_urls(url),
                    request_timeout=REQUEST_TIMEOUT,
                    max_retries=MAX_RETRIES,
                    retry_on_timeout=True,
                    connections_per_node=16,
                )
                _client_url = url
    return _client


def alias_name():
    """The alias every query and update goes through; rebuilds swap the index behind it."""
    return f"{settings.SEARCH_INDEX_PREFIX}-content"


def building_alias_name():
    """Points at an index being rebuilt, so updates made meanwhile also reach it."""
    return f"{alias_name()}-building"


def synonyms_set_name():
    return getattr(settings, "SEARCH_SYNONYMS_SET", "") or ""
