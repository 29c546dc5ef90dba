"""The interchange format: JSON Schema validation plus the taxonomy check the schema cannot express."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from ..classification import CLASSIFICATION_FIELDS
from ..text_limits import first_control_character

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "data" / "case.schema.json"
TEXT_FIELDS = ("summary", "situation", "stuck_points", "approach", "outcome", "needed", "created", "reflection")
OPTIONAL_SCALARS = ("professionals_involved", "one_plan", "consent")
MAX_DEPTH = 3  # record → list → text
# Every text at its maximum (case.schema.json) fits with room to spare; anything longer is not a case.
MAX_LINE = 400_000


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


def _message(error):
    # jsonschema quotes the offending value: a 12 MB text would be printed whole. Say what is wrong instead.
    if error.validator == "maxLength":
        return f"too long: {len(error.instance)} characters, at most {error.validator_value}"
    if error.validator == "maxItems":
        return f"too many items: {len(error.instance)}, at most {error.validator_value}"
    return error.message if len(error.message) <= 300 else error.message[:300] + "…"


def _control_characters(record, line):
    """Control characters anywhere in a record's texts (issue 9, finding 8): named by field and position."""
    problems = []
    for name, value in record.items():
        values = value if isinstance(value, list) else [value]
        for i, text in enumerate(values):
            found = first_control_character(text) if isinstance(text, str) else None
            if found:
                where = f"{name}[{i}]" if isinstance(value, list) else name
                position, character = found
                problems.append(Problem(line, where, f"contains control character U+{ord(character):04X} at "
                                                     f"position {position + 1}; remove it"))
    return problems


def _depth(value):
    """How deeply `value` nests (a string is 0, a flat object 1), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(current, dict):
            stack.extend((v, depth + 1) for v in current.values())
        elif isinstance(current, list):
            stack.extend((v, depth + 1) for v in current)
    return deepest


def check_record(record, line, known_slugs):
    """All problems of one parsed record: schema first, then slugs against the taxonomy in the database."""
    if _depth(record) > MAX_DEPTH:
        return [Problem(line, "(record)", f"nested too deeply: a record is an object of texts, numbers and lists "
                                          f"(at most {MAX_DEPTH} levels)")]
    problems = [Problem(line, _field_of(error), _message(error)) for error in validator().iter_errors(record)]
    if not isinstance(record, dict):
        return problems
    problems += _control_characters(record, line)
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
        if len(raw) > MAX_LINE:
            problems.append(Problem(number, "(json)", f"line too long: {len(raw)} characters, at most {MAX_LINE}"))
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(Problem(number, "(json)", f"not valid JSON: {exc.msg} at column {exc.colno}"))
            continue
        except RecursionError:
            problems.append(Problem(number, "(json)", f"nested too deeply (at most {MAX_DEPTH} levels)"))
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
