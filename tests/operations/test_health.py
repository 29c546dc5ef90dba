"""Probes and request ids for the load balancer and the logs (issue 13)."""

import json
import logging

import pytest

from .helpers import free_port

pytestmark = pytest.mark.django_db


def test_liveness_and_readiness_answer(client):
    assert client.get("/healthz").status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["database"] == {"ok": True}


def test_anonymity_checker_down_is_reported_but_the_site_stays_in_rotation(client, settings):
    settings.ANONYMITY_CHECK_URL = f"http://127.0.0.1:{free_port()}"
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded" and body["checks"]["anonymity"]["ok"] is False


def test_request_id_is_kept_from_the_proxy_or_made_and_reaches_the_log(client, caplog):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="lb-1234").headers["X-Request-ID"] == "lb-1234"
    made = client.get("/healthz", HTTP_X_REQUEST_ID="bad id\nwith newline").headers["X-Request-ID"]
    assert made != "bad id\nwith newline" and len(made) == 32

    from doorbraak.request_id import JsonFormatter, RequestIdFilter, _current

    token = _current.set("abc123")
    try:
        record = logging.LogRecord("doorbraak", logging.WARNING, __file__, 1, "iets ging mis", None, None)
        RequestIdFilter().filter(record)
    finally:
        _current.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "abc123" and line["message"] == "iets ging mis"
