"""Ages and institutions in grammars the older rules do not read, found from one str.find scan of 10 cue words.

Ages: a subject the older patterns do not accept ('nova is negen', 'vader is 44', ', is 34 en', 'jordy ben 16'),
more words between the subject and the number ('werd in de zomer zes', 'toen ze net 13 was'), a twin's, pupil's or
adult's age ('een tweeling van 7', 'een man van 47 met …'), a labelled age ('Leeftijd bij evaluatie: 11 jaar en 4
maanden'), a rank with words between ('de jongste in die groep is 13'), a baby's age in weeks or months ('woog op 4
maanden') and an age in a bracket about a relative ('(oma van de jongens, 63)').

Institutions: a kind of place in lower case, then its name ('kinderopvang Hummeltjeshonk', 'kinderopvang de
kikkerpoel', 'dansschool Step Up', 'kickboksclub De Tijgers'); a name before 'Club' ('Fight Club Rhino's'); an
organisation someone comes from ('iemand van intermetzo', 'maatschappelijk werker van Stimenz'); and the last word
of a found name used alone later ('Gitano' after 'Boxing Club Gitano').

Speed: every rule starts from a cue found with str.find in one pass (scanning.occurrences), then looks only there;
the detector keeps only what the older rules did not already find.
"""

from __future__ import annotations

import re as plain_re
from functools import lru_cache
from typing import Iterator

import regex as re

from . import lexicon
from .findings import Finding
from .rules import NUMBER_WORDS
from .scanning import occurrences, standalone
from .words import TENS, NUMW_TENS

_NUM = rf"(?:\d{{1,2}}|{NUMW_TENS})"
_ALL_NUMBER_WORDS = {**NUMBER_WORDS, **TENS}
_ADVERBS = (r"nu|inmiddels|intussen|toen|net|bijna|pas|ruim|al|ook|zelf|nog|nog maar|maar|slechts|amper|ongeveer|"
            r"rond|sinds kort|trouwens|eigenlijk|straks|vandaag|gisteren|morgen|binnenkort|onlangs|laatst|"
            r"in de (?:zomer|winter|herfst|lente|vakantie|zomervakantie|kerstvakantie|meivakantie)|"
            r"(?:in|eind|begin|half) (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
            r"november|december)|(?:vorige|volgende|deze|afgelopen) (?:week|maand|zomer|winter)|vorig jaar|"
            r"dit jaar|volgend jaar|op (?:zijn|haar) verjaardag")
# What may follow a stated age: the clause ends, or a conjunction or adverb goes on ('is 16 maar', 'wordt 12 in mei')
_AGE_TAIL = (r"(?: jaar(?: oud)?)?(?=\s*(?:[.,;:!?)\n]|$)| (?:en|maar|die|dus|want|of|toen|lol|haha|hoor|nu|al|"
             r"geworden|in|op|over|deze|volgende|vorige|sinds|en een half)\b)")
# 'wordt over twee maanden 16', 'is over 3 weken 18': when the birthday comes
_AHEAD = r"over (?:een|twee|drie|vier|vijf|zes|\d{1,2}) (?:dagen|weken|maanden)|over een (?:week|maand)"
_STATED = re.compile(rf"(?:(?:{_ADVERBS}|{_AHEAD}) ){{0,3}}(?P<age>{_NUM}){_AGE_TAIL}", re.IGNORECASE)
_PEEK = tuple(sorted(set(_ALL_NUMBER_WORDS) | {"over"} | {a.split()[0] for a in _ADVERBS.replace("(?:", "").split("|")
                                                     if a and a[0].isalpha()}))
_PEEK_FIRST = frozenset(w[0] for w in _PEEK)
_PRONOUNS = frozenset("ik je jij u hij zij ze die".split())
_RELATIVES = frozenset("""vader moeder opa oma oom tante partner stiefvader stiefmoeder pleegvader pleegmoeder
pleegouder vriend vriendin broer zus broertje zusje zoon dochter neef nicht jongen meisje jongere baby kind""".split())
_PARENTS = frozenset("vader moeder opa oma stiefvader stiefmoeder pleegvader pleegmoeder partner".split())
_NOT_SUBJECT_BEFORE = frozenset("de het een deze dit die dat geen elke ieder".split())
# 'toen ze net 13 was': a clause, a subject, adverbs and the number before its verb
_CLAUSE_AGE = re.compile(rf"(?i)\b(?:toen|sinds|nu|als|dat|omdat|tot|totdat|voordat|zodra|terwijl) "
                         rf"(?:ik|je|jij|hij|zij|ze|[\p{{L}}]{{2,}}) (?:(?:{_ADVERBS}) )+(?P<age>{_NUM})(?: jaar(?: oud)?)?$")
# 'tot je kind 15 is', 'toen mijn halfbroer net 12 was': a possessive and a relative as the subject;
# 'die pas 13 is': a relative pronoun, an adverb, then the number
_POSSESSIVES = ("mijn ", "mn ", "m'n ", "zijn ", "zn ", "z'n ", "haar ", "d'r ", "dr ", "hun ", "je ", "jouw ", "onze ",
                "ons ")
_CLAUSE_POSS_AGE = re.compile(
    rf"(?i)\b(?:(?:toen|sinds|nu|als|dat|omdat|tot|totdat|voordat|zodra|terwijl|wanneer) "
    rf"(?:{'|'.join(p.strip() for p in _POSSESSIVES)}) [\p{{L}}]*(?:kind|zoon|dochter|broer|broertje|zus|zusje|jongen|"
    rf"meisje|baby|vader|moeder|opa|oma|vriend|vriendin|vriendje) (?:(?:{_ADVERBS}) )*"
    rf"|\bdie (?:(?:{_ADVERBS}) )+)(?P<age>{_NUM})(?: jaar(?: oud)?)?$")
# 'Haar vriendje is 17!', 'mn man is 51,': after a possessive, a partner or any relative compound is a subject
_PARTNERS = frozenset("man vrouw ex vriendje vriendinnetje echtgenoot echtgenote partner".split())
_RELATIVE_ENDINGS = ("broer", "broertje", "zus", "zusje", "zoon", "dochter", "vader", "moeder", "neef", "nicht")
_INITIALS = plain_re.compile(r"(?:[A-Z]\.){2,3}")
_RANK_BEFORE = re.compile(r"(?i)\b(?:jongste|oudste|middelste)(?: [\p{L}]+){1,4}$")
_BABY_WORDS = ("baby",)
_BABY_ON = re.compile(rf"(?i)\bop (?:de leeftijd van )?(?P<age>{_NUM} (?:weken|maanden))$")
_ADULTS = frozenset("tweeling drieling leerling leerlinge man jongeman vrouw".split())
_ADULT_AGE = re.compile(rf"(?i)(?P<age>{_NUM})(?: jaar(?: oud)?)?(?=\s*(?:[.,;:!?)\n]|$)| (?:en|die|uit|met|als|in|op)\b)")
_LABEL = re.compile(r"(?i)leeftijd\b(?!en)[^:\n]{0,30}:[ \t]*(?P<age>\d{1,2}(?: jaar| jr\.?)?(?: en \d{1,2} maanden)?)"
                    r"(?![\d-]| ?(?:tot|-|à) ?\d)")
_BRACKET_TAIL = plain_re.compile(r", (\d{1,2})(?: jaar| jr\.?)?$")
_PERSON_IN_BRACKET = plain_re.compile(r"\b(?:vader|moeder|opa|oma|oom|tante|broer|zus|zoon|dochter|neef|nicht|"
                                      r"partner|vriend|vriendin|stief\w+|pleeg\w+|jongere|cliënte?|kind)\b")

_AGE_NEEDLES = (" is", " was", " wordt", " werd", " ben", " van ", "leeftijd")


def _f(kind: str, m, group: int | str = 0) -> Finding:
    return Finding(kind, m.start(group), m.end(group), m.group(group))


def _word_before(low: str, i: int) -> tuple[int, str]:
    """The word ending at i (i at a space after it)."""
    start = low.rfind(" ", 0, i) + 1
    word = low[start:i]
    if "\n" in word or "(" in word:
        cut = max(word.rfind("\n"), word.rfind("(")) + 1
        start, word = start + cut, word[cut:]
    return start, word


def _is_number_at(low: str, i: int) -> bool:
    return i < len(low) and (low[i].isdigit() or low[i] in _PEEK_FIRST and low.startswith(_PEEK, i))


def ages(text: str, low: str, hits) -> Iterator[Finding]:
    for p, needle in hits:
        if needle == " van ":
            # 'een tweeling van 7', 'een leerling van 12', 'een man van 47 met een verleden'
            m = _ADULT_AGE.match(text, p + 5)
            if m and _word_before(low, p)[1] in _ADULTS:
                yield _f("age", m, "age")
        elif needle in (" is", " was", " wordt", " werd", " ben"):
            yield from _stated(text, low, p, needle)
        elif needle == "leeftijd":
            m = _LABEL.match(text, p)
            if m:
                yield _f("age", m, "age")
    # '(oma van de jongens, 63)': an age closing a bracket that speaks of a relative
    at = text.find(")")
    while at >= 0:
        if at >= 4 and text[at - 1].isdigit() or text[at - 4: at] in ("jaar", " jr.") or text[at - 3: at] == " jr":
            m = _BRACKET_TAIL.search(text, max(0, at - 14), at)
            if m:
                opening = text.rfind("(", max(0, at - 70), m.start())
                if opening >= 0 and _PERSON_IN_BRACKET.search(low, opening, m.start()):
                    yield Finding("age", m.start(1), m.end(), text[m.start(1): m.end()])
        at = text.find(")", at + 1)
    if any(w in low for w in _BABY_WORDS):
        for p, _needle in occurrences(low, (" weken", " maanden")):
            m = _BABY_ON.search(text, max(0, p - 30), p + len(_needle))
            if m and not low.startswith((" na", " later", " geleden", " lang"), m.end()):
                yield _f("age", m, "age")


def _stated(text: str, low: str, p: int, needle: str) -> Iterator[Finding]:
    verb = needle.strip()
    after = p + len(needle) + 1
    if after < len(low) and low[after - 1] != " " and low[after - 1].isalnum():
        return  # 'wasmachine', 'benen'
    if low[after - 1: after] == " " and _is_number_at(low, after):
        start, word = _word_before(low, p)
        before = low[max(0, start - 8): start]
        subject = False
        if text[p - 1: p] == "," and verb in ("is", "was"):
            subject = True  # 'Vader van de twee oudsten, Marco, is 34 en zit vast'
        elif verb == "ben":
            subject = bool(word) and word not in ("of", "en")  # 'ok dus ik ben jordy ben 16 maar'
        elif word in _PARENTS or word.endswith(("vader", "moeder")) or word in _PRONOUNS and verb in ("wordt", "werd"):
            # 'vader is 44', 'De grootmoeder is 81 jaar.'
            subject = not before.endswith(("de ", "een ")) or word in _PARENTS or word.endswith(("vader", "moeder"))
        elif word in _RELATIVES and verb in ("wordt", "werd"):
            subject = True
        elif len(word) >= 3 and word in lexicon.first_names_lower() and not before.endswith(
                tuple(w + " " for w in _NOT_SUBJECT_BEFORE)):
            subject = True  # 'nova is negen', 'shiva wordt in maart tien', 'Fenna werd in de zomer zes'
        elif verb in ("is", "was") and (word in _RELATIVES or word in _PARTNERS or word.endswith(_RELATIVE_ENDINGS)) \
                and before.endswith(_POSSESSIVES):
            subject = True  # 'Haar vriendje is 17!', 'mn man is 51, veel ouder'
        elif verb in ("is", "was") and _INITIALS.fullmatch(text, start, p):
            subject = True  # 'R.D. is 14 en is leerplichtig'
        elif verb in ("is", "was") and _RANK_BEFORE.search(low, max(0, p - 40), p):
            subject = True  # 'de jongste in die groep is 13'
        if subject:
            m = _STATED.match(text, after)
            if m:
                yield _f("age", m, "age")
    # 'toen ze net 13 was': the number stands before the verb
    if verb in ("was", "werd", "is", "wordt", "ben") and p and (low[p - 1].isdigit() or _word_before(low, p)[1] in _ALL_NUMBER_WORDS):
        m = _CLAUSE_AGE.search(text, max(0, p - 50), p) or _CLAUSE_POSS_AGE.search(text, max(0, p - 60), p)
        if m:
            yield _f("age", m, "age")


# --- Institutions -------------------------------------------------------------------------------------------

_CAPW = r"[A-ZÀ-ÖØ-Þ][\p{L}'’-]*[\p{L}\d]"
_NAME_AFTER_KIND = re.compile(rf"(?:(?:De|Het|'t|The) )?{_CAPW}(?: {_CAPW}){{0,2}}")
_LOWER_AFTER_KIND = re.compile(r"(?:(?P<article>de|het|'t) )?(?P<word>[a-zà-ÿ][a-zà-ÿ'’-]{2,}[a-zà-ÿ])"
                               r"(?P<tail>(?= *(?:[.,;:!?)\n]|$)| (?:en|in|op|bij|van|is|was|maar|want|dus|omdat|"
                               r"heeft|had|zei|zegt|vond|aan|met|voor|waar|die|dat)\b))")
# kinds of place in lower case that a name follows; the needle is the word's end, the word is read back from it
_KIND_ENDINGS = ("opvang ", "school ", "club ")
_KIND_WORDS = frozenset("""kinderopvang gastouderopvang peuteropvang dagopvang peuterspeelzaal speelzaal
evangeliegemeente pinkstergemeente baptistengemeente geloofsgemeente voetbalclub sportclub zwemclub kickboksclub boksclub dansclub
hockeyclub tennisclub judoclub turnclub sportschool dansschool muziekschool zwemschool rijschool taalschool
vechtsportschool kickboksschool boksschool""".split())
# 'iemand van intermetzo', 'maatschappelijk werker van Stimenz': where someone comes from is an organisation
_FROM_WORDS = frozenset("iemand mensen werker werkster consulent consulente medewerker medewerkers".split())
_FROM_NAME = re.compile(r"(?:de |het )?(?P<name>[A-ZÀ-ÖØ-Þa-zà-ÿ][\p{L}'’-]{3,}[\p{L}])(?![\w-])")
# 'Christ Apostolic Church Bijlmer', 'Fight Club Rhino's', 'Van Vliet Koeriers': a name, then its head
_NAME_BEFORE_HEAD = re.compile(rf"(?:(?:De|Het|Van|Van der|Van den|Van de|The) )?(?:{_CAPW} ){{0,3}}$")
_AFTER_HEAD = re.compile(rf"(?: (?:{_CAPW}))?")
_NOT_PROPER = frozenset("""is was zijn waren en of maar want dus dan die dat deze dit er ook nog wel niet al ging gaan
gaat kom komt kwam heb heeft had hebben wil kan moet mag werk school thuis weer altijd nooit vaak soms elke veel meer
geen een twee drie samen alleen zelf even heel erg echt best lang kort uur dag week maand jaar keer terug andere
hele zelfde eerste tweede laatste volgende vorige nieuwe oude grote kleine""".split())

_INSTITUTION_NEEDLES = _KIND_ENDINGS[:-1] + ("club",)


def _proper_word(word: str, compounds: bool = True) -> bool:
    """A lower-case word that is no ordinary word, first name, place or allowed term: a name of its own."""
    from .proper_nouns import _ordinary_word

    low = word.lower()
    return (len(low) >= 4 and low not in _NOT_PROPER and not _ordinary_word(low, lexicon.ordinary_words(), compounds)
            and low not in lexicon.first_names_lower() and low.capitalize() not in lexicon.places()
            and not _allowed(word))


@lru_cache(maxsize=2048)
def _allowed(name: str) -> bool:
    from .allowlist import default_pattern

    pattern = default_pattern()
    return pattern is not None and any(pattern.fullmatch(form) for form in (name, name.title(), name.upper()))


def _own_capitalised(name: str) -> bool:
    words = [w for w in name.split() if w not in ("De", "Het", "'t", "The")]
    if not words or name in lexicon.places() or name in lexicon.general_proper_nouns() or name in lexicon.allowed_areas():
        return False
    if len(words) == 1 and (words[0] in lexicon.first_names() or words[0] in lexicon.places()):
        return False
    return not _allowed(name)


def institutions(text: str, low: str, hits) -> Iterator[Finding]:
    for p, needle in hits:
        if needle == " van ":  # 'iemand van intermetzo', 'maatschappelijk werker van Stimenz'
            if _word_before(low, p)[1] in _FROM_WORDS:
                yield from _from_organisation(text, p + 5)
        elif needle == "club":
            if p and low[p - 1] == " ":
                yield from _head_after(text, p - 1, 5)  # 'Fight Club Rhino's'
            elif low.startswith("club ", p):
                yield from _kind_then_name(text, low, p + 4)  # 'kickboksclub the lions'
        elif needle in _KIND_ENDINGS:
            yield from _kind_then_name(text, low, p + len(needle) - 1)


def _kind_then_name(text: str, low: str, end: int) -> Iterator[Finding]:
    """'kinderopvang Hummeltjeshonk', 'evangeliegemeente De Rots', 'peuterspeelzaal de kikkerpoel': end is the
    space after a lower-case kind of place."""
    start, kind = _word_before(low, end)
    if kind not in _KIND_WORDS or text[start: start + 1].isupper():
        return  # a capitalised kind ('Kinderopvang X') is read by the older rules
    m = _NAME_AFTER_KIND.match(text, end + 1)
    if m and _own_capitalised(m.group()):
        yield _f("institution", m)
        return
    m = _LOWER_AFTER_KIND.match(text, end + 1)
    if m and (_proper_word(m.group("word")) or (
            m.group("article") and kind not in ("kerk", "moskee") and m.group("word") not in _NOT_PROPER)):
        yield _f("institution", m)


def _from_organisation(text: str, at: int) -> Iterator[Finding]:
    m = _FROM_NAME.match(text, at)
    if not m:
        return
    name = m.group("name")
    if name[0].isupper():
        ok = (not name.isupper() and name not in lexicon.first_names() and name not in lexicon.surnames()
              and not _ordinary_lower(name) and _own_capitalised(name))
    else:
        ok = _proper_word(name)
    if ok:
        yield _f("institution", m, "name")


def _head_after(text: str, space: int, length: int) -> Iterator[Finding]:
    """'Christ Apostolic Church Bijlmer', 'Van Vliet Koeriers': capitalised words before a head at space+1."""
    end = space + length
    if not text[space + 1: space + 2].isupper() or end < len(text) and (text[end].isalnum() or text[end] == "-"):
        return
    m = _NAME_BEFORE_HEAD.search(text, max(0, space - 60), space + 1)
    if not m or m.start() == space + 1:
        return
    start = m.start()
    words = text[start:space].split()
    if len(words) == 1 and _sentence_start(text, start) and _ordinary_lower(words[0]):
        return  # 'Dance Club' at a sentence start: words
    tail = _AFTER_HEAD.match(text, end)
    yield Finding("institution", start, tail.end(), text[start:tail.end()])


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'(‘“":
        j -= 1
    return j < 0 or text[j] in ".!?:;\n•*-–"


def _ordinary_lower(word: str) -> bool:
    return word.lower() in lexicon.ordinary_words()


def later_mentions(text: str, found: list[Finding]) -> list[Finding]:
    """'Gitano' after 'Boxing Club Gitano', 'Hummeltjeshonk' after 'kinderopvang Hummeltjeshonk': the last word of a
    found institution, when it is a name of its own, used alone later in the text."""
    institutions = [f for f in found if f.kind == "institution" and " " in f.text]
    if not institutions:
        return []
    keys = set()
    for f in institutions:
        last = f.text.split()[-1]
        if (len(last) >= 5 and last[0].isupper() and not _ordinary_lower(last) and last not in lexicon.first_names()
                and last not in lexicon.places() and last not in lexicon.general_proper_nouns()
                and last not in lexicon.allowed_areas() and not _allowed(last)):
            keys.add(last)
    return [Finding("institution", at, at + len(key), key) for key in keys for at in standalone(text, key)
            if not any(f.start <= at and at + len(key) <= f.end for f in institutions)]


_NEEDLES = _AGE_NEEDLES + _INSTITUTION_NEEDLES
_VAN_WORDS = _ADULTS | _FROM_WORDS


def check(text: str) -> tuple[list[Finding], list[Finding]]:
    """(ages, institutions) from one scan of the cue words."""
    low = text.lower()
    if len(low) != len(text):
        low = text  # a character whose lower case is longer: offsets would shift; read the text as written
    hits = occurrences(low, _NEEDLES)
    # ' van ' is the commonest cue: read the word before it once, keep only the hits a rule wants
    hits = [(p, n) for p, n in hits if n != " van " or _word_before(low, p)[1] in _VAN_WORDS]
    return list(ages(text, low, hits)), list(institutions(text, low, hits))
