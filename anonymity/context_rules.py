"""Rules read from the context around a word: institutions by their head noun, an apposition, a care cue or an
acronym they introduce; ages in a few more grammars; addresses by where someone lives; neighbourhoods in lower case.

Speed: no pattern scans the whole text. Each rule finds its literal cue with str.find (or one cheap scan of the
standard library's engine), then matches its pattern only there: a text without the cue costs a few substring tests.
"""

from __future__ import annotations

import re as plain_re
from typing import Iterator

import regex as re

from . import age_cues, lexicon
from .findings import Finding
from .formats import STREET_SUFFIX, STREET_SUFFIX_STRONG
from .scanning import contains_any, positions, standalone
from .words import AGE_ADVERBS, NUMW, ORDW, SUBJECT_NOUNS

_CAPW = r"[A-ZÀ-ÖØ-Þ][\p{L}'’-]*[\p{L}\d]"  # a capitalised word (also 'SKVV', 'Kompaan-Vitree')
_NAME_WORDS = rf"(?:(?:De|Het|'t|The) )?{_CAPW}(?: (?:{_CAPW}|&|en|aan|op|van|de|der|den)(?= ))*(?: {_CAPW})?"
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n•*#>]|^\s*[-–])[\s\"'‘“(\[-]*$")
_NUM = rf"(?:\d{{1,2}}|{NUMW})"


def _f(kind: str, m, group: int | str = 0) -> Finding:
    return Finding(kind, m.start(group), m.end(group), m.group(group))


def _word(w: str) -> bool:
    return w.lower() in lexicon.ordinary_words()


def _word_start(text: str, i: int) -> int:
    """Back from i over the letters of the word i is in ('kickboksschool' from its 'boksschool')."""
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return i


def _boundary_before(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-_@")


# --- Institutions --------------------------------------------------------------------------------------------

# 'obs De Klimboom', 'cbs Het Kompas', 'IKC Zonnewijzer': a school-type abbreviation in any case, then a name
_SCHOOL_ABBREV_NEEDLES = ("obs ", "cbs ", "kbs ", "ibs ", "ikc ", "rk bs ", "o.b.s. ", "c.b.s. ")
_SCHOOL_ABBREV = re.compile(rf"(?i:obs|cbs|pcbs|rkbs|kbs|ibs|ikc|rk bs|o\.b\.s\.|c\.b\.s\.) (?P<name>{_NAME_WORDS})")
_TRAILING_SMALL = re.compile(r"(?: (?:&|en|aan|op|van|de|der|den))+$")
# 'Leefgroep Anker', 'Visserij Korver', 'Autoschadeherstel Kuipers', 'Leerlab Linx', 'Café …': heads the head-noun
# rule in rules.py does not know, then the name ('Gemeente Zaanstad' is the municipality: a place)
_HEAD_FIRST_NEEDLES = tuple(h + " " for h in ("groep", "herstel", "lab", "erij", "café", "opvang", "gym", "kerk",
                                               "moskee", "gemeente", "parochie", "scouting", "loket", "vakcollege", "kraamhuis", "logeerhuis"))
_HEAD_FIRST = re.compile(rf"(?P<head>[A-Z][\p{{L}}]*) (?P<name>(?:(?:De|Het|'t|The) )?{_CAPW}(?: {_CAPW})*)")
# 'Selimiye Camii', 'Samen Sterk Groep', 'Kaya Transport & Logistiek', 'Bakker & Zn.': the name, then the head
_HEAD_AFTER_NEEDLES = (" hogeschool", " universiteit", " academie", " academy", " care", " coaching", " camii", " cami ", " moskee", " mosque", " masjid", " groep", " holding", " transport",
                       " bouw", " techniek", " installatie", " schoonmaak", " logistiek", " diensten", " & z")
_HEAD_AFTER = re.compile(
    rf"(?<![\w-])(?P<name>{_CAPW}(?: {_CAPW})*) (?P<head>Hogeschool|Universiteit|Academie|Academy|Care|Coaching|Camii|Cami|Moskee|Mosque|Masjid|Groep|Holding|"
    rf"(?:Transport|Bouw|Techniek|Installatie|Schoonmaak|Logistiek|Diensten)(?: (?:&|en) {_CAPW})?|& Zn\.?|& Zonen)"
    rf"(?![\w-])")
# lower case, informal: 'bij snackbar de smulhoek', 'naar jongerenkerk de bron', 'bij thuiszorg zonnebloem'
_LOWER_HEADS = frozenset("""snackbar cafetaria kapsalon sportschool boksschool kickboksschool jongerenkerk kerk moskee
thuiszorg bakkerij voetbalclub voetbalvereniging sportclub garage kinderopvang dansschool zwemclub hockeyclub turnclub
boxing gym pizzeria""".split())
_LOWER_HEAD_NEEDLES = tuple(sorted({h + " " for h in _LOWER_HEADS} | {"centrum ", "kliniek "}))
_PREP_BEFORE = plain_re.compile(r"(?:^|\W)(?:bij|van|naar|op|in)(?: de| het)? $")
_LOWER_HEAD_TAIL = re.compile(r"[a-zà-ÿ]+ (?:(?:de|het) )?(?P<word>[a-zà-ÿ]{3,})\b")
_LOWER_HEAD_TWO = plain_re.compile(r"[a-zà-ÿ]+ (?P<one>[a-zà-ÿ]{3,})(?: (?P<two>[a-zà-ÿ]{3,}))?\b")
_NOT_A_NAME = frozenset("""is was zijn waren en of maar want dus dan die dat deze dit er ook nog wel niet niets al
gaat ging gaan kom komt kwam heb heeft had hebben wil wilde kan kon moet moest mag mocht werk werkt werkte gewerkt
geweest gezeten sinds tot voor na om met zonder over onder tegen toen als omdat waar wat wie hier daar thuis weer
altijd nooit vaak soms elke iedere alle veel weinig meer minder geen een twee drie vier vijf zes zeven acht negen tien
samen alleen ook zelf even eens heel erg echt best wel lang kort uur dag week maand jaar keer ging terug vandaan""".split())
# 'het veldhuis college': a lower-case school with its own name ('het regionaal college' is a kind)
_LOWER_COLLEGE = re.compile(r"\bhet (?P<name>(?P<words>[a-zà-ÿ]{3,}(?: [a-zà-ÿ]{3,})?) (?:college|lyceum|gymnasium))\b")
_KIND_WORDS = frozenset("""regionaal regionale middelbaar middelbare voortgezet openbaar openbare christelijk
christelijke katholiek katholieke protestants nieuwe nieuw technisch grafisch agrarisch stedelijk stedelijke
interconfessioneel algemeen algemene praktijk speciaal beste hele eigen zelfde andere ander""".split())
# 'haar school (Zuiderlicht)', 'onze voetbalclub, SKVV.', 'de kinderopvang, Tikkertje,': a kind, then its name
_KINDS = frozenset("""school basisschool schooltje voetbalclub sportclub club vereniging kerk moskee werkgever
kinderopvang opvang bso kdv crèche zorgaanbieder aanbieder instelling praktijk behandelaar dagbesteding gezinshuis
woongroep leefgroep voorziening stageplek werk baas""".split())
_NAME_AFTER_KIND = re.compile(rf"(?P<name>(?:(?:De|Het) )?{_CAPW}(?: {_CAPW})*)(?=[,.;)]|$)")
# '- Tikkertje, kinderopvang voor …', '• Tikkertje (kinderopvang)': a list item opening with a name, then its kind
_NAME_THEN_KIND = re.compile(
    rf"(?m)^[ \t]*[-•*–][ \t]*(?P<name>(?:(?:De|Het) )?{_CAPW}(?: {_CAPW})*)(?:,| –| -| \() ?"
    rf"(?:een |de |het )?(?:{'|'.join(sorted(_KINDS))}|kinderdagverblijf|peuterspeelzaal|stichting)\b")
# 'De Hoeve (SBO)', 'Kwetternest (kdv)': a name, then its kind in brackets
_KIND_IN_BRACKETS = re.compile(r" \((?:SBO|SO|VSO|PrO|Pro|VMBO|vmbo|MBO|mbo|ROC|BSO|bso|KDV|kdv|PO|VO|IKC|ikc|"
                               r"basisschool|school|kinderopvang|peuterspeelzaal|gezinshuis|zorgboerderij|"
                               r"dagbesteding|jji|JJI|GGZ|ggz)\)")
_TYPE_ABBREVIATIONS = frozenset("SBO SO VSO PrO PRO VMBO MBO HBO WO ROC BSO KDV PO VO IKC JJI GGZ GI MST MDFT FFT FACT "
                                "OPP MDO ZAT ZT CJG GGD JGZ LVB ASS ADHD".split())
_NAME_BEFORE = re.compile(rf"(?:(?<![\w-])(?:De|Het) )?(?<![\w-]){_CAPW}(?: {_CAPW}){{0,3}}$")
# 'Be Quick '28', 'Sparta '45': a club's name ends with the year it was founded
_CLUB_YEAR = re.compile(rf"(?:{_CAPW} ){{1,3}}['’]\d\d(?![\w'’])")
# 'Namens Kwadraad, …': on behalf of a name that is no person's
_ON_BEHALF = re.compile(rf"(?i:namens) (?P<name>(?:(?:De|Het) )?{_CAPW}(?: {_CAPW})?)(?=[,.;:\n]| \()")
# 'doorverwezen naar Kompaz', 'een overplaatsing naar Terra Firma', 'een lang traject bij Empiriq': a care step,
# then a capitalised name that is no person's or town's
_CARE_NEEDLES = ("verwezen", "doorverwijzing", "plaatsing", "geplaatst", "aangemeld", "aanmelding", "wachtlijst",
                 "traject", "behandel", "intake", "opgenomen", "opname", "begeleid", "onderzocht", "diagnostiek")
_CARE_CUE = re.compile(
    rf"[a-z]*(?:doorverwezen|verwezen|doorverwijzing|overplaatsing|overgeplaatst|geplaatst|plaatsing|aangemeld|"
    rf"aanmelding|wachtlijst|traject|trajecten|behandeling|behandeld|intake|opgenomen|opname|dagbehandeling|"
    rf"begeleiding|begeleid|onderzocht|diagnostiek) (?:[a-zà-ÿ]+ ){{0,3}}?(?:bij|naar|van|door|in) "
    rf"(?:(?:daarna|toen|ook|eerst) )?(?P<name>(?:(?:De|Het) )?{_CAPW}(?: {_CAPW})?)(?![\w-])")
# 'ging naar Yulius voor een intake': the name, then the care step it was for
_NAME_BEFORE_CARE = re.compile(rf"(?:^|\W)(?:bij|naar|van|door) (?P<name>(?:(?:De|Het) )?{_CAPW}(?: {_CAPW})?) "
                               rf"(?:voor|ter|in) (?:een |de |het )?$")
_CARE_NEXT = re.compile(rf" (?:en|of)(?: (?:daarna|later|toen|ook|nu))? (?:bij|naar|van|door) "
                        rf"(?P<name>(?:(?:De|Het) )?{_CAPW}(?: {_CAPW})?)(?![\w-])")
# 'Gezinskracht010', 'Jeugd020': a brand with an area code or a number glued to its end
_TWO_DIGITS = plain_re.compile(r"\d\d")  # the cheap scan; the brand is matched from the word's start
_BRAND_DIGITS = plain_re.compile(r"(?<![\w@.-])[A-Z][a-z]{3,}\d{2,3}(?![\w@-]|\.\w)")
# 'Stichting Jeugdnet Waterland (verder: SJW)', '… (SJW)': an acronym an institution introduces
_ACRONYM = re.compile(r"\s?\((?:(?:verder|hierna)(?: te noemen)?:? ?)?(?P<acr>[A-Z]{2,6})\)")


def _person_or_town(name: str) -> bool:
    words = name.split()
    first = words[0]
    if first in ("De", "Het"):
        return False
    if len(words) == 2 and first in lexicon.first_names() and words[1] not in lexicon.surnames() and _word(words[1]):
        return False  # 'Terra Firma': a first name, then a word that is no surname
    return (first in lexicon.first_names() or (len(words) == 1 and name in lexicon.surnames())
            or name in lexicon.places() or name in lexicon.allowed_areas() or name in lexicon.general_proper_nouns())


def _at_sentence_start(text: str, i: int) -> bool:
    return i == 0 or bool(_SENTENCE_START.search(text[max(0, i - 12): i]))


def institutions(text: str) -> Iterator[Finding]:
    low = text.lower()
    for p in positions(low, _SCHOOL_ABBREV_NEEDLES):
        start = _word_start(text, p)
        m = _SCHOOL_ABBREV.match(text, start) if _boundary_before(text, start) else None
        if m:
            end = m.start("name") + len(_TRAILING_SMALL.sub("", m.group("name")))
            yield Finding("institution", start, end, text[start:end])
    for p in positions(low, _HEAD_FIRST_NEEDLES):
        start = _word_start(text, p)
        if not text[start].isupper() or not _boundary_before(text, start) or text[start: p + 9] == "Gemeente ":
            continue
        m = _HEAD_FIRST.match(text, start)
        if not m or m.end("head") != low.index(" ", p):
            continue
        name = m.group("name").split()
        if _at_sentence_start(text, start) and _word(m.group("head")) and _word(name[0]) and name[0] not in ("De", "Het"):
            continue  # 'Groep 7 …', 'Opvang Jongeren' at a sentence start: words
        yield _f("institution", m)
    heads_after = [p for p in positions(low, _HEAD_AFTER_NEEDLES) if text[p + 1].isupper() or text[p + 1] == "&"]
    seen = set()
    for p in heads_after:
        for m in _HEAD_AFTER.finditer(text, max(0, p - 80), min(len(text), p + 60)):
            if m.start("head") != p + 1 or m.span() in seen:
                continue
            seen.add(m.span())
            words = m.group("name").split()
            if _at_sentence_start(text, m.start()) and _word(words[0]) and len(words) == 1:
                continue
            yield _f("institution", m)
    for p in positions(low, _LOWER_HEAD_NEEDLES):
        start = _word_start(low, p)
        head = low[start: low.index(" ", p)]
        if not text[start: start + len(head)].islower() or not (
                head in _LOWER_HEADS or (len(head) >= 10 and head.endswith(("centrum", "kliniek")))):
            continue
        before = _PREP_BEFORE.search(text, max(0, start - 10), start)
        if not before:
            continue
        if before.group().endswith((" de ", " het ")):
            # after 'bij de' only a name of its own ('bij de kapsalon fresh cutz'; not 'naar de moskee zegt')
            m = _LOWER_HEAD_TWO.match(text, start)
            if m:
                for group in ("one", "two"):
                    word = m.group(group)
                    if not word or word in _NOT_A_NAME:
                        break
                    if not _word(word) and word not in lexicon.first_names_lower():
                        yield Finding("institution", start, m.end(group), text[start:m.end(group)])
                        break
            continue
        m = _LOWER_HEAD_TAIL.match(text, start)
        if m and m.group("word") not in _NOT_A_NAME:
            yield _f("institution", m)

    if "college" in low or "lyceum" in low or "gymnasium" in low:
        for m in _LOWER_COLLEGE.finditer(text):
            if not any(w in _KIND_WORDS for w in m.group("words").split()):
                yield _f("institution", m, "name")
    for p in positions(text, (", ", " (")):
        if text[p + 1] == "(" and _KIND_IN_BRACKETS.match(text, p):
            b = _NAME_BEFORE.search(text, max(0, p - 60), p)
            if b and _institution_name(b.group()) and not (" " not in b.group() and _word(b.group())):
                yield _f("institution", b)
            continue
        if p + 2 < len(text) and text[p + 2].isupper():
            kind = text[_word_start(text, p): p]
            if kind in _KINDS:  # lower case: 'Werk, Inkomen' is a heading
                m = _NAME_AFTER_KIND.match(text, p + 2)
                if m and _institution_name(m.group("name")):
                    yield _f("institution", m, "name")
    if "\n-" in text or "\n•" in text or "\n*" in text or "\n–" in text or "\n " in text or text[:1] in "-•*–":
        for m in _NAME_THEN_KIND.finditer(text):
            if _institution_name(m.group("name")):
                yield _f("institution", m, "name")
    seen = set()
    for p in positions(low, _CARE_NEEDLES):
        start = _word_start(text, p)
        if start in seen:
            continue
        seen.add(start)
        b = _NAME_BEFORE_CARE.search(text, max(0, start - 60), start)
        if b and not _person_or_town(b.group("name")) and not _word(b.group("name").split()[-1]):
            yield _f("institution", b, "name")
        m = _CARE_CUE.match(text, start)
        if not m:
            continue
        name = m.group("name")
        words = [w for w in name.split() if w not in ("De", "Het")]
        if not _person_or_town(name) and (len(words) > 1 or not _word(words[0])):
            yield _f("institution", m, "name")  # 'naar Terra Firma': two capitalised words mid-sentence
        # '… bij Wendbaar en daarna bij Empiriq': the next provider in the same breath
        n = _CARE_NEXT.match(text, m.end())
        if n and not _person_or_town(n.group("name")) and not _word(n.group("name").split()[-1]):
            yield _f("institution", n, "name")
    for d in _TWO_DIGITS.finditer(text):
        if d.start() and text[d.start() - 1].islower():
            start = _word_start(text, d.start())
            m = _BRAND_DIGITS.match(text, start)
            if m and m.end() >= d.end():
                yield _f("institution", m)
    for p in positions(text, (" '", " ’")):
        if text[p + 2: p + 4].isdigit():
            for m in _CLUB_YEAR.finditer(text, max(0, p - 50), p + 4):
                if m.end() == p + 4 and not _at_sentence_start(text, m.start()) or len(m.group().split()) > 2:
                    yield _f("institution", m)
    for p in positions(low, ("namens ",)):
        m = _ON_BEHALF.match(text, p)
        if m and _boundary_before(text, p) and _institution_name(m.group("name")) and \
                m.group("name") not in lexicon.surnames():
            yield _f("institution", m, "name")


# Informal, lower-case text names institutions in lower case too: 'ik zit op het da costa', 'mn broertje zit op de
# regenboog in groep 3', 'ik ben bij pluryn geweest', 'voetbal bij vv sparta'. A word qualifies when it is no ordinary
# word, first name, town, allowed term or kind of school or care.
_SCHOOL_VERB_BEFORE = plain_re.compile(r"(?:^|\W)(?:zit|zat|zitten|zaten|ga|gaat|ging|gingen|kwam|kom|komt)"
                                       r"(?: (?:nu|nog|toen|al|daar|sinds kort|weer))? $")
_LOWER_NAME = re.compile(r"[a-zà-ÿ][a-zà-ÿ'’.-]*[a-zà-ÿ](?: [a-zà-ÿ][a-zà-ÿ'’-]*[a-zà-ÿ])?")
_GROUP_AFTER = plain_re.compile(r" in groep \d|, (?:dat|die) is (?:een|het|de) ")
_CARE_BEFORE_BIJ = plain_re.compile(
    r"(?:^|\W)(?:therapie|behandeling|begeleiding|traject|hulp|gesprekken|intake|stage|werk|werkt|werkte|werken|"
    r"train|traint|trainde|trainen|voetbal|voetbalt|boks|kickboks|ben|was|zat|zit|ik)(?: [a-z]+)?$")
_CLUB_ABBREV_NEEDLES = ("vv ", "sv ", "fc ", "hc ", "kv ", "tc ")
_CLUB_ABBREV = plain_re.compile(r"(?:rkvv|svv|zvv|bvv|cvv|vvv|afc|mhc|ltc|vv|sv|fc|hc|kv|tc) (?P<word>[a-zà-ÿ]{3,})\b")
_KINDS_LOWER = frozenset("""school basisschool vmbo havo vwo mavo mbo hbo roc pro praktijkonderwijs vso so sbo
gymnasium lyceum atheneum kader basis kaderberoeps tl brugklas opvang bso kdv jji ggz ggd cjg jgz wijkteam
jeugdzorg jeugdhulp jeugdbescherming jeugdreclassering pleegzorg pleeggezin gezinshuis groep instelling kliniek
huisarts psycholoog psychiater therapeut hulpverlening hulpverlener begeleider mentor zorg school's internaat
leefgroep woongroep crisisopvang time-out""".split())
_PREPOSITIONS = frozenset("in op bij met en van naar uit aan te om tot voor achter".split())
_INFORMAL = frozenset("""mn m'n zn z'n dr d'r me je ff effe mattie mama papa mams paps oma opa ome tantie chill
echt gwn gewoon idk iig ofz enzo zo ok oke oké lol haha""".split())


def _lower_institution(name: str) -> bool:
    from .allowlist import default_pattern
    words = name.split()
    if any(w in _KINDS_LOWER for w in words) or all(w in _INFORMAL or len(w) < 3 for w in words):
        return False
    pattern = default_pattern()
    if pattern is not None and any(pattern.fullmatch(form) for form in (name, name.upper(), name.title())):
        return False
    return any(not _word(w) and w not in _INFORMAL and w not in lexicon.first_names_lower()
               and w.capitalize() not in lexicon.places() and len(w) >= 3 for w in words)


def lower_case_institutions(text: str) -> Iterator[Finding]:
    low = text.lower()
    for p in positions(text, (" op het ", " op de ", " op 't ")):
        if not _SCHOOL_VERB_BEFORE.search(text, max(0, p - 22), p + 1):
            continue
        start = text.index(" ", p + 4) + 1
        m = _LOWER_NAME.match(text, start)
        if not m:
            continue
        name = m.group()
        words = name.split()
        if len(words) == 2 and (words[1] in _NOT_A_NAME or words[1] in _PREPOSITIONS):
            name = words[0]  # 'op de korenaer in …': the name ends where the sentence goes on
        end = start + len(name)
        if _lower_institution(name) or (_GROUP_AFTER.match(text, end) and name not in _KINDS_LOWER
                                        and not any(w in _KINDS_LOWER for w in name.split())):
            yield Finding("institution", start, end, name)
    for p in positions(text, ("school",)):
        start = _word_start(text, p)
        end = p + 6
        name = text[start:end]
        if (end < len(text) and text[end].isalpha()) or len(name) < 9 or not name.islower() or _word(name):
            continue
        if re.search(r"(?:^|\W)(?:op|naar|van|bij) (?:de|het) (?:[a-z]+\.? )?$", text[max(0, start - 20): start]):
            yield Finding("institution", start, end, name)
    for p in positions(text, (" bij ",)):
        m = _LOWER_NAME.match(text, p + 5)
        if not m or not _CARE_BEFORE_BIJ.search(text, max(0, p - 30), p):
            continue
        name = m.group().split()[0]
        if len(name) >= 4 and _lower_institution(name):
            yield Finding("institution", p + 5, p + 5 + len(name), name)
    for p in positions(low, _CLUB_ABBREV_NEEDLES):
        start = _word_start(low, p)
        m = _CLUB_ABBREV.match(text, start) if _boundary_before(text, start) else None
        if m and m.group("word") not in _NOT_A_NAME and not _word(m.group("word")) or (
                m and m.group("word") not in _NOT_A_NAME and text[start:m.end()].islower() is False):
            yield _f("institution", m)


def _institution_name(name: str) -> bool:
    if name.lower() in _KINDS_LOWER or name in _TYPE_ABBREVIATIONS:
        return False  # 'de school (SBO)': a kind, not a name
    return not _person_or_town(name) and not (len(name.split()) == 1 and _word(name) and name.isupper())


def acronyms(text: str, found: list[Finding]) -> list[Finding]:
    """'Stichting Jeugdnet Waterland (verder: SJW)': the acronym, there and wherever it comes back."""
    if "(" not in text:
        return []
    result = []
    for f in found:
        if f.kind != "institution":
            continue
        m = _ACRONYM.match(text, f.end)
        if m:
            acr = m.group("acr")
            result += [Finding("institution", a.start(), a.end(), acr)
                       for a in re.finditer(rf"(?<![\w-]){acr}(?![\w-])", text)]
    return result


# --- Ages ---------------------------------------------------------------------------------------------------

# (gate words in the lower-cased text, pattern with the age as group 'age'), each scanned only when a gate is there
_AGE_GATED = [
    # 'Yara Dekkers, 14 jr,' / ': 14 jr': jr after a number is a person's age
    ((" jr",), re.compile(r"(?:, |: |\()(?P<age>\d{1,2} jr\b\.?)(?! (?:geleden|lang|in|bij|werkzaam|ervaring)\b)")),
]
# (the cue after the age, a pattern searched only in the 40 characters before it)
_AGE_BEFORE_CUE = [
    # 'Moeder zelf was vier toen zij …': an age, then the moment it was
    (" toen ", re.compile(rf"(?i)\bwas (?:(?:pas|nog maar|net|nog) )?(?P<age>{_NUM}(?: jaar(?: oud)?)?)$")),
    # 'die nu twee jaar en drie maanden is'
    (" maanden ", re.compile(rf"(?i)(?<![\w-])(?P<age>(?:{_NUM}|een) jaar en {_NUM})$")),
]
_AFTER_MONTHS = re.compile(r" maanden (?:oud|is|was|werd|wordt)\b")
# 'Kind 1: 7 jaar', 'Zoon: 12 jr': a form line
_FORM_PERSON_BEFORE = re.compile(r"(?i)(?:^|\W)(?:kind|zoon|dochter|broer|zus|moeder|vader|jongere|cliënte?|pleegkind)"
                                 r"(?: \d)?$")
_FORM_AGE = re.compile(r"(?i)(?P<age>\d{1,2} (?:jaar|jr\b\.?))(?! (?:geleden|lang|in|bij)\b)")
# 'Leeftijden kinderen: 3, 7 en 9'
_AGES_LINE = re.compile(rf"(?i)\bleeftijden(?: [a-z]+)?: (?P<list>{_NUM}(?:, {_NUM})*(?:,? en {_NUM})?)\b(?! (?:tot|-)\b)")
# 'de oudste is 16, de jongste 4': a sibling's rank, then the age
_RANK_AGE = re.compile(r"(?i)\b(?:jongste|oudste|middelste) (?:is |was |wordt )?(?P<age>\d{1,2})(?: jaar)?"
                       r"(?=\s*(?:[.,;)\n]|$| en\b))")
# 'Haar broertje, Finn, wordt volgende week zes.': a subject, becoming a number, then the clause ends
_SUBJECT_BEFORE = re.compile(rf"(?:^|\W)(?:(?i:hij|zij|ze|ik|die|{SUBJECT_NOUNS})|[A-Z][a-zà-ÿ]+),? $")
_BECOMES = re.compile(rf"(?i)(?:wordt|werd) (?:(?:{AGE_ADVERBS}|gisteren|vorige (?:week|maand)) )*"
                      rf"(?P<age>{_NUM}(?: jaar)?)(?=\s*(?:[.,;!?)\n]|$| (?:en|maar|toen)\b))")
# 'zijn vader is 46 die …', 'mn moeder was 19 toen …': a possessive, a parent, then the age
_PARENT_VERB = plain_re.compile(r"(?:vader|moeder|ouder|oom|tante|opa|oma|partner|vriend|vriendin) (?:is|was|wordt|werd) ")
_PARENTS = frozenset(("oom", "tante", "opa", "oma", "partner", "vriend", "vriendin"))
_POSSESSIVE_BEFORE = re.compile(r"(?i)(?:^|\W)(?:mijn|mn|m'n|zijn|zn|z'n|haar|d'r|dr|hun|je|jouw) $")
_PARENT_AGE = re.compile(rf"(?i) (?:is|was|wordt|werd) (?:(?:{AGE_ADVERBS}) )*(?P<age>{_NUM}(?: jaar(?: oud)?)?)"
                         rf"(?=\s*(?:[.,;:!?)\n]|$)| (?:en|die|maar|toen|dus|want|of)\b)")
# 'vanaf mn 16e meer mag': a written ordinal after a possessive, then a modal or 'meer' (not 18: everyone's)
_ORDINAL = plain_re.compile(r"\d\d?(?:e|de|ste) ")  # one cheap scan; the rest is checked where it matches
_MODAL_AFTER = plain_re.compile(r"(?:meer|mag|mocht|moet|moest|kan|kon|ga|ging|gaat|wil|wilde|al|nog)\b")
_PREP_POSSESSIVE_BEFORE = re.compile(r"(?i)(?:^|\W)(?:sinds|vanaf|op|na|tot) (?:mijn|mn|m'n|zijn|zn|z'n|haar|d'r|dr) $")
# 'in groep 4 en 7', 'in groep 6 en 9 jaar': a group, then an age that fits it (not 'groep 7 en 8': two groups)
_GROUP_AGE = re.compile(r"\bgroep (?P<group>[1-8]) (?:en|,) (?:(?:is|was) (?:hij|ze|zij) |is |was )?"
                        r"(?P<age>\d{1,2})(?: jaar)?\b(?! ?(?:en|tot|-|/) ?\d)")
# 'drie kinderen van 3, 8 en 12 jaar': each number of the list is an age ('kinderen van 0 tot 4' is a range)
_LIST_NOUNS = frozenset("kinderen kids zonen dochters broers zussen broertjes zusjes jongens meisjes meiden".split())
_COUNT_BEFORE = re.compile(r"(?i)(?:^|\W)(?:twee|drie|vier|vijf|zes|\d|eigen|hun|haar|zijn|mijn|mn|onze|de) $")
_AGE_LIST = re.compile(rf"(?i)(?P<list>{_NUM}(?:, {_NUM})* en {_NUM})(?: jaar)?\b(?! (?:tot\b|en (?:\d|{NUMW})))")
_NUMBER = re.compile(_NUM, re.IGNORECASE)
# 'hij viert zijn zestiende verjaardag', 'in haar 15e levensjaar': a possessive and an ordinal before a birthday
_BIRTHDAY_BEFORE = re.compile(rf"(?i)(?:^|\W)(?:mijn|mn|m'n|zijn|zn|z'n|haar|d'r|dr|je|jouw) "
                              rf"(?P<age>\d{{1,2}}(?:e|de|ste)|{ORDW})$")
# 'twee kinderen (3 en 5)', 'ze zijn 8 en 10': ages listed for several children
_BRACKET_AGES = re.compile(rf"(?i)\((?P<list>{_NUM}(?:, {_NUM})* en {_NUM})(?: jaar| jr\.?)?\)")
_PLURAL_AGES = re.compile(rf"(?i)\b(?:ze|zij|die|kinderen|jongens|meisjes|zonen|dochters|broers|zussen|tweeling|"
                          rf"broertjes|zusjes|ouders|grootouders) "
                          rf"(?:zijn|waren) (?:(?:nu|inmiddels|toen|pas|al) )?(?P<list>{_NUM}(?:, {_NUM})* en {_NUM})"
                          rf"(?: jaar(?: oud)?)?(?=\s*(?:[.,;:!?)\n]|$)| toen\b)")
# 'hij was acht maanden.' in a text about a baby
_BABY_MONTHS = re.compile(rf"(?i)\b(?:hij|zij|ze) (?:was|is|werd) (?:(?:pas|nog maar|net|toen) )?"
                          rf"(?P<age>{_NUM} (?:weken|maanden)(?: oud)?)(?=\s*(?:[.,;!?)\n]|$))")


def ages(text: str) -> Iterator[Finding]:
    low = text.lower()
    for gates, pattern in _AGE_GATED:
        if contains_any(low, gates):
            for m in pattern.finditer(text):
                yield _f("age", m, "age")
    for cue, pattern in _AGE_BEFORE_CUE:
        for p in positions(low, (cue,)):
            m = pattern.search(text, max(0, p - 40), p)
            if not m:
                continue
            if cue == " toen ":
                yield _f("age", m, "age")
            elif _AFTER_MONTHS.match(text, p):
                yield Finding("age", m.start("age"), p + 8, text[m.start("age"): p + 8])
    for p in positions(text, (": ",)):
        if _FORM_PERSON_BEFORE.search(text, max(0, p - 16), p):
            m = _FORM_AGE.match(text, p + 2)
            if m:
                yield _f("age", m, "age")
    if "leeftijden" in low:
        for m in _AGES_LINE.finditer(text):
            pos = m.start("list")
            for n in _NUMBER.finditer(m.group("list")):
                yield Finding("age", pos + n.start(), pos + n.end(), n.group())
    if "jongste" in low or "oudste" in low or "middelste" in low:
        for m in _RANK_AGE.finditer(text):
            yield _f("age", m, "age")
    for p in positions(low, ("wordt ", "werd ")):
        if _boundary_before(text, p) and _SUBJECT_BEFORE.search(text, max(0, p - 30), p):
            m = _BECOMES.match(text, p)
            if m:
                yield _f("age", m, "age")
    for pv in _PARENT_VERB.finditer(low):
        p = pv.start()
        start = _word_start(low, p)
        word = low[start: low.index(" ", p)]
        if (word in _PARENTS or word.endswith(("vader", "moeder", "ouder"))) and _POSSESSIVE_BEFORE.search(
                text, max(0, start - 8), start):
            m = _PARENT_AGE.match(text, start + len(word))
            if m:
                yield _f("age", m, "age")
    for m in _ORDINAL.finditer(low):
        start, digits_end = m.start(), m.end() - 1
        if (start and low[start - 1].isdigit()) or low.startswith("18", start) or not _MODAL_AFTER.match(low, m.end()):
            continue
        if _PREP_POSSESSIVE_BEFORE.search(text, max(0, start - 14), start):
            yield Finding("age", start, digits_end, text[start:digits_end])
    if "groep " in low:
        for m in _GROUP_AGE.finditer(low):
            if 3 <= int(m.group("age")) - int(m.group("group")) <= 6:
                yield Finding("age", m.start("age"), m.end(), text[m.start("age"): m.end()])
    for p in positions(low, (" van ",)):
        yield from age_cues.at_van(text, p)
        noun_start = _word_start(low, p)
        if low[noun_start:p] in _LIST_NOUNS and _COUNT_BEFORE.search(text, max(0, noun_start - 8), noun_start):
            m = _AGE_LIST.match(text, p + 5)
            if m:
                pos = m.start("list")
                for n in _NUMBER.finditer(m.group("list")):
                    yield Finding("age", pos + n.start(), pos + n.end(), n.group())
    for p in positions(low, (" verjaardag", " levensjaar")):
        m = _BIRTHDAY_BEFORE.search(text, max(0, p - 24), p)
        if m and not low.startswith(("18", "achttiende"), m.start("age")):
            yield Finding("age", m.start("age"), p + 11, text[m.start("age"): p + 11])
    for p in positions(text, (" (",)):
        yield from age_cues.at_bracket(text, p)
        if low[_word_start(low, p): p] in _LIST_NOUNS or low[_word_start(low, p): p] == "tweeling":
            m = _BRACKET_AGES.match(text, p + 1)
            if m:
                pos = m.start("list")
                for n in _NUMBER.finditer(m.group("list")):
                    yield Finding("age", pos + n.start(), pos + n.end(), n.group())
    for p in positions(low, (" zijn ", " waren ")):
        m = _PLURAL_AGES.search(text, max(0, p - 10), min(len(text), p + 40))
        if m and m.start() < p + 1 < m.end():
            pos = m.start("list")
            for n in _NUMBER.finditer(m.group("list")):
                yield Finding("age", pos + n.start(), pos + n.end(), n.group())
    if "baby" in low or "geboren" in low:
        for p in positions(low, (" maanden", " weken")):
            for m in _BABY_MONTHS.finditer(text, max(0, p - 40), min(len(text), p + 40)):
                yield _f("age", m, "age")


# --- Addresses ----------------------------------------------------------------------------------------------

_STREET_ENDINGS = tuple(STREET_SUFFIX.split("|"))
_STRONG_ENDINGS = tuple(STREET_SUFFIX_STRONG.split("|"))
_SPACE_DIGIT = plain_re.compile(r" [1-9]")
_HOUSE_NUMBER = plain_re.compile(r"\d{1,4}[a-z]?(?![\w-])")
# 'de flat aan de Karel Doormanlaan', 'woont aan de slinge': a home, then the street it is on
_HOME_ON = re.compile(
    r"\b(?:flat|woning|huis|huisje|appartement|portiekflat|flatje|bovenwoning|benedenwoning|adres|woont|wonen|"
    r"woonde|woonden|wonend|woonachtig) aan de (?P<street>(?:[A-Z][\p{L}'’-]+ )*[A-Z][\p{L}'’-]+|[a-zà-ÿ]{4,})(?![\w-])")


# 'Adres: Laat 188', 'woont op Brink 4': a street without a street word, then a number, where an address is said
_ADDRESS_CUE = re.compile(
    r"(?i:[a-z]*adres\s?:\s?|(?:woont|wonen|woonde|woonden|woonachtig|"
    r"verhuisd naar|ingeschreven) (?:op|aan) (?:de |het )?)"
    r"(?P<address>(?:[A-Z][\p{L}'’.-]*[\p{L}] )(?:(?:[A-Z][\p{L}'’.-]*[\p{L}]|van|de|der|den|het|'t|op|aan) ){0,3}"
    r"\d{1,4}(?:-?[a-zA-Z]{1,3}\b|-\d{1,3})?)(?![\w-])"
    r"(?! ?(?:jaar|jr|km|m|maanden|weken|dagen|uur|keer|x|%|procent|kinderen|personen)\b)")
_NOT_A_STREET = frozenset("Kamer Groep Nummer Afdeling Unit Verdieping Etage Locatie Paviljoen Blok Huis".split())


def addresses(text: str) -> Iterator[Finding]:
    low = text.lower()
    if "adres" in low or "woon" in low or "verhuisd" in low or "ingeschreven" in low:
        for p in positions(low, ("adres", "woon", "verhuisd naar ", "ingeschreven ")):
            start = _word_start(text, p)
            m = _ADDRESS_CUE.match(text, start) if _boundary_before(text, start) else None
            if m and m.group("address").split()[0] not in lexicon.places() and (
                    m.group("address").split()[0] not in _NOT_A_STREET):
                yield _f("address", m, "address")
    if " aan de " in low:
        for m in _HOME_ON.finditer(text):
            street = m.group("street")
            if street.islower() and _word(street):
                continue  # 'het huis aan de overkant'
            if street in lexicon.allowed_areas() or street in lexicon.places() or street in lexicon.general_proper_nouns():
                continue  # 'aan de Veluwe': a region
            if not street[0].isupper() or street.endswith(_STREET_ENDINGS) or not _word(street.split()[-1]):
                yield _f("address", m, "street")
    # 'schiedamseweg 88b' in lower case: a street word that is no ordinary word, then a house number; 'op de
    # dorpsstraat 41': a street that is also a word, where someone lives
    for d in _SPACE_DIGIT.finditer(text):
        p = d.start()
        if not text[p - 1: p].islower():
            continue
        start = _word_start(text, p)
        street = text[start:p]
        if len(street) < 6 or not street.islower() or not street.endswith(_STREET_ENDINGS):
            continue
        if not _boundary_before(text, start):
            continue
        number = _HOUSE_NUMBER.match(text, p + 1)
        if number and (not _word(street) or (street.endswith(_STRONG_ENDINGS) and text[max(0, start - 7): start]
                                             .endswith((" op de ", "aan de ")))):
            yield Finding("address", start, number.end(), text[start: number.end()])


# --- Case numbers -------------------------------------------------------------------------------------------

# 'HJ 2024 / 3381', 'ZB 2023/0412': letters, a year and a serial number with a slash between
_LETTERS_YEAR_SERIAL = re.compile(r"(?<![\w/-])[A-Z]{2,4} (?:19|20)\d{2} ?/ ?\d{3,6}(?![\w/-])")


def case_numbers(text: str) -> Iterator[Finding]:
    if "/" in text:
        for m in _LETTERS_YEAR_SERIAL.finditer(text):
            yield _f("case_number", m)


# --- Places -------------------------------------------------------------------------------------------------

# 'jongens uit de zwaluwbuurt', 'in de rivierenwijk': an informal, lower-case neighbourhood ('de woonwijk' is a word)
_AREA_BEFORE = plain_re.compile(r"(?:^|\W)(?:uit|in|naar|rond|bij|van) de $")


def places(text: str) -> Iterator[Finding]:
    for p in positions(text, ("buurt", "wijk", "kwartier")):
        end = p + (8 if text.startswith("kwartier", p) else 5 if text.startswith("buurt", p) else 4)
        if end < len(text) and text[end].isalpha():
            continue
        start = _word_start(text, p)
        area = text[start:end]
        if len(area) - (end - p) >= 3 and area.islower() and _AREA_BEFORE.search(text, max(0, start - 9), start) \
                and not _word(area):
            yield Finding("place", start, end, area)


# --- Institutions named by where, what and how they come back -------------------------------------------------
# 'locatie De Kreek', 'locatie Westergracht': a named site of a provider or school (a listed neighbourhood or town
# after 'locatie' stays a place, found by the gazetteer)
_SITE_NAME = re.compile(rf"(?:(?:De|Het|'t) )?{_CAPW}(?: {_CAPW}){{0,2}}")
_COMPASS = frozenset("Noord Oost Zuid West Midden Centrum Noordoost Noordwest Zuidoost Zuidwest".split())
# 'FC Kanaal', 'VV Rood-Wit', 'sv blauw-geel '61': a club-type abbreviation, then the club's own words
_CLUB_CAP = re.compile(r"(?<![\w-])(?:RKVV|RKSV|VV|SV|FC|AFC|HC|MHC|KV|TC|LTC|ZV|ZPC|VC|BC) "
                       rf"(?P<name>{_CAPW}(?: {_CAPW})?(?: ['’]\d\d)?)(?![\w-])")
_CLUB_LOWER = plain_re.compile(r"(?:rkvv|vv|sv|fc|hc|kv|vc) (?P<name>[a-zà-ÿ]{3,}-[a-zà-ÿ]{3,}(?: ['’]\d\d)?|"
                               r"[a-zà-ÿ]{3,} ['’]\d\d)(?![\w-])")
# 'de Mevlana moskee', 'de Bethel kerk': a name, then a house of prayer in lower case
_NAME_THEN_PRAYER = re.compile(rf"(?<![\w-])(?P<name>{_CAPW}(?: {_CAPW})?) (?:moskee|camii|kerk|gemeente|synagoge)(?![\w-])")
_PRAYER_NEEDLES = (" moskee", " kerk")
# 'Kompas & Co', 'Bakker & Partners': a firm's name before '& Co' or '& Partners'
_AND_CO = re.compile(rf"(?<![\w-])(?P<name>(?:(?:De|Het) )?{_CAPW}(?: {_CAPW}){{0,2}}) & (?:Co|Partners|Zn|Zonen)\b\.?")
# 'bouwbedrijf de graaf & zn', 'schildersbedrijf van dam': a firm after its owner's surname, in lower case
_LOWER_FIRM = plain_re.compile(r"(?<![\w-])(?P<head>[a-zà-ÿ]*bedrijf) (?P<owner>(?:van de[nr]? |van de |van |de )?"
                               r"[a-zà-ÿ]{3,})(?P<tail> & (?:zn|zonen|co)\b\.?)?")


# 'evangeliegemeente De Rots', 'Pinkstergemeente Bethel': a congregation, then its name ('Gemeente X' is a town)
_CONGREGATIONS = frozenset("""evangeliegemeente pinkstergemeente baptistengemeente geloofsgemeente kerkgemeente
volle-evangeliegemeente""".split())
_CONGREGATION_NAME = re.compile(rf"(?:(?:De|Het) )?{_CAPW}(?: {_CAPW})?")
# 'Woonkr8', 'Lijn5': a brand ending in one digit ('Covid19', 'Jeugd020' are read elsewhere)
_ONE_DIGIT_BRAND = plain_re.compile(r"[A-Z][a-z]{3,}\d(?![\w@-]|[.,]\d)")


def named_institutions(text: str) -> Iterator[Finding]:
    """Institutions named by the word before or after them: a site ('locatie De Kreek'), a club abbreviation
    ('FC Kanaal'), a house of prayer ('de Mevlana moskee'), a firm ('Kompas & Co', 'bouwbedrijf de graaf & zn')."""
    low = text.lower()
    for p in positions(low, ("locatie ",)):
        if not _boundary_before(text, p):
            continue
        m = _SITE_NAME.match(text, p + 8)
        if not m:
            continue
        name = _TRAILING_SMALL.sub("", m.group())
        own = [w for w in name.split() if w not in ("De", "Het", "'t")]
        if not own or own[0] in _COMPASS or name in lexicon.places() or _town_or_area(name) or (
                len(own) == 1 and name == own[0] and (own[0] in lexicon.first_names() or own[0].isupper())):
            continue
        yield Finding("institution", m.start(), m.start() + len(name), name)
    for p in positions(low, ("vv ", "sv ", "fc ")):  # the commonest club abbreviations only: each costs a scan
        start = _word_start(low, p)
        if not _boundary_before(text, start):
            continue
        if text[start:p + 2].islower():
            m = _CLUB_LOWER.match(text, start)
            if m:
                yield _f("institution", m)
        else:
            m = _CLUB_CAP.match(text, start)
            if m and not _town_or_area(m.group("name")):
                yield _f("institution", m)
    for p in positions(low, _PRAYER_NEEDLES):
        if p < 2 or not text[p + 1].islower():
            continue
        m = _NAME_THEN_PRAYER.search(text, max(0, p - 60), p + 12)
        if not m or m.end("name") != p:
            continue
        name = m.group("name")
        words = name.split()
        if _at_sentence_start(text, m.start()) and len(words) == 1 or any(
                _word(w) or w.endswith(("se", "sche")) or w in lexicon.general_proper_nouns() for w in words) or \
                _town_or_area(name):
            continue  # 'Turkse moskee', 'Katholieke kerk', 'de Utrechtse kerk': a kind, a town's
        yield _f("institution", m)
    for p in positions(low, ("gemeente ",)):
        start = _word_start(low, p)
        if low[start:p + 8] in _CONGREGATIONS:
            m = _CONGREGATION_NAME.match(text, p + 9)
            if m and not _town_or_area(m.group()):
                yield Finding("institution", start, m.end(), text[start:m.end()])
    for digit in "123456789":  # str.find per digit: a regular expression scan for 'letter, digit' costs 5x more
        at = text.find(digit, 1)
        while at > 0:
            if text[at - 1].islower() and not text[at + 1: at + 2].isalnum():
                start = _word_start(text, at)
                m = _ONE_DIGIT_BRAND.match(text, start)
                if m and m.end() == at + 1 and _boundary_before(text, start) and not _word(text[start:at]):
                    yield _f("institution", m)
            at = text.find(digit, at + 1)
    for p in positions(text, (" & ",)):
        m = _AND_CO.search(text, max(0, p - 80), p + 13)
        if m and m.end("name") == p and not (_at_sentence_start(text, m.start()) and _word(m.group("name"))):
            yield _f("institution", m)
    for p in positions(text, ("bedrijf ",)):
        start = _word_start(text, p)
        m = _LOWER_FIRM.match(text, start)
        if not m or len(m.group("head")) < 8:
            continue
        owner = m.group("owner").split()
        surname = " ".join(w.capitalize() for w in owner)
        if m.group("tail") or (len(owner) > 1 and (owner[-1].capitalize() in lexicon.surnames()
                                                     or surname in lexicon.surnames())):
            yield _f("institution", m)


def _town_or_area(name: str) -> bool:
    from . import gazetteer

    return (name in lexicon.places() or gazetteer.is_neighbourhood_or_town(name) or name in lexicon.allowed_areas()
            or name in lexicon.general_proper_nouns())


_ARTICLES = frozenset(("De", "Het", "'t", "The"))


def institution_follow_ups(text: str, found: list[Finding]) -> list[Finding]:
    """What a found institution brings along: its initials used later ('het CVC' after 'Cornelis Vrijman College'),
    a one-word name used again mid-sentence ('Zonnedauw' after 'leefgroep Zonnedauw'), and a second name joined to
    it by 'of' or 'en' ('… bij De Vaart of Brakenstein')."""
    institutions = [f for f in found if f.kind == "institution"]
    if not institutions:
        return []
    result = []
    taken = [(f.start, f.end) for f in found]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    keys = set()
    for f in institutions:
        name = f.text
        if " " not in name:  # 'Zonnedauw' after 'leefgroep Zonnedauw', if it comes back at all
            if len(name) >= 4 and name[:1].isupper() and not name.isupper() and text.find(name, f.end) >= 0 and \
                    name not in lexicon.first_names() and not _town_or_area(name):
                keys.add(name)
            continue
        words = [w for w in name.split() if w not in _ARTICLES]
        if len(words) >= 3 and all(w[:1].isupper() and w.isalpha() for w in words):
            keys.add("".join(w[0] for w in words))  # 'Cornelis Vrijman College' → 'CVC'
    for key in keys:
        for at in standalone(text, key, joiners_before="-_@"):
            if free(at, at + len(key)) and (key.isupper() or not _at_sentence_start(text, at)):
                result.append(Finding("institution", at, at + len(key), key))
    for f in institutions:
        if text[f.end: f.end + 4] not in (" of ", " en "):
            continue
        m = _JOINED_NAME.match(text, f.end)
        if not m:
            continue
        name = m.group("name")
        own = [w for w in name.split() if w not in _ARTICLES]
        if own and free(m.start("name"), m.end("name")) and not _person_or_town(name) and not (
                len(own) == 1 and own[0] == name and _word(name)) and not any(w.isupper() for w in own):
            result.append(_f("institution", m, "name"))
    return result


# '… De Vaart of Brakenstein', 'Lindenhout en De Hoenderloo Groep': a name joined to an institution
_JOINED_NAME = re.compile(rf" (?:of|en) (?P<name>(?:(?:De|Het) )?{_CAPW}(?: {_CAPW}){{0,2}})(?=[.,;:)\n]|$)")
