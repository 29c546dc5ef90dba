"""The detector's fast paths find exactly what the patterns they stand for find.

Speed work replaced some regular-expression scans by str.find (keyword-led patterns, the street hint, the provider
gazetteer's first words). A keyword added to a pattern but missed by its fast path would silently stop finding
identifiers, so each fast path is compared with its pattern on every planted and clean text, on those texts mixed
and lower-cased, and on random strings built from the characters the patterns care about.
"""

import random
import re
from pathlib import Path

import pytest

from anonymity import formats, providers, rules
from anonymity.scanning import KeywordScan, keyword_prefixes

DATA = Path(__file__).parent / "data"
_MARK = re.compile(r"\[\[\w+:(.*?)\]\]")


@pytest.fixture(scope="module")
def texts():
    plain = [_MARK.sub(r"\1", p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("**/*.txt"))]
    sentences = [s for t in plain for s in re.split(r"(?<=[.!?\n])\s+", t) if s.strip()]
    rng = random.Random(20261129)
    mixed = [" ".join(rng.sample(sentences, rng.randint(2, 10))) for _ in range(400)]
    noise = "".join(sorted(set("abdeiklmnoprstuvwz '’&+.-_,;:()\"/\n\t²éİ1234567890STRAATKenmerk")))
    random_strings = ["".join(rng.choice(noise) for _ in range(rng.randint(1, 40))) for _ in range(4000)]
    return plain + mixed + [t.lower() for t in mixed] + random_strings


KEYWORD_PATTERNS = {
    "case numbers after a keyword": formats._CASE_KEYWORD,
    "nicknames": rules._NICKNAME,
    "quoted nicknames": rules._NICKNAME_QUOTED,
    "care before a provider": providers._CARE_BEFORE,
    "a role of a provider": providers._ROLE_OF,
}


@pytest.mark.parametrize("name", KEYWORD_PATTERNS)
def test_keyword_scan_finds_what_the_pattern_finds(name, texts):
    pattern = KEYWORD_PATTERNS[name]
    scan = KeywordScan(pattern)
    for text in texts:
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in pattern.finditer(text)], text


def test_keyword_prefixes_read_optional_letters_and_inner_groups():
    pattern = re.compile(r"\b(?:dossier|beschikkings?|(?:parket|gezins)(?=nummer)|nr\.?(?=\s*\d))\s*(?P<id>\d+)", re.I)
    assert keyword_prefixes(pattern) == (("beschikking", "dossier", "gezins", "nr", "parket"), True)


def test_street_hint_answers_as_its_pattern(texts):
    for text in texts:
        low = text.lower()
        assert formats._street_hint(low) == bool(formats._STREET_HINT.search(low)), text


def _some_words(rng, scanned):
    words = sorted({w for _, w in scanned})
    return set(rng.sample(words, min(len(words), 6)))


def test_provider_first_words_are_found_where_the_word_scan_finds_them(texts):
    rng = random.Random(7)
    for text in texts:
        scanned = [(m.start(), m.group()) for m in providers._CANDIDATE.finditer(text)]
        wanted = _some_words(rng, scanned)
        assert providers._occurrences(text, wanted) == [(s, w) for s, w in scanned if w in wanted], text


def test_lower_case_first_names_are_found_where_the_token_scan_finds_them(texts):
    from anonymity import name_cues

    rng = random.Random(11)
    for text in texts:
        scanned = [(m.start(), m.group()) for m in name_cues._LOWER_TOKEN.finditer(text)]
        wanted = _some_words(rng, scanned)
        assert name_cues.lower_tokens(text, wanted) == [(s, w) for s, w in scanned if w in wanted], text


def test_age_candidates_are_where_the_number_pattern_starts(texts):
    for text in texts + ["zeventien", "3twee", "x_vier", "²vijf", "tweeëntwintig", "Vijftiende"]:
        low = text.lower()
        if len(low) == len(text):
            assert rules._age_candidates(low) == [m.start() for m in rules._AGE_CANDIDATE_LOWER.finditer(low)], text


def test_institution_gates_pass_every_text_their_pattern_finds_in(texts):
    for text in texts + ["de school De Regenboog, stichting Het Anker", "het Da Vinci College", "Huis"]:
        for index, pattern in enumerate(rules._INSTITUTIONS):
            assert rules._GATES[index](text) or not pattern.search(text), (index, text)


def test_allow_list_grouped_by_first_letter_finds_what_the_plain_alternation_finds(texts):
    from anonymity.allowlist import ALLOWLIST_PATH, parse

    lines = ALLOWLIST_PATH.read_text(encoding="utf-8").splitlines() + ["re:\\bSo(?:ep|cial)\\b", "Soep", "S.O.S."]
    grouped, plain = parse(lines), parse(lines, grouped=False)
    assert grouped.pattern != plain.pattern
    for text in texts + ["Soep en Social, S.O.S.-lijn"]:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def _find_all(haystack, needles):
    return sorted((at, n) for n in set(needles) for at in (m.start() for m in re.finditer(f"(?={re.escape(n)})", haystack)))


@pytest.mark.parametrize("needles", [
    rules._NUMBER_WORD_STARTS, providers._CARE_BEFORE_GATE, providers._CARE_AFTER_GATE, formats._ENGLISH_HINTS,
    formats._ANY_SUFFIX, frozenset(formats._ANY_SUFFIX), ("ab", "abc", "bc", "c", "abcabc", "a"), ("de ", "e"),
], ids=lambda needles: f"{len(needles)} needles")
def test_one_pass_scans_find_every_needle_where_str_find_does(needles, texts):
    """positions/occurrences/contains_any read a long needle list in one Aho-Corasick pass: overlapping needles,
    needles inside others and repeated matches are all found, as one str.find per needle finds them."""
    from anonymity.scanning import contains_any, occurrences, positions

    for text in texts + ["abcabcabc", "", "ééabc"]:
        expected = _find_all(text, needles)
        assert occurrences(text, needles) == expected, text
        assert positions(text, needles) == sorted({at for at, _ in expected}), text
        assert contains_any(text, needles) == bool(expected), text
