"""One long-lived checker process holds the detector; web workers ask it over HTTP.

deduce takes seconds to load and ~1 GB resident, so it must not live in every web worker.
`serve()` runs the checker (127.0.0.1 only); `check_fields()` is the client. Without
ANONYMITY_CHECK_URL (settings or environment) the client runs the detector in-process,
which is what tests and management commands want.
"""

from __future__ import annotations

import json
import os
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .findings import Finding

TIMEOUT_SECONDS = 30
MAX_BODY_BYTES = 5 * 1024 * 1024


class AnonymityCheckUnavailable(RuntimeError):
    """The checker could not be asked. Never treat the text as clean when this is raised."""


def check_url() -> str:
    try:
        from django.conf import settings

        if settings.configured:
            url = getattr(settings, "ANONYMITY_CHECK_URL", "")
            if url:
                return url
    except ImportError:  # pragma: no cover - Django is always installed in this project
        pass
    return os.environ.get("ANONYMITY_CHECK_URL", "")


def check_fields(fields: dict[str, str]) -> dict[str, list[Finding]]:
    url = check_url()
    if not url:
        from .detector import get_detector

        return get_detector().check_fields(fields)
    return _ask(url, fields)


def check_many(batch: list[dict[str, str]]) -> list[dict[str, list[Finding]]]:
    """check_fields for many field sets at once (bulk import): one request per ~MAX_BODY_BYTES, not one per case."""
    url = check_url()
    if not url:
        from .detector import get_detector

        return get_detector().check_many(batch)
    results = []
    for chunk in _chunks_under(batch, MAX_BODY_BYTES // 2):
        results.extend(_ask_many(url, chunk))
    return results


def _chunks_under(batch, limit):
    chunk, size = [], 0
    for fields in batch:
        length = len(json.dumps(fields).encode("utf-8"))
        if chunk and size + length > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append(fields)
        size += length
    if chunk:
        yield chunk


def check_text(text: str) -> list[Finding]:
    return check_fields({"text": text})["text"]


def _ask(url: str, fields: dict[str, str]) -> dict[str, list[Finding]]:
    payload = _post(url, {"fields": fields})
    try:
        return _findings(payload["findings"], fields)
    except (KeyError, TypeError) as exc:
        raise AnonymityCheckUnavailable(f"Onverwacht antwoord van {url}: {payload!r:.200}") from exc


def _ask_many(url: str, batch: list[dict[str, str]]) -> list[dict[str, list[Finding]]]:
    payload = _post(url, {"batch": batch})
    try:
        answers = payload["batch"]
        if len(answers) != len(batch):
            raise ValueError(f"{len(answers)} answers for {len(batch)} field sets")
        return [_findings(found, fields) for found, fields in zip(answers, batch)]
    except (KeyError, TypeError, ValueError) as exc:
        raise AnonymityCheckUnavailable(f"Onverwacht antwoord van {url}: {payload!r:.200}") from exc


def _findings(found, fields):
    return {name: [Finding.from_dict(item) for item in found[name]] for name in fields}


def _post(url: str, message: dict):
    body = json.dumps(message).encode("utf-8")
    request = urllib.request.Request(
        url.rstrip("/") + "/check",
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS * (1 + len(message.get("batch", ())) // 10)) as response:
            return json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise AnonymityCheckUnavailable(
            f"De anonimiteitscontrole op {url} is niet bereikbaar ({exc}); "
            "de tekst is niet gecontroleerd en mag niet gepubliceerd worden."
        ) from exc


def _is_fields(fields) -> bool:
    return isinstance(fields, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in fields.items())


class _Handler(BaseHTTPRequestHandler):
    server_version = "DoorbraakAnonymity/1"
    detector = None  # set by make_server
    lock = threading.Lock()  # deduce makes no thread-safety promise

    def do_GET(self):
        if self.path == "/health":
            self._send(200, {"status": "ok"})
        else:
            self._send(404, {"error": "not found"})

    def do_POST(self):
        if self.path != "/check":
            self._send(404, {"error": "not found"})
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
            if length > MAX_BODY_BYTES:
                self._send(413, {"error": "te groot"})
                return
            message = json.loads(self.rfile.read(length).decode("utf-8"))
            # {"fields": {...}} for one text set; {"batch": [{...}, ...]} for many (bulk import)
            batch = message["batch"] if "batch" in message else [message["fields"]]
            if not isinstance(batch, list) or not all(_is_fields(fields) for fields in batch):
                raise ValueError("fields must map names to strings")
        except (ValueError, KeyError, TypeError) as exc:
            self._send(400, {"error": str(exc)})
            return
        with self.lock:
            results = self.detector.check_many(batch)
        answers = [{k: [f.to_dict() for f in v] for k, v in result.items()} for result in results]
        self._send(200, {"batch": answers} if "batch" in message else {"findings": answers[0]})

    def _send(self, status: int, payload: dict):
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # keep the checker's log free of request lines
        pass


def make_server(host: str = "127.0.0.1", port: int = 8765, detector=None) -> ThreadingHTTPServer:
    if detector is None:
        from .detector import get_detector

        detector = get_detector()
    handler = type("Handler", (_Handler,), {"detector": detector, "lock": threading.Lock()})
    return ThreadingHTTPServer((host, port), handler)


def serve(host: str = "127.0.0.1", port: int = 8765) -> None:
    """Load the detector once, then answer POST /check until interrupted."""
    server = make_server(host, port)
    print(f"anonimiteitscontrole luistert op http://{host}:{server.server_port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
