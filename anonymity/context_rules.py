"""Rules read from the context around a word: institutions by their head noun, an apposition, a care cue or an
acronym they introduce; ages in a few more grammars; addresses by where someone lives.

Each rule is gated by a cheap test (a word in the lower-cased text, a character) before its pattern runs, so a text
without the cue costs a substring test per rule.
"""

from __future__ import annotations

from typing import Iterator

import regex as re

from . import lexicon
from .findings import Finding
from .rules import _AGE_ADVERBS, _NUMW, _STREET_SUFFIX, _STREET_SUFFIX_STRONG, _SUBJECT_NOUNS

_CAPW = r"[A-ZÀ-ÖØ-Þ][\p{L}'’-]*[\p{L}\d]"  # a capitalised word (also 'SKVV', 'Kompaan-Vitree')
_NAME_WORDS = rf"(?:(?:De|Het|'t|The) )?{_CAPW}(?: (?:{_CAPW}|&|en|aan|op|van|de|der|den)(?= ))*(?: {_CAPW})?"
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n•*#>]|^\s*[-–])[\s\"'‘“(\[-]*$")


def _f(kind: str, m: re.Match, group: int | str = 0) -> Finding:
    return Finding(kind, m.start(group), m.end(group), m.group(group))


def _trim(name: str) -> str:
    return re.sub(r"(?: (?:&|en|aan|op|van|de|der|den))+$", "", name)


def _word(w: str) -> bool:
    return w.lower() in lexicon.ordinary_words()


# --- Institutions --------------------------------------------------------------------------------------------

# 'obs De Klimboom', 'cbs Het Kompas', 'IKC Zonnewijzer': a school-type abbreviation in any case, then a name
_SCHOOL_ABBREV = re.compile(
    rf"(?<![\w-])(?i:obs|cbs|pcbs|rkbs|kbs|ibs|ikc|rk bs|o\.b\.s\.|c\.b\.s\.) (?P<name>{_NAME_WORDS})")
# 'Leefgroep Anker', 'Visserij Korver', 'Autoschadeherstel Kuipers', 'Leerlab Linx', 'Selimiye Camii': heads the
# head-noun rule in rules.py does not know, before or after the name
_MORE_HEADS = r"groep|herstel|lab|erij|café|opvang|gym|kerk|moskee|gemeente|parochie|vakcollege|kraamhuis|logeerhuis"
_HEAD_FIRST = re.compile(rf"(?<![\w-])(?P<head>[A-Z][a-zà-ÿ]*(?:{_MORE_HEADS})|Café|Gym) (?P<name>(?:(?:De|Het|'t|The) )?"
                         rf"{_CAPW}(?: {_CAPW})*)")
_HEAD_AFTER = re.compile(
    rf"(?<![\w-])(?P<name>{_CAPW}(?: {_CAPW})*) (?P<head>Camii|Cami|Moskee|Mosque|Masjid|Groep|Holding|"
    rf"(?:Transport|Bouw|Techniek|Installatie|Schoonmaak|Logistiek|Diensten)(?: (?:&|en) {_CAPW})?|& Zn\.?|& Zonen)"
    rf"(?![\w-])")
_HEAD_GATE = re.compile(r"(?:" + _MORE_HEADS + r"|Café|Gym) [A-Z]|[a-z] (?:Cami|Mosk|Mosq|Masj|Groep|Hold|Transport|Bouw|"
                        r"Techniek|Installatie|Schoonmaak|Logistiek|Diensten|& Zon|& Zn)")
# lower case, informal: 'bij snackbar de smulhoek', 'naar jongerenkerk de bron', 'bij thuiszorg zonnebloem'
_LOWER_HEAD = re.compile(
    r"\b(?:bij|van|naar|op|in) (?P<name>(?:snackbar|cafetaria|kapsalon|sportschool|boksschool|kickboksschool|"
    r"jongerenkerk|kerk|moskee|thuiszorg|bakkerij|voetbalclub|voetbalvereniging|sportclub|garage|"
    r"kinderopvang|dansschool|zwemclub|hockeyclub|turnclub|boxing|gym|[a-z]{3,}(?:centrum|kliniek)) "
    r"(?:(?:de|het) )?(?P<word>[a-zà-ÿ]{3,}))\b")
_LOWER_HEAD_GATE = re.compile(r"centrum|kliniek|snackbar|cafetaria|kapsalon|school|kerk|moskee|thuiszorg|bakkerij|club|vereniging|"
                              r"garage|opvang|boxing|gym")
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
_KIND = (r"school|basisschool|schooltje|voetbalclub|sportclub|club|vereniging|kerk|moskee|werkgever|kinderopvang|"
         r"opvang|bso|kdv|crèche|zorgaanbieder|aanbieder|instelling|praktijk|behandelaar|dagbesteding|gezinshuis|"
         r"woongroep|leefgroep|voorziening|stageplek|werk|baas")
_KIND_THEN_NAME = re.compile(rf"\b(?:{_KIND})(?:, | \()(?P<name>(?:(?:De|Het) )?{_CAPW}(?: {_CAPW})*)(?=[,.;)]|$)")
# '- Tikkertje, kinderopvang voor …', 'Tikkertje (kinderopvang)': a list item opening with a name, then its kind
_NAME_THEN_KIND = re.compile(
    rf"(?m)^[ \t]*[-•*–][ \t]*(?P<name>(?:(?:De|Het) )?{_CAPW}(?: {_CAPW})*)(?:,| –| -| \() ?"
    rf"(?:een |de |het )?(?:{_KIND}|kinderdagverblijf|peuterspeelzaal|stichting)\b")
_KIND_GATE = re.compile(rf"(?:{_KIND})(?:, | \()[A-Z]|(?m:^[ \t]*[-•*–])")
# 'doorverwezen naar Kompaz', 'een overplaatsing naar Terra Firma', 'een lang traject bij Empiriq': a care step,
# then a capitalised name that is no person's or town's
_CARE_CUE = re.compile(
    rf"\b(?:doorverwezen|verwezen|doorverwijzing|overplaatsing|overgeplaatst|geplaatst|plaatsing|aangemeld|"
    rf"aanmelding|wachtlijst|traject|trajecten|behandeling|behandeld|intake|opgenomen|opname|dagbehandeling|"
    rf"begeleiding|begeleid|onderzocht|diagnostiek) (?:[a-zà-ÿ]+ ){{0,3}}?(?:bij|naar|van|door|in) "
    rf"(?:(?:daarna|toen|ook|eerst) )?(?P<name>(?:(?:De|Het) )?{_CAPW}(?: {_CAPW})?)(?![\w-])")
_CARE_GATE = re.compile(r"verwe|plaats|aangemeld|aanmelding|wachtlijst|traject|behandel|intake|opgenomen|opname|"
                        r"begeleid|onderzocht|diagnostiek")
_CARE_NEXT = re.compile(rf" (?:en|of)(?: (?:daarna|later|toen|ook|nu))? (?:bij|naar|van|door) "
                        rf"(?P<name>(?:(?:De|Het) )?{_CAPW}(?: {_CAPW})?)(?![\w-])")
# 'Gezinskracht010', 'Jeugd020': a brand with an area code or a number glued to its end
_BRAND_DIGITS = re.compile(r"(?<![\w@.-])[A-Z][a-z]{3,}\d{2,3}(?![\w@-]|\.\w)")
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


def institutions(text: str) -> Iterator[Finding]:
    low = text.lower()
    if "bs " in low or "ikc " in low or "b.s. " in low:
        for m in _SCHOOL_ABBREV.finditer(text):
            yield Finding("institution", m.start(), m.start("name") + len(_trim(m.group("name"))),
                          text[m.start(): m.start("name") + len(_trim(m.group("name")))])
    if _HEAD_GATE.search(text):
        for m in _HEAD_FIRST.finditer(text):
            name = m.group("name").split()
            if _SENTENCE_START.search(text[max(0, m.start() - 12): m.start()]) and _word(m.group("head")) and \
                    _word(name[0]) and name[0] not in ("De", "Het"):
                continue  # 'Groep 7 …', 'Opvang Jongeren' at a sentence start: words
            yield _f("institution", m)
        for m in _HEAD_AFTER.finditer(text):
            words = m.group("name").split()
            if _SENTENCE_START.search(text[max(0, m.start() - 12): m.start()]) and _word(words[0]) and len(words) == 1:
                continue
            yield _f("institution", m)
    if _LOWER_HEAD_GATE.search(low):
        for m in _LOWER_HEAD.finditer(text):
            if m.group("word") not in _NOT_A_NAME:
                yield _f("institution", m, "name")
    if "college" in low or "lyceum" in low or "gymnasium" in low:
        for m in _LOWER_COLLEGE.finditer(text):
            if not any(w in _KIND_WORDS for w in m.group("words").split()):
                yield _f("institution", m, "name")
    if _KIND_GATE.search(text):
        for pattern in (_KIND_THEN_NAME, _NAME_THEN_KIND):
            for m in pattern.finditer(text):
                name = m.group("name")
                if not _person_or_town(name) and not (len(name.split()) == 1 and _word(name) and name.isupper()):
                    yield _f("institution", m, "name")
    if _CARE_GATE.search(low):
        for m in _CARE_CUE.finditer(text):
            name = m.group("name")
            words = [w for w in name.split() if w not in ("De", "Het")]
            if not _person_or_town(name) and (len(words) > 1 or not _word(words[0])):
                yield _f("institution", m, "name")  # 'naar Terra Firma': two capitalised words mid-sentence
            # '… bij Wendbaar en daarna bij Empiriq': the next provider in the same breath
            n = _CARE_NEXT.match(text, m.end())
            if n and not _person_or_town(n.group("name")) and not _word(n.group("name").split()[-1]):
                yield _f("institution", n, "name")
    for m in _BRAND_DIGITS.finditer(text):
        yield _f("institution", m)


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

_NUM = rf"(?:\d{{1,2}}|{_NUMW})"
# (gate words in the lower-cased text, pattern with the age as group 'age')
_AGE_MORE = [
    # 'Yara Dekkers, 14 jr,' / ': 14 jr': jr after a number is a person's age
    ((" jr",), re.compile(r"(?:, |: |\()(?P<age>\d{1,2} jr\b\.?)(?! (?:geleden|lang|in|bij|werkzaam|ervaring)\b)")),
    # 'wordt volgende maand acht.', 'werd gisteren 12,': becoming a number, then the clause ends
    (("wordt", "werd"), re.compile(
        rf"(?i)\b(?:hij|zij|ze|ik|die|{_SUBJECT_NOUNS}|(?-i:[A-Z][a-zà-ÿ]+)),? (?:wordt|werd) (?:(?:{_AGE_ADVERBS}|gisteren|vorige (?:week|maand)) )*(?P<age>{_NUM}(?: jaar)?)"
        rf"(?=\s*(?:[.,;!?)\n]|$| (?:en|maar|toen)\b))")),
    # 'zijn vader is 46 die …', 'mn moeder was 19 toen …': a possessive, a parent, then the age
    (("vader", "moeder", "ouder", "oom", "tante", "opa", "oma", "partner", "vriend"), re.compile(
        rf"(?i)\b(?:mijn|mn|m'n|zijn|zn|z'n|haar|d'r|dr|hun|je|jouw) (?:[a-z]*(?:vader|moeder|ouder)|oom|tante|opa|oma|"
        rf"partner|vriend|vriendin) (?:is|was|wordt|werd) (?:(?:{_AGE_ADVERBS}) )*(?P<age>{_NUM}(?: jaar(?: oud)?)?)"
        rf"(?=\s*(?:[.,;:!?)\n]|$)| (?:en|die|maar|toen|dus|want|of|en)\b)")),
    # 'Moeder zelf was vier toen zij …': an age, then the moment it was
    (("toen",), re.compile(rf"(?i)\bwas (?:(?:pas|nog maar|net|nog) )?(?P<age>{_NUM}(?: jaar(?: oud)?)?)(?= toen\b)")),
    # 'die nu twee jaar en drie maanden is'
    (("maanden",), re.compile(rf"(?i)(?<![\w-])(?P<age>(?:{_NUM}|een) jaar en {_NUM} maanden)(?= (?:oud|is|was|werd|wordt)\b)")),
    # 'vanaf mn 16e meer mag': a written ordinal after a possessive, then a modal or 'meer'
    (("mn ", "m'n ", "mijn ", "zijn ", "zn ", "z'n ", "haar ", "dr "), re.compile(
        r"(?i)\b(?:sinds|vanaf|op|na|tot) (?:mijn|mn|m'n|zijn|zn|z'n|haar|d'r|dr) (?!18)(?P<age>\d{1,2}(?:e|de|ste))"
        r"(?= (?:meer|mag|mocht|moet|moest|kan|kon|ga|ging|gaat|wil|wilde|al|nog)\b)")),
]
# 'in groep 4 en 7', 'in groep 6 en 9 jaar': a group, then an age that fits it (not 'groep 7 en 8': two groups)
_GROUP_AGE = re.compile(r"\bgroep (?P<group>[1-8]) (?:en|,) (?:(?:is|was) (?:hij|ze|zij) |is |was )?(?P<age>\d{1,2})(?: jaar)?\b"
                        r"(?! ?(?:en|tot|-|/) ?\d)")
# 'kinderen van 3, 8 en 12 jaar': each number of the list is an age
_AGE_LIST = re.compile(rf"(?i)\b(?:twee|drie|vier|vijf|zes|\d|eigen|hun|haar|zijn|mijn|mn|onze|de) (?:kinderen|kids|zonen|dochters|broers|zussen|broertjes|zusjes|jongens|meisjes) van "
                       rf"(?P<list>{_NUM}(?:, {_NUM})* en {_NUM})(?: jaar)?\b(?! (?:tot|en)\b)")
# 'hij was acht maanden.' near a baby
_BABY_MONTHS = re.compile(rf"(?i)(?<=\b(?:hij|zij|ze) (?:was|is|werd) (?:(?:pas|nog maar|net|toen) )?){_NUM} "
                          rf"(?:weken|maanden)(?: oud)?(?=\s*(?:[.,;!?)\n]|$))")


def ages(text: str) -> Iterator[Finding]:
    low = text.lower()
    for gates, pattern in _AGE_MORE:
        if any(g in low for g in gates):
            for m in pattern.finditer(text):
                yield _f("age", m, "age")
    if "groep " in low:
        for m in _GROUP_AGE.finditer(low):
            if 3 <= int(m.group("age")) - int(m.group("group")) <= 6:
                yield Finding("age", m.start("age"), m.end(), text[m.start("age"): m.end()])
    if " van " in low and " en " in low:
        for m in _AGE_LIST.finditer(text):
            pos = m.start("list")
            for n in re.finditer(_NUM, m.group("list")):
                yield Finding("age", pos + n.start(), pos + n.end(), n.group())
    if "baby" in low or "geboren" in low:
        for m in _BABY_MONTHS.finditer(text):
            yield _f("age", m)


# --- Addresses ----------------------------------------------------------------------------------------------

# 'schiedamseweg 88b' in lower case: a street word that is no ordinary word, then a house number
_LOWER_STREET = re.compile(rf"(?<![\w-])(?P<street>[a-zà-ÿ]{{3,}}(?:{_STREET_SUFFIX})) \d{{1,4}}[a-z]?(?![\w-])")
_STRONG_END = re.compile(rf"(?:{_STREET_SUFFIX_STRONG})$")
# 'de flat aan de Karel Doormanlaan', 'woont aan de slinge': a home, then the street it is on
_HOME_ON = re.compile(
    r"\b(?:flat|woning|huis|huisje|appartement|portiekflat|flatje|bovenwoning|benedenwoning|adres|woont|wonen|"
    r"woonde|woonden|wonend|woonachtig) aan de (?P<street>(?:[A-Z][\p{L}'’-]+ )*[A-Z][\p{L}'’-]+|[a-zà-ÿ]{4,})(?![\w-])")


def addresses(text: str) -> Iterator[Finding]:
    low = text.lower()
    if " aan de " in low:
        for m in _HOME_ON.finditer(text):
            street = m.group("street")
            if street.islower() and _word(street):
                continue  # 'het huis aan de overkant'
            if street in lexicon.allowed_areas() or street in lexicon.places() or street in lexicon.general_proper_nouns():
                continue  # 'aan de Veluwe': a region
            if not street[0].isupper() or re.search(rf"(?:{_STREET_SUFFIX})$", street) or not _word(street.split()[-1]):
                yield _f("address", m, "street")
    for m in _LOWER_STREET.finditer(text):
        # 'op de dorpsstraat 41': a street that is also a word, where someone lives
        if not _word(m.group("street")) or (_STRONG_END.search(m.group("street"))
                                            and text[max(0, m.start() - 7): m.start()].endswith((" op de ", "aan de "))):
            yield _f("address", m)


# --- Case numbers -------------------------------------------------------------------------------------------

# 'HJ 2024 / 3381', 'ZB 2023/0412': letters, a year and a serial number with a slash between
_LETTERS_YEAR_SERIAL = re.compile(r"(?<![\w/-])[A-Z]{2,4} (?:19|20)\d{2} ?/ ?\d{3,6}(?![\w/-])")


def case_numbers(text: str) -> Iterator[Finding]:
    if "/" in text:
        for m in _LETTERS_YEAR_SERIAL.finditer(text):
            yield _f("case_number", m)


# --- Places -------------------------------------------------------------------------------------------------

# 'jongens uit de zwaluwbuurt', 'in de rivierenwijk': an informal, lower-case neighbourhood ('de woonwijk' is a word)
_LOWER_AREA = re.compile(r"\b(?:uit|in|naar|rond|bij|van) de (?P<area>[a-zà-ÿ]{3,}(?:buurt|wijk|kwartier))\b")


def places(text: str) -> Iterator[Finding]:
    low = text.lower()
    if "buurt" in low or "wijk" in low or "kwartier" in low:
        for m in _LOWER_AREA.finditer(text):
            if not _word(m.group("area")):
                yield _f("place", m, "area")
