"""The interchange format: JSON Schema validation plus the taxonomy check the schema cannot express."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from ..classification import CLASSIFICATION_FIELDS

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "data" / "case.schema.json"
TEXT_FIELDS = ("summary", "situation", "stuck_points", "approach", "outcome", "needed", "created", "reflection")
OPTIONAL_SCALARS = ("professionals_involved", "one_plan", "consent")


@cache
def validator():
    return Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


@dataclass(frozen=True, order=True)
class Problem:
    line: int
    field: str
    message: str

    def __str__(self):
        return f"line {self.line}: {self.field}: {self.message}"


def _field_of(error):
    if error.validator == "required":
        return error.message.split("'")[1]
    if error.validator == "additionalProperties":
        return ",".join(sorted(set(error.instance) - set(error.schema.get("properties", {}))))
    path = [str(part) for part in error.absolute_path]
    return ".".join(path) if path else "(record)"


def check_record(record, line, known_slugs):
    """All problems of one parsed record: schema first, then slugs against the taxonomy in the database."""
    problems = [Problem(line, _field_of(error), error.message) for error in validator().iter_errors(record)]
    if not isinstance(record, dict):
        return problems
    for field in CLASSIFICATION_FIELDS:
        value = record.get(field.name)
        values = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        for slug in values:
            if isinstance(slug, str) and slug not in known_slugs.get(field.vocabulary, ()):
                problems.append(Problem(line, field.name, f"unknown {field.vocabulary} slug {slug!r}"))
    return problems


def parse_lines(lines, known_slugs):
    """Parse and check a JSON Lines file. Returns (records with their line numbers, problems)."""
    records, problems, seen = [], [], {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(Problem(number, "(json)", f"not valid JSON: {exc.msg} at column {exc.colno}"))
            continue
        found = check_record(record, number, known_slugs)
        problems.extend(found)
        if isinstance(record, dict) and isinstance(record.get("external_id"), str):
            first = seen.setdefault(record["external_id"], number)
            if first != number:
                problems.append(Problem(number, "external_id", f"duplicate of line {first}"))
        if not found:
            records.append((number, record))
    return records, sorted(problems)


def normalise(record):
    """The record as export writes it: defaults applied, empty optional values left out, lists sorted.

    Import compares normalised records to decide 'unchanged', so a file imported twice changes nothing.
    """
    out = {key: value for key, value in record.items() if value not in (None, "", [])}
    out.setdefault("language", "nl")
    for field in CLASSIFICATION_FIELDS:
        if field.many and field.name in out:
            out[field.name] = sorted(out[field.name])
    return out
