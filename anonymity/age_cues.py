"""Ages in grammars the other age rules do not read, each tried only where a cheap str.find cue stands.

- English notes (expat families, international schools): 'aged 13', 'at the age of seven', 'a 13-year-old boy',
  'since he turned twelve', 'Finn, who is 14 and …', 'when the eldest was ten' — the clause forms only in a text
  that reads as English (' the ' in it);
- short forms in reports: '14-jr', '(j. 16)', 'Meisje 16 jr', 'Zoon 9 jr';
- an age after a birth date: 'geboren 2-11-2008, nu zeventien.';
- an age after an apposition: 'een halfzusje, Kiki, van 2;';
- two ordinals after one possessive: 'tussen zijn 14e en 15e';
- a baby's age after 'bij'/'met' in a text about a baby: 'Gewicht bij 4 weken: 3,6 kilo';
- a family member's age with 'van': 'mn opa van 66 is …', 'een tante van 44 die …';
- an ellipsis after a found age: 'Vader is 53, moeder 46.', 'Moeder Esther Vos is 25, vader Tim de Graaf 27.'

Every pattern is anchored where its cue was found (match, or a search in a few dozen characters before it); no
pattern is run over the whole text.
"""

from __future__ import annotations

from typing import Iterator

import regex as re

from .findings import Finding
from .scanning import positions
from .words import NUMW, ORDW, is_first_name

_NUM = rf"(?:\d{{1,2}}|{NUMW})"
ENGLISH_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20,
}
_EN_NUM = r"(?:\d{1,2}|" + "|".join(sorted(ENGLISH_NUMBER_WORDS, key=len, reverse=True)) + r")"
# after an English age: the clause ends or goes on ('is 14 and', "He's 13 going on 30", 'was ten when')
_EN_TAIL = r"(?=\s*(?:[.,;:!?)\n\"']|$)| (?:and|but|going|when|now|in|at|so|by|this|next|last)\b)"
_EN_AGED = re.compile(rf"(?i)\b(?:aged|age of|age:)\s?(?P<age>{_EN_NUM})(?: (?:years?|months?|weeks?)(?: old)?)?\b"
                      rf"(?!\s?(?:-|to|and|or)\s?\d)")
# months and weeks only as an attribute ('a 6-week-old baby'): 'the plan was 3 months old' is no one's age
_EN_YEAR_OLD = re.compile(rf"(?i)(?<![\w-])(?P<age>{_EN_NUM}(?:[- ]years?[- ]old|-(?:month|week)-old))\b(?!s)")
_EN_STATED = re.compile(rf"(?i)\b(?:(?:he|she|who|i|(?-i:[A-Z][a-z]+))(?:'s| is| was| turned| turns| am)|i'm)"
                        rf"(?: (?:now|just|nearly|almost|only|already|still))? (?P<age>{_EN_NUM}(?: years? old)?){_EN_TAIL}")
_EN_PERSON = (r"(?:eldest|oldest|youngest|boy|girl|child|son|daughter|baby|brother|sister|twins|mother|father|"
              r"mum|mom|dad|grandmother|grandfather|friend)")
_EN_WHEN = re.compile(rf"(?i)\b(?:when|since|until|before|after) (?:he|she|i|they|(?:the|his|her|my|our|their) {_EN_PERSON}|(?-i:[A-Z][a-z]+)) (?:was|turned|were|is) (?:(?:only|just|about|nearly|almost) )?"
                      rf"(?P<age>{_EN_NUM}(?: years? old)?){_EN_TAIL}")
_EN_CUES = ("aged", "age of", "age:", "year-old", "year old", "years old", "month-old", "months old", "week-old",
            "weeks old")
_EN_VERBS = (" is ", " was ", "'s ", "'m ", " turned ", " turns ", " am ")

# '14-jr', 'Meisje 16 jr', '(j. 16)'
_PERSONS = (r"jongen|meisje|jongere|kind|zoon|dochter|broer|zus|broertje|zusje|neef|nicht|vriend|vriendin|vriendje|"
            r"cliënte?|pupil|leerling|baby|medeverdachte|verdachte|moeder|vader|oom|tante|opa|oma")
_HYPHEN_JR = re.compile(r"(?<![\w-])(?P<age>\d{1,2}-jr\b\.?)")
_PERSON_JR = re.compile(rf"(?i)\b(?:{_PERSONS}) (?P<age>\d{{1,2}} ?jr\b\.?)(?! (?:geleden|lang|in|bij|ervaring)\b)")
# 'Dochter 9 jaar, zoon 12 jaar.': a relative and an age as an item of a list or a form
_PERSON_JAAR = re.compile(rf"(?i)(?:^|\n|[,;:] )(?:{_PERSONS}),? (?P<age>\d{{1,2}} jaar)$")
# 'jongen, 15 j., LVB': 'j.' for jaar after the number
_NUM_J_DOT = re.compile(r"(?<![\w,.-])(?P<age>\d{1,2} j\.)(?=[\s,;)]|$)")
# 'Sara (15 jaar, 4 havo)', 'Sem (14, vmbo)': a first name or person, then a bracket opening with the age
_BRACKET_FIRST = re.compile(r"\((?P<age>\d{1,2}(?: jaar| jr\.?)?)(?=, )")
_BRACKET_PERSONS = frozenset(_PERSONS.split("|"))
# 'Milan van 16', 'Sem van 14 en Lotte van 12': a first name, 'van' and an age (not 'van 12 tot 16')
_NAME_VAN_AGE = re.compile(rf"(?i)(?P<age>{_NUM})(?: jaar(?: oud)?)?(?=\s*(?:[.,;:!?)\n]|$)| (?:en|is|was|die|heeft|"
                           rf"had|woont|woonde|zit|zat|gaat|ging|wil|uit|met|kwam|komt)\b)(?! en (?:\d+|{NUMW})\b)")
# 'Met 12 jaar is ze naar Nederland gekomen': 'met' and an age opening a clause, then its verb
_MET_AGE = re.compile(rf"(?:^|(?<=[.!?\n]\s?)|(?<=, ))(?i:met) (?P<age>(?i:{_NUM}) jaar)$")
_VERB_AFTER = re.compile(r" (?:oud )?(?:is|was|ging|kwam|werd|moest|had|kreeg|zat|begon|mocht|woonde|stond|liep|heeft|"
                         r"kon|wilde|verhuisde|vluchtte|ben|kwamen|gingen)\b")
_J_DOT = re.compile(r"(?<=(?:^|[(,:;]) ?)(?P<age>j\. ?\d{1,2})(?=\s*[),;\n]|$)")
# 'geboren 2-11-2008, nu zeventien.'
_BORN_NOW = re.compile(rf"(?i)(?:,| en) (?:nu|inmiddels|thans) (?P<age>{_NUM}(?: jaar(?: oud)?)?)(?=\s*(?:[.;)\n]|$))")
# 'een halfzusje, Kiki, van 2;'
_APPOSITION_VAN = re.compile(rf"(?:{_PERSONS}|[a-z]*(?:broer|zus|broertje|zusje|zoon|dochter)), [A-Z][\p{{L}}-]+$",
                             re.IGNORECASE)
_VAN_AGE = re.compile(rf"(?i)(?P<age>{_NUM})(?: jaar(?: oud)?)?(?=\s*(?:[.,;:!?)\n]|$))")
# 'tussen zijn 14e en 15e'
_ORD = rf"(?:\d{{1,2}}(?:e|de|ste)|{ORDW})"
_BETWEEN_ORDINALS = re.compile(rf"(?i)tussen (?:mijn|mn|m'n|zijn|zn|z'n|haar|d'r|je|jouw) (?P<a>{_ORD}) en (?P<b>{_ORD})\b")
# 'Gewicht bij 4 weken', 'met 6 weken kreeg hij …': in a text about a baby
_BABY_AT = re.compile(rf"(?i)\b(?:bij|met) (?P<age>{_NUM} (?:weken|maanden))(?= ?[:,.]| (?:woog|kreeg|was|werd|had|"
                      rf"begon|ging|dronk|sliep|is|wordt|zat)\b)")
# 'mn opa van 66 is …', 'een tante van 44 die …' (not 'moeder van 3': a count of children; rules.py reads those)
_FAMILY_VAN = frozenset("opa oma oom tante neef nicht opaatje omaatje grootvader grootmoeder overgrootmoeder "
                        "overgrootvader stiefvader stiefmoeder".split())
_FAMILY_AGE = re.compile(rf"(?i)(?P<age>{_NUM})(?: jaar(?: oud)?)?(?=\s*(?:[.,;:!?)\n]|$)| (?:is|was|en|die|uit|met|"
                         rf"woont|heeft|had|belt|komt)\b)")
# 'Vader is 53, moeder 46.': after an age a comma, another person and a number closing the clause
_ELLIPSIS = re.compile(r"(?i), (?:(?:de|en|haar|zijn|mn|mijn) )?(?:vader|moeder|opa|oma|oom|tante|partner|stiefvader|"
                       r"stiefmoeder|broer|zus|broertje|zusje|zoon|dochter|de oudste|de jongste|de middelste)"
                       r"(?: (?:(?-i:[A-Z][\p{L}'-]+)|van|de|der|den|el|al|ter))*"
                       r" (?P<age>\d{1,2})(?: jaar)?(?=\s*(?:[.;)\n]|$|, ))")


def _find(m, group="age") -> Finding:
    return Finding("age", m.start(group), m.end(group), m.group(group))


def ages(text: str) -> list[Finding]:
    found = {}
    for f in _ages(text):
        found.setdefault((f.start, f.end), f)
    return list(found.values())


# each cue found with one str.find (no lower-casing: these cues are written in lower case); the rarer cues first gate
_BABY_CUES = ("baby",)


def _ages(text: str) -> Iterator[Finding]:
    if " the " in text or "The " in text:
        yield from _english(text, text.lower())
    for p in positions(text, ("jr",)):
        if text[p - 1: p] == "-":  # 'een 14-jr jongen'
            m = _HYPHEN_JR.search(text, max(0, p - 4), p + 4)
        else:  # 'Meisje 16 jr', 'jongen 15jr'
            m = _PERSON_JR.search(text, max(0, p - 30), p + 3)
            m = m if m and m.end("age") >= p + 2 else None
        if m:
            yield _find(m)
    if "j." in text:
        for p in positions(text, ("j. ", "j.1", "j.2", "j.,", "j.)")):
            if text[p - 2: p - 1].isdigit() and text[p - 1] == " ":
                m = _NUM_J_DOT.search(text, max(0, p - 4), p + 2)  # 'jongen, 15 j., LVB'
            elif p == 0 or not text[p - 1].isalnum():
                m = _J_DOT.match(text, p)  # '(j. 16)'
            else:
                m = None
            if m:
                yield _find(m)
    if "ussen " in text:
        for p in positions(text, ("tussen ", "Tussen ")):  # 'tussen zijn 14e en 15e'
            m = _BETWEEN_ORDINALS.match(text, p)
            if m and not (m.group("a").startswith(("18", "achttien")) or m.group("b").startswith(("18", "achttien"))):
                yield _find(m, "a")
                yield _find(m, "b")
    for p in positions(text, (" jaar",)):
        if text[p + 5: p + 6] in (",", ".", "\n", ";") and text[p - 1: p].isdigit():
            m = _PERSON_JAAR.search(text, max(0, p - 22), p + 5)  # 'Dochter 9 jaar, zoon 12 jaar.'
            if m:
                yield _find(m)
        elif text[p + 5: p + 6] == " " and _VERB_AFTER.match(text, p + 5):
            m = _MET_AGE.search(text, max(0, p - 20), p + 5)  # 'Met 12 jaar is ze naar Nederland gekomen'
            if m:
                yield _find(m)
    if "geboren" in text:
        # 'geboren 2-11-2008, nu zeventien.', 'eind 2009 geboren en nu 15.'
        for p in positions(text, (", nu ", ", inmiddels ", ", thans ", " en nu ", " en inmiddels ")):
            if text.rfind("geboren", max(0, p - 40), p) >= 0:
                m = _BORN_NOW.match(text, p)
                if m:
                    yield _find(m)
    if any(c in text for c in _BABY_CUES):
        for p in positions(text, ("bij ", "met ", "Bij ", "Met ")):  # 'Gewicht bij 4 weken: 3,6 kilo'
            if p == 0 or not text[p - 1].isalnum():
                m = _BABY_AT.match(text, p)
                if m:
                    yield _find(m)


# Called from context_rules.ages at each ' van ' and ' (' it finds anyway (one scan of the text fewer each)

def at_van(text: str, p: int) -> Iterator[Finding]:
    if text[p - 1: p] == ",":  # 'een halfzusje, Kiki, van 2;'
        if _APPOSITION_VAN.search(text, max(0, p - 41), p - 1):
            m = _VAN_AGE.match(text, p + 5)
            if m:
                yield _find(m)
        return
    word = text[text.rfind(" ", 0, p) + 1: p]
    if word.lower() in _FAMILY_VAN:  # 'mn opa van 66 is'
        m = _FAMILY_AGE.match(text, p + 5)
        if m:
            yield _find(m)
    elif word[:1].isupper() and word.isalpha() and text[p + 5: p + 6].isdigit() and is_first_name(word):
        m = _NAME_VAN_AGE.match(text, p + 5)  # 'Milan van 16'
        if m:
            yield _find(m)


def at_bracket(text: str, p: int) -> Iterator[Finding]:
    if text[p + 2: p + 3].isdigit():  # 'Sara (15 jaar, 4 havo)'
        word = text[text.rfind(" ", 0, p) + 1: p]
        if word.isalpha() and (word.lower() in _BRACKET_PERSONS or word[:1].isupper() and is_first_name(word)):
            m = _BRACKET_FIRST.match(text, p + 1)
            if m:
                yield _find(m)


def _english(text: str, low: str) -> Iterator[Finding]:
    for p in positions(low, _EN_CUES):
        m = _EN_AGED.search(text, max(0, p - 1), p + 20)
        if m:
            yield _find(m)
        m = _EN_YEAR_OLD.search(text, max(0, p - 12), p + 12)
        if m:
            yield _find(m)
    for p in positions(low, _EN_VERBS):
        m = _EN_STATED.search(text, max(0, p - 20), p + 30)
        if m and m.start() <= p + 1:
            yield _find(m)
        m = _EN_WHEN.search(text, max(0, p - 30), p + 40)
        if m and m.start("age") > p:
            yield _find(m)


def continued(text: str, found: list[Finding]) -> list[Finding]:
    """'Vader is 53, moeder 46.': a number after a comma and another person, once an age stands right before."""
    more = []
    for f in found:
        if f.kind == "age" and text.startswith(", ", f.end):
            m = _ELLIPSIS.match(text, f.end)
            if m:
                more.append(_find(m))
    return more
