"""Building blocks the pattern rules share: number words, months, a capitalised word, tussenvoegsels, and
look-ups of a word in the lexicon."""

from __future__ import annotations

import regex as re

from .findings import Finding

NUMBER_WORDS = {
    "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
    "twintig": 20, "eenentwintig": 21, "tweeëntwintig": 22, "anderhalf": 1,
}
ORDINAL_WORDS = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7,
    "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12, "dertiende": 13,
    "veertiende": 14, "vijftiende": 15, "zestiende": 16, "zeventiende": 17, "achttiende": 18,
    "negentiende": 19, "twintigste": 20,
}
NUMW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# A parent's or grandparent's age in words ('opa is zeventig'): read only where a stated age is (grammar_cues), not
# as a start of every age pattern (each number word there costs a scan of every text)
TENS = {"dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90}
NUMW_TENS = "|".join(sorted({**NUMBER_WORDS, **TENS}, key=len, reverse=True))
ORDW = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
AGE_NUM = rf"(?:\d{{1,2}}|{NUMW})"
MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|febr|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
CAP = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:['’-][A-Za-zà-öø-ÿ]+)*"  # a capitalised word
TUSSEN = r"(?:van der|van den|van de|van 't|van het|in 't|in het|op de|uit de|van|de|der|den|ter|ten|te|'t|het|el|al|bin|ben|da|di|du|le|la)"
# Who an age is stated of ('de oudste is 14'), and the words that may stand between the verb and the age ('is nu 14',
# 'wordt volgende maand 16'): shared by the age rules (rules.py) and the context rules (context_rules.py)
SUBJECT_NOUNS = (r"jongere|jongen|meisje|zoon|dochter|broer|zus|broertje|zusje|kind|kindje|cliënte?|baby|"
                 r"oudste|jongste|middelste|pleegkind|pupil|leerling|tweeling")
AGE_ADVERBS = (r"nu|inmiddels|ondertussen|tegenwoordig|alweer|destijds|toentertijd|toen|net|bijna|pas|ruim|al|trouwens|straks|sinds kort|deze maand|volgend jaar|ook|zelf|"
               r"nog|nog maar|maar|slechts|amper|nauwelijks|intussen|eigenlijk|echt|pas net|net aan|"
               # 'wordt volgende maand 16', 'wordt zaterdag 12', 'wordt in maart 18': when the birthday is
               r"volgende (?:week|maand)|binnenkort|morgen|overmorgen|vandaag|(?:a\.s\. |aanstaande )?(?:maandag|"
               r"dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)|(?:in|eind|begin|half) (?:" + MONTHS + r")|"
               r"deze (?:week|zomer)|na de zomer")

I = re.IGNORECASE

_ENGLISH_MARKERS = (" the ", " and ", " with ", " has ", " have ", " is ")


def written_in_english(low: str) -> bool:
    """A (lower-cased) text written in English, as notes for an international family are: there 'has', 'will',
    'Born' are words, not names or places."""
    return low.count(" the ") >= 2 and sum(low.count(m) for m in _ENGLISH_MARKERS) >= 6


def finding_at(kind: str, text: str, m: re.Match, group: int | str = 0) -> Finding:
    start, end = m.span(group)
    return Finding(kind, start, end, text[start:end])


def is_area(word: str) -> bool:
    from . import lexicon

    return word in lexicon.places() or word in lexicon.deduce_list("locations/lst_placename/lst_region")


def is_first_name(word: str) -> bool:
    from . import lexicon

    return word in lexicon.first_names()


def ordinary_lower(word: str) -> bool:
    from . import lexicon

    return word.lower() in lexicon.ordinary_words()
