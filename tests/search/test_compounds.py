"""Compound splitting: professionals' compounds split into their parts, ordinary words stay whole — in Python
(database search, concepts) and in Elasticsearch's analyzer alike."""

from pathlib import Path

import pytest

from search import compounds
from tests.conftest import need_service

SPLITS = {
    "jeugdhulpaanbieder": ["jeugd", "hulp", "aanbieder"],
    "woonbegeleider": ["woon", "begeleider"],
    "pleegzorgplaatsing": ["pleeg", "zorg", "plaatsing"],
    "gezinshuis": ["gezin", "huis"],  # linking -s-
    "hulpverlener": ["hulp", "verlener"],
    "schoolverzuim": ["school", "verzuim"],
    "crisisplaatsing": ["crisis", "plaatsing"],
    "respijtzorg": ["respijt", "zorg"],
    "gameverslaving": ["game", "verslaving"],
    "huurachterstand": ["huur", "achterstand"],
    "logeeropvang": ["logeer", "opvang"],
    "behandelplek": ["behandel", "plek"],
    "woonplaatsbeginsel": ["woonplaats", "beginsel"],
}

# Ordinary words of case files that contain shorter words but are no compounds (or must not be split).
WHOLE = """
verslaving kinderen beperking ondersteuning verstandelijk verstandelijke begeleiding agressief psychiatrie gesloten
moeder vader afgewezen verwijzing indicatie gemeente perspectief volwassenen aanmelding telefoon vervolgens
uiteindelijk tegelijkertijd voortijdig belangrijk ambulant residentieel problematiek afspraken vertrouwen verblijf
beschermd meerderjarigheid instelling uitbuiting handelingsverlegen overgang voortgezet
veertien vijftien zeventien achttien negentien veertienjarige achttienjarige negentienjarige
""".split()


@pytest.mark.parametrize("word, parts", SPLITS.items())
def test_compounds_split_into_their_parts(word, parts):
    assert compounds.split(word) == parts


@pytest.mark.parametrize("word", WHOLE)
def test_ordinary_words_are_not_split(word):
    assert compounds.split(word) == []


def test_parts_come_from_the_wdutch_lexicon():
    wordlist = compounds.WORDLIST
    need_service("wdutch (apt-get install wdutch)", wordlist.exists())  # under CI=true: a failure, never a skip
    parts = compounds.parts()
    assert len(parts) > 5000  # a lexicon, not a hand list
    words = Path(wordlist).read_text(encoding="utf-8", errors="ignore").splitlines()
    extra = compounds._read_list(compounds.EXTRA_FILE)
    assert sorted(parts) == compounds.derive(words, extra)  # the committed file is what the command derives


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_elasticsearch_splits_the_same_way(search_index):
    from search import client

    es = client.get_client()
    for word, parts in list(SPLITS.items()) + [(w, []) for w in WHOLE]:
        tokens = es.indices.analyze(index=search_index, body={"tokenizer": "standard",
                                                              "filter": ["lowercase", "nl_decompound"], "text": word})
        assert [t["token"] for t in tokens["tokens"]] == [word, *parts], word
