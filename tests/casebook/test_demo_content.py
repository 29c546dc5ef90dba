"""Checks the fictional demo content in casebook/data/demo against the interchange format.

Needs no Django: it only reads JSON files. Run with
    .venv/bin/python -m pytest tests/casebook/test_demo_content.py -p no:django -q
"""

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
DEMO_DIR = ROOT / "casebook" / "data" / "demo"
SHARED_FORMAT = Path("/work/shared/casebook-format")


def _format_file(name):
    local = ROOT / "casebook" / "data" / name
    return local if local.exists() else SHARED_FORMAT / name


SCHEMA = json.loads(_format_file("case.schema.json").read_text(encoding="utf-8"))
TAXONOMY = json.loads(_format_file("taxonomy.json").read_text(encoding="utf-8"))

# Record field -> taxonomy vocabulary.
CLASSIFICATION_FIELDS = {
    "problem_areas": "problem_areas",
    "age_band": "age_bands",
    "region": "regions",
    "settings": "settings",
    "framework": "frameworks",
    "laws": "laws",
    "life_domains": "life_domains",
    "stuck_reasons": "stuck_reasons",
    "interventions": "interventions",
    "outcome_status": "outcome_status",
}
PROFILE_FIELDS = {"expertise_areas": "problem_areas", "interventions": "interventions", "regions": "regions"}
PROFILE_KEYS = {
    "slug", "display_name", "role", "job_title", "organisation_type", "show_organisation", "expertise_areas",
    "interventions", "regions", "languages", "available_for_consultation", "availability_note", "bio", "cases",
}


def _load_cases():
    lines = (DEMO_DIR / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    return [(number, json.loads(line)) for number, line in enumerate(lines, start=1) if line.strip()]


CASES = _load_cases()
PROFILES = json.loads((DEMO_DIR / "profiles.json").read_text(encoding="utf-8"))


def _values(record, field):
    value = record.get(field)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _texts(record):
    for value in record.values():
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (item for item in value if isinstance(item, str))


@pytest.mark.parametrize("number,record", CASES, ids=[record.get("external_id", str(n)) for n, record in CASES])
def test_case_is_valid_against_schema(number, record):
    errors = sorted(Draft202012Validator(SCHEMA).iter_errors(record), key=lambda e: list(e.path))
    assert not errors, f"line {number}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors)


@pytest.mark.parametrize("number,record", CASES, ids=[record.get("external_id", str(n)) for n, record in CASES])
def test_case_uses_only_taxonomy_slugs(number, record):
    unknown = [
        (field, slug)
        for field, vocabulary in CLASSIFICATION_FIELDS.items()
        for slug in _values(record, field)
        if slug not in TAXONOMY[vocabulary]
    ]
    assert not unknown, f"line {number}: unknown slugs {unknown}"


def test_case_ids_are_unique_and_demo_prefixed():
    ids = [record["external_id"] for _, record in CASES]
    assert len(ids) == len(set(ids)), "duplicate external_id"
    assert all(re.fullmatch(r"demo-\d{3}", external_id) for external_id in ids)


def test_there_are_enough_cases():
    assert len(CASES) >= 40


def test_cases_are_fictional_and_dutch():
    for _, record in CASES:
        assert record.get("consent") == "fictief", record["external_id"]
        assert record.get("language") == "nl", record["external_id"]


@pytest.mark.parametrize("field,vocabulary", [
    ("problem_areas", "problem_areas"),
    ("region", "regions"),
    ("age_band", "age_bands"),
    ("stuck_reasons", "stuck_reasons"),
    ("interventions", "interventions"),
    ("settings", "settings"),
    ("laws", "laws"),
    ("outcome_status", "outcome_status"),
    ("framework", "frameworks"),
])
def test_every_term_is_covered(field, vocabulary):
    used = {slug for _, record in CASES for slug in _values(record, field)}
    missing = set(TAXONOMY[vocabulary]) - used
    assert not missing, f"{field}: no demo case uses {sorted(missing)}"


def test_every_region_has_at_least_two_cases():
    counts = {slug: 0 for slug in TAXONOMY["regions"]}
    for _, record in CASES:
        counts[record["region"]] += 1
    assert all(count >= 2 for count in counts.values()), counts


def test_case_text_has_no_exact_ages_or_dates():
    patterns = [
        r"\d+\s*-?\s*jarige?\b",
        r"\bjaar oud\b",
        r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b",
        r"\bsinds (zijn|haar|hun) \d",
        r"\b(zijn|haar|hun) \d{1,2}(e|ste|de)\b",
    ]
    hits = [
        (record["external_id"], match.group(0))
        for _, record in CASES
        for text in _texts(record)
        for pattern in patterns
        for match in re.finditer(pattern, text, flags=re.IGNORECASE)
    ]
    assert not hits, hits


def test_profiles_have_the_expected_shape():
    assert len(PROFILES) == 8
    slugs = [profile["slug"] for profile in PROFILES]
    assert len(slugs) == len(set(slugs)), "duplicate profile slug"
    for profile in PROFILES:
        assert set(profile) == PROFILE_KEYS, (profile["slug"], set(profile) ^ PROFILE_KEYS)
        assert profile["role"] in {"professional", "ervaringsdeskundige"}
        assert profile["show_organisation"] is False
        assert profile["languages"] and all(isinstance(code, str) for code in profile["languages"])
    ervaringsdeskundigen = sum(profile["role"] == "ervaringsdeskundige" for profile in PROFILES)
    assert 2 <= ervaringsdeskundigen <= 3


def test_profiles_use_valid_slugs():
    for profile in PROFILES:
        for field, vocabulary in PROFILE_FIELDS.items():
            unknown = [slug for slug in profile[field] if slug not in TAXONOMY[vocabulary]]
            assert not unknown, (profile["slug"], field, unknown)


def test_profiles_reference_existing_cases():
    ids = {record["external_id"] for _, record in CASES}
    for profile in PROFILES:
        assert profile["cases"], profile["slug"]
        missing = [case_id for case_id in profile["cases"] if case_id not in ids]
        assert not missing, (profile["slug"], missing)
