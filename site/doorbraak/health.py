"""Liveness (/healthz) and readiness (/readyz) for a load balancer or orchestrator.

/healthz says only that this process answers. /readyz checks what a request may need and answers 503 only when
the site cannot serve at all (the database). Search and the anonymity checker have fallbacks (database search;
publishing refused), so their state is reported for the operator without taking the web process out of rotation.
"""

import json
import urllib.request

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

# An outbox row older than this means the search worker is not keeping up (or Elasticsearch is away).
OUTBOX_AGE_WARNING_SECONDS = 300


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    checks = {"database": _database(), "search": _search(), "anonymity": _anonymity(), "outbox": _outbox()}
    ready = checks["database"]["ok"]
    status = "ok" if all(check["ok"] for check in checks.values()) else ("degraded" if ready else "down")
    return JsonResponse({"status": status, "checks": checks}, status=200 if ready else 503)


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return {"ok": True}
    except Exception as exc:  # noqa: BLE001 - any failure means not ready
        return {"ok": False, "error": str(exc)[:200]}


def _search():
    from search import client

    if not client.is_configured():
        return {"ok": True, "backend": "database"}
    try:
        health = client.get_client().options(request_timeout=2).cluster.health()
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "backend": "database fallback", "error": str(exc)[:200]}
    blocked = _write_blocked(client)
    result = {"ok": health["status"] != "red" and not blocked, "backend": "elasticsearch",
              "cluster": health["status"], "nodes": health["number_of_nodes"]}
    if blocked:
        result["error"] = "index is read-only (flood-stage disk watermark?)"
    return result


def _write_blocked(client):
    try:
        settings_ = client.get_client().options(request_timeout=2).indices.get_settings(
            index=client.alias_name(), name="index.blocks.read_only_allow_delete", ignore_unavailable=True)
    except Exception:  # noqa: BLE001 - no index yet: nothing is blocked
        return False
    return any(str(s.get("settings", {}).get("index", {}).get("blocks", {}).get("read_only_allow_delete")) == "true"
               for s in settings_.values())


def _anonymity():
    url = settings.ANONYMITY_CHECK_URL
    if not url:
        return {"ok": True, "mode": "in-process"}
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/health", timeout=2) as response:
            json.loads(response.read())
        return {"ok": True, "mode": "checker"}
    except Exception as exc:  # noqa: BLE001 - publishing is refused meanwhile, everything else works
        return {"ok": False, "mode": "checker", "error": str(exc)[:200]}


def _outbox():
    from search.models import IndexOutbox

    try:
        oldest = IndexOutbox.objects.order_by("created").values_list("created", flat=True).first()
        waiting = IndexOutbox.objects.count()
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "error": str(exc)[:200]}
    age = (timezone.now() - oldest).total_seconds() if oldest else 0
    return {"ok": age < OUTBOX_AGE_WARNING_SECONDS, "waiting": waiting, "oldest_age_seconds": round(age)}
