"""Fixtures for the anonymity tests. deduce loads once per session (seconds, ~1 GB)."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def detector():
    """The process-wide detector, so in-process checks in other tests reuse it."""
    from anonymity.detector import get_detector

    return get_detector()


class NoDeduce:
    """Stands in for deduce: no annotations, so only our rules run. Loads in milliseconds."""

    def deidentify(self, text, disabled=None):
        return SimpleNamespace(annotations=[])


@pytest.fixture(scope="session")
def rules_detector():
    from anonymity.detector import Detector

    return Detector(deduce_model=NoDeduce())


@pytest.fixture(scope="session")
def planted():
    with (DATA / "planted.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def clean_texts():
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((DATA / "clean").glob("*.txt"))}
