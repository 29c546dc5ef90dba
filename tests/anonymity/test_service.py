"""The checker process and its client. A rules-only detector stands in for deduce here."""

import json
import socket
import threading
import urllib.request

import pytest

from anonymity import AnonymityCheckUnavailable, check_fields, check_text
from anonymity.service import make_server


@pytest.fixture
def checker(rules_detector):
    server = make_server("127.0.0.1", 0, detector=rules_detector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_client_asks_the_checker_when_configured(checker, settings):
    settings.ANONYMITY_CHECK_URL = checker
    result = check_fields({"a": "Bel 06-12345678.", "b": "Niets bijzonders."})
    assert [(f.kind, f.text, f.start, f.end) for f in result["a"]] == [("phone", "06-12345678", 4, 15)]
    assert result["b"] == []
    assert [f.kind for f in check_text("BSN 123.456.782")] == ["bsn"]


def test_health_and_bad_requests(checker):
    with urllib.request.urlopen(checker + "/health", timeout=5) as response:
        assert json.load(response) == {"status": "ok"}
    request = urllib.request.Request(checker + "/check", data=b'{"fields": {"a": 1}}', method="POST")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=5)
    assert error.value.code == 400


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_checker_fails_loudly(settings):
    settings.ANONYMITY_CHECK_URL = f"http://127.0.0.1:{_free_port()}"
    with pytest.raises(AnonymityCheckUnavailable, match="niet bereikbaar"):
        check_fields({"summary": "Jan de Vries"})


def test_environment_variable_works_without_settings_value(checker, settings, monkeypatch):
    settings.ANONYMITY_CHECK_URL = ""
    monkeypatch.setenv("ANONYMITY_CHECK_URL", checker)
    assert [f.kind for f in check_text("mail a@b.nl")] == ["email"]


def test_many_field_sets_in_one_request_give_the_same_answers(checker, settings, monkeypatch):
    """Bulk import (issue 13): one request carries many cases' texts; each answer is what check_fields says."""
    from anonymity import service

    batch = [{"a": "Bel 06-12345678.", "b": "Niets bijzonders."}, {"a": "mail a@b.nl"}, {}]
    settings.ANONYMITY_CHECK_URL = checker
    one_by_one = [check_fields(fields) for fields in batch]
    requests = []
    real_post = service._post
    monkeypatch.setattr(service, "_post", lambda url, message: requests.append(message) or real_post(url, message))
    assert service.check_many(batch) == one_by_one
    assert len(requests) == 1
    assert [f.kind for f in one_by_one[0]["a"]] == ["phone"] and [f.kind for f in one_by_one[1]["a"]] == ["email"]


def test_a_short_batch_answer_is_refused(checker, settings, monkeypatch):
    from anonymity import service

    settings.ANONYMITY_CHECK_URL = checker
    monkeypatch.setattr(service, "_post", lambda url, message: {"batch": []})
    with pytest.raises(AnonymityCheckUnavailable, match="Onverwacht"):
        service.check_many([{"a": "Jan"}])
