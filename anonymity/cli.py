"""The logic of `manage.py anonymity_check`, usable without Django settings."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .findings import Finding

EXIT_CLEAN, EXIT_FOUND, EXIT_UNREADABLE = 0, 1, 2


class UnreadableInput(Exception):
    pass


def read_documents(path: str, stdin=None) -> list[tuple[str, str]]:
    """(id, text) pairs: JSON Lines when every non-empty line is a JSON object, else one document.

    In JSON Lines every object needs a string "text"; a line without one makes the input unreadable.
    """
    try:
        if path == "-":
            stream = stdin or sys.stdin
            raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
        else:
            raw = Path(path).read_bytes()
        content = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise UnreadableInput(f"{path}: bestand niet gevonden")
    except OSError as exc:
        raise UnreadableInput(f"{path}: niet te lezen ({exc.strerror or exc})")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"{path}: geen UTF-8-tekst (byte {exc.start})")

    lines = [(number, line) for number, line in enumerate(content.splitlines(), 1) if line.strip()]
    parsed = []
    for number, line in lines:
        try:
            value = json.loads(line)
        except ValueError:
            return [(path, content)]  # not JSON Lines: the whole file is one document
        if not isinstance(value, dict):
            return [(path, content)]
        parsed.append((number, value))
    if not parsed:
        return [(path, content)]
    documents = []
    for number, value in parsed:
        text = value.get("text")
        if not isinstance(text, str):
            raise UnreadableInput(f"{path}: regel {number} heeft geen tekstveld \"text\"")
        documents.append((value.get("id", number), text))  # no id: the line number
    return documents


def format_text(doc_id, text: str, findings: list[Finding]) -> str:
    if not findings:
        return f"{doc_id}: niets gevonden"
    lines = [f"{doc_id}: {len(findings)} gevonden"]
    for f in findings:
        lines.append(f"  {f.start}-{f.end}\t{f.kind}\t{f.text!r}")
    return "\n".join(lines)


def run(paths: list[str], as_json: bool, stdin=None, check_fields=None) -> tuple[str, int]:
    """Check every document in `paths`; returns (output, exit status)."""
    if check_fields is None:
        from .service import check_fields
    documents = []
    try:
        for path in paths:
            documents.extend(read_documents(path, stdin=stdin))
    except UnreadableInput as exc:
        return str(exc), EXIT_UNREADABLE

    results = check_fields({str(i): text for i, (_, text) in enumerate(documents)})
    out, found_any = [], False
    for i, (doc_id, text) in enumerate(documents):
        findings = results[str(i)]
        found_any = found_any or bool(findings)
        if as_json:
            out.append(json.dumps({"id": doc_id, "findings": [_as_json(f) for f in findings]}, ensure_ascii=False))
        else:
            out.append(format_text(doc_id, text, findings))
    return "\n".join(out), EXIT_FOUND if found_any else EXIT_CLEAN


def _as_json(f: Finding) -> dict:
    return {"start": f.start, "end": f.end, "kind": f.kind, "text": f.text}
