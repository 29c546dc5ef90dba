"""Named institutions without a generic word in their name: providers, youth-justice institutions, schools.

Three sources, all general rather than fitted to a text:
- data/providers.txt, a gazetteer of Dutch youth-care, ggz, LVB, JeugdzorgPlus, JJI and GI providers (Karakter,
  Lindenhout, Den Hey-Acker). A one-word entry that is also an ordinary word (Karakter, Horizon, Fier) only counts
  after a cue ('bij', 'van', 'opgenomen in'); an entry of ordinary words (De Bocht) not at a sentence start.
- the grammar of school names: 'Dr. Schaepmanschool', 'Prinses Margriet College', 'Mytylschool De Brug',
  'De Klimop-school', 'X Montessori'; and a name before 'GGZ', 'Jeugdzorg' … ('Kustlicht GGZ').
- care context: whatever is capitalised after 'in behandeling bij', 'opgenomen in', 'aangemeld bij' is an
  institution unless it is a generic care word or a place; and a name followed by a town or compass word
  after 'van', 'bij', 'naar' ('een huurwoning van Woonstede Apeldoorn') is one institution.
Generic team types, methods and national bodies live in allowlist.txt and are never listed here; the allow-list
still has the last word (detector.py drops any finding inside an allowed term).
"""

from __future__ import annotations

import re  # the standard library's engine: these scans need no variable-width look-behind
from functools import lru_cache
from typing import Iterator

from . import lexicon
from .findings import Finding
from .rules import QUALIFIERS as _QUALIFIERS
from .scanning import KeywordScan, contains_any, occurrences

_CAP = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:['’-][A-Za-zà-öø-ÿ]+)*"
# A word as the gazetteer's first words are written: 's Heeren, GGzE, Lijn5, Gezinshuis.com
_CANDIDATE = re.compile(r"(?<![\w'’&+.-])['’]?\w[^\s,;:!?()\"]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n•*#>(]|^\s*[-–])[\s\"'‘“(\[-]*$")
# What may come before a provider's name that is also an ordinary word: 'in behandeling bij Karakter'.
_CUE = re.compile(r"\b(?:bij|van|naar|in|op|via|door|vanuit|binnen|met|aan|voor|locatie|instelling|aanbieder|"
                  r"zorgaanbieder)\s+(?:de\s+|het\s+)?$", re.IGNORECASE)
_AREA_AFTER = re.compile(r" (?:Noord|Oost|Zuid|West|Midden|Centrum|Jeugd|Jong|Kind|Kinderen|Jeugdzorg|Jeugdhulp)\b")
_GENERIC_HEADS = re.compile(
    r"(?:zorg|hulp|team|teams|dienst|instelling|ziekenhuis|kliniek|afdeling|praktijk|school|opvang|groep|centrum|"
    r"loket|gemeente|politie|psychiater|psycholoog|huisarts|arts|pleeggezin|gezinshuis|leefgroep|woongroep|"
    r"behandelgroep|crisisopvang|ggz|jeugdbescherming|jeugdreclassering|raad|rechter|rechtbank|voogdij|"
    r"opname|begeleiding|behandeling|therapie|poli|polikliniek|bescherming|veiligheid|thuis)$"
)


def load() -> None:
    """Read the provider list now (the detector's start-up), not on the first check."""
    _entries()


@lru_cache(maxsize=1)
def _entries() -> dict[str, list[tuple[str, str]]]:
    """First word → [(entry, condition)], longest entry first. condition: '' always, 'cue' after a care cue,
    'mid' not at a sentence start."""
    ordinary = lexicon.ordinary_words()
    table: dict[str, list[tuple[str, str]]] = {}
    for entry in lexicon._read(lexicon.DATA / "providers.txt"):
        entry = entry.split("#", 1)[0].strip()
        if not entry:
            continue
        words = entry.split()
        plain = [w.strip("'’").lower() for w in words]
        if len(words) == 1 and (plain[0] in ordinary or len(entry) <= 3 and entry.isupper()):
            condition = "cue"  # Karakter, Horizon, VNN
        elif all(w in ordinary or w in ("de", "het", "'t", "en") for w in plain):
            condition = "mid"  # De Bocht, Sterk Huis
        else:
            condition = ""
        table.setdefault(words[0].lstrip("'’"), []).append((entry, condition))
    for options in table.values():
        options.sort(key=lambda e: len(e[0]), reverse=True)
    return table


def listed(name: str) -> bool:
    """Whether the name is an entry of the provider list ('Teylingereind', 'Lentis')."""
    return any(entry == name for entry, _condition in _entries().get(name.split(" ", 1)[0].lstrip("'’"), ()))


_PLACED_BEFORE = re.compile(r"\b(?:geplaatst|opgenomen|overgeplaatst|zit|zat|verblijft|verbleef|plaatsing|opname|"
                            r"behandeling|aangemeld|verwezen|vanuit)\s+(?:\w+\s+){0,2}(?:in|op|bij|naar|vanuit)?\s*"
                            r"(?:de\s+|het\s+)?$", re.IGNORECASE)


def placed_before(text: str, start: int) -> bool:
    """'geplaatst in de Hunnerberg', 'opgenomen op Teylingereind': a placement or care step just before start."""
    return bool(_PLACED_BEFORE.search(text, max(0, start - 40), start))


def _sentence_initial(text: str, start: int) -> bool:
    return start == 0 or bool(_SENTENCE_START.search(text[max(0, start - 12) : start]))


_DELIMITERS = frozenset(" \t\n\r\f\v,;:!?()\"")


def _starts_here(text: str, i: int) -> bool:
    """Whether a _CANDIDATE match may start at i (its look-behind and its first characters)."""
    if i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_'’&+.-"):
        return False
    c = text[i]
    return c.isalnum() or c == "_" or (c in "'’" and i + 1 < len(text) and (text[i + 1].isalnum() or text[i + 1] == "_"))


def _occurrences(text: str, words: set[str]) -> list[tuple[int, str]]:
    """Where _CANDIDATE.finditer(text) yields one of `words`, in text order, found with str.find instead of a Python
    loop over every word. A match runs to the next delimiter and starts at the first place in that run where it
    may start, so a word is a match where its run ends with it and nothing earlier in the run could start one."""
    found = []
    for at, word in occurrences(text, words):
        end = at + len(word)
        if (end == len(text) or text[end] in _DELIMITERS or text[end].isspace()) and _starts_here(text, at):
            run = at
            while run > 0 and text[run - 1] not in _DELIMITERS and not text[run - 1].isspace():
                run -= 1
            if not any(_starts_here(text, i) for i in range(run, at)):
                found.append((at, word))
    return found


def gazetteer(text: str) -> Iterator[Finding]:
    table = _entries()
    # One C-level scan for the words that start an entry (most texts hold none), then a look at those places only.
    firsts = {w for w in set(_CANDIDATE.findall(text)) if w.lstrip("'’").rstrip(".") in table}  # each word once
    if not firsts:
        return
    for start, word in _occurrences(text, firsts):
        options = table[word.lstrip("'’").rstrip(".")]
        for entry, condition in options:
            if not text.startswith(entry, start):
                continue
            end = start + len(entry)
            if end < len(text) and (text[end].isalnum() or text[end] in "-&+"):
                continue  # 'Lentisweg', 'Spirit-achtig'
            if condition == "cue" and not _CUE.search(text[max(0, start - 30) : start]):
                continue
            if condition == "mid" and _sentence_initial(text, start) and not _CUE.search(text[max(0, start - 30) : start]):
                continue
            area = _AREA_AFTER.match(text, end) or _place_after(text, end)
            if area:
                end = area.end()  # 'Buurtzorg Jong Oost', 'Lindenhout Arnhem'
            yield Finding("institution", start, end, text[start:end])
            break


class _Span:
    def __init__(self, end: int):
        self._end = end

    def end(self) -> int:
        return self._end


def _place_after(text: str, end: int):
    """' Apeldoorn' right after a name: the end of the town, if one follows."""
    m = _NEXT_CAPS.match(text, end)
    if not m:
        return None
    words = m.group().split()
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        if _is_town(candidate):
            return _Span(end + 1 + len(candidate))
    return None


_NEXT_CAPS = re.compile(rf" (?:{_CAP}|aan|den|de|op)(?: (?:{_CAP}|aan|den|de|op|IJssel))*")


def _is_town(name: str) -> bool:
    from . import gazetteer as places

    return (name in lexicon.places() or places.is_neighbourhood_or_town(name)) and name not in lexicon.allowed_areas()


def _is_region(name: str) -> bool:
    """Rijnmond, Twente, Achterhoek: a region after a name makes it a regional provider (a province does not)."""
    return name in lexicon.deduce_list("locations/lst_placename/lst_region") and name not in lexicon.PROVINCE_REGION


# --- school names ---------------------------------------------------------------------------

_SCHOOL_HEADS = r"[Ss]chool|College|Lyceum|Gymnasium|Instituut|Academie|Scholengemeenschap|Campus"
_TITLE = r"(?:Dr|Prof|Mr|Ds|Mgr|Ir|St|Sint|Pater|Broeder|Zuster|Koning|Koningin|Prins|Prinses|Graaf|Burgemeester)"
_SCHOOL_PATTERNS = [
    # Dr. Schaepmanschool, Dr. A. Schweitzer school, Prinses Margriet College, Mgr. Bekkersschool
    re.compile(rf"(?<![\w.])\b{_TITLE}\.?\s(?:[A-Z]\.\s?)*(?:(?:van|de|der|den|ter|ten)\s)*[A-Z][\w'’-]*"
               rf"(?:\s[A-Z][\w'’-]*)?(?:[- ]?(?:{_SCHOOL_HEADS})|(?<=school))"),
    # Mytylschool De Brug, Praktijkschool Het Baken, Tyltylschool Gabriël, Montessorischool Wiarda
    re.compile(rf"\b[A-Z][a-zà-ÿ]*(?:-\s?en\s[A-Z][a-zà-ÿ]*)?(?:school|college|lyceum)\s(?:(?:De|Het|'t)\s)?{_CAP}"),
    # De Klimop-school, Het Baken-college
    re.compile(rf"\b(?:De|Het|'t)\s{_CAP}-(?:school|college|School|College)\b"),
    # Wiarda Montessori, Pieter Jelles Dalton, De Vlinder Jenaplan
    re.compile(rf"\b(?:(?:De|Het|'t)\s)?{_CAP}(?:\s{_CAP})?\s(?:Montessori|Dalton|Jenaplan|Freinet|Vrije School)"
               rf"(?:school|college| School| College| Lyceum)?\b"),
]
_CONCEPTS = {"Montessori", "Dalton", "Jenaplan", "Freinet", "Vrije", "School", "school", "College", "college",
             "Lyceum", "Montessorischool", "Daltonschool"}
# 'Kustlicht GGZ', 'Zonnehof Jeugdzorg': a name before a care sector's word
_SECTOR_SUFFIX = re.compile(
    rf"\b{_CAP}\s(?:GGZ|GGz|Ggz|Jeugd-GGZ|Jeugdzorg[Pp]lus|Jeugdzorg|Jeugdhulp|Zorggroep|Kinderopvang|Jeugdbescherming|Onderwijs)\b")


# 'Lucas Reinders VSO', 'Anne Frank SBO': a (person's) name before a kind of special school
_SCHOOL_TYPE_SUFFIX = re.compile(rf"\b(?:{_CAP}\s){{1,3}}(?:VSO|SO|SBO|SBAO|ISK|PrO)\b")


# What each pattern cannot match without, checked as plain substrings (far cheaper than a scan that fails)
_SCHOOL_GATES = (
    ("chool", "College", "Lyceum", "Gymnasium", "Instituut", "Academie", "Campus"),
    ("school", "college", "lyceum"),
    ("-school", "-college", "-School", "-College"),
    ("Montessori", "Dalton", "Jenaplan", "Freinet", "Vrije School"),
)
_SECTOR_GATE = ("GGZ", "GGz", "Ggz", "Jeugdzorg", "Jeugdhulp", "Zorggroep", "Kinderopvang", "Jeugdbescherming",
                "Onderwijs")
_CARE_BEFORE_GATE = ("behandel", "in zorg", "opgenomen", "aangemeld", "geplaatst", "verwezen", "intake", "wachtlijst",
                     "begeleid", "ambulant", "terecht", "ingeschreven", "traject", "crisisplaatsing", "logeer",
                     "verblijf", "verbleef", "over naar", "over bij", "over aan", "over in", "over op", "overge", "doorgestroomd", "train", "sport", "voetbal",
                     "turnt", "zwemt", "vrijwillig", "opleiding", "studie", "studeer", "cursus", "dagbesteding",
                     "dagopvang", "naschoolse opvang")
_CARE_AFTER_GATE = ("in behandeling", "in zorg", "op de wachtlijst", "aangemeld", "opgenomen", "in begeleiding",
                    "geplaatst", "in therapie")


def _has_any(text: str, words) -> bool:
    return contains_any(text, words)


def schools_and_sectors(text: str) -> Iterator[Finding]:
    ordinary = lexicon.ordinary_words()
    for pattern, gate in zip(_SCHOOL_PATTERNS, _SCHOOL_GATES):
        if not _has_any(text, gate):
            continue
        for m in pattern.finditer(text):
            words = [w for w in re.split(r"[\s-]+", m.group()) if w]
            if pattern is _SCHOOL_PATTERNS[3]:
                words = [w for w in words if w not in _CONCEPTS]
                if all(w.lower() in ordinary or w in ("De", "Het", "'t") for w in words):
                    continue  # 'De Vrije School': a concept, not a name
            elif all(w.lower() in ordinary or w in ("De", "Het", "'t") for w in words) and not re.match(
                    r"(?:De|Het|'t)\s|" + _TITLE, m.group()):
                continue  # 'Middelbare School': words only
            yield Finding("institution", m.start(), m.end(), m.group())
    for m in (_SCHOOL_TYPE_SUFFIX.finditer(text) if "SO" in text or "SBO" in text or "ISK" in text or "PrO" in text
              else ()):
        words = m.group().split()[:-1]
        if _sentence_initial(text, m.start()) and words[0].lower() in ordinary:
            words = words[1:]
        if words and not all(w.lower() in ordinary or w.lower() in _QUALIFIERS for w in words):
            start = m.end() - len(" ".join(words + [m.group().split()[-1]]))
            yield Finding("institution", start, m.end(), text[start : m.end()])
    for m in (_SECTOR_SUFFIX.finditer(text) if _has_any(text, _SECTOR_GATE) else ()):
        head = m.group().split()[0]
        low = head.lower()
        if (head in lexicon.general_proper_nouns() or head in lexicon.allowed_areas() or low in _QUALIFIERS
                or low.endswith(("e", "sch")) or (low in ordinary and (len(low) < 7 or _sentence_initial(text, m.start())))):
            continue  # 'Specialistische GGZ', 'Gesloten Jeugdzorg', 'Limburg Jeugdzorg'
        yield Finding("institution", m.start(), m.end(), m.group())


# --- care context ---------------------------------------------------------------------------

_NAME_SEQ = (rf"(?:(?:De|Het|'t)\s)?(?:{_CAP}|[A-Z]{{2,}}[a-z]*|[a-z]+[A-Z][\w-]*)(?![\w'’-])"
             rf"(?:\s(?:{_CAP}|[A-Z]{{2,}}|en|van|de|aan)(?![\w'’-]))*")
_CARE_BEFORE = re.compile(
    rf"\b(?i:in behandeling|onder behandeling|in zorg|opgenomen|aangemeld|geplaatst|verwezen|doorverwezen|"
    rf"intake|wachtlijst|behandeld|begeleid|ambulant|dagbehandeling|terecht(?:gekomen)?|ingeschreven|"
    rf"behandeling|traject|crisisplaatsing|logeert|logeerde|verblijft|verbleef|"
    # a move between providers, a club, a workplace: 'gaat over naar …', 'traint bij …', 'vrijwilliger bij …'
    rf"over|overgedragen|overgeplaatst|overgestapt|doorgestroomd|traint|trainde|sport|sportte|voetbalt|"
    rf"voetbalde|turnt|zwemt|vrijwilliger|vrijwilligerswerk|"
    # an education or day programme: 'een opleiding bij het Albeda', 'dagbesteding bij De Schakel'
    rf"opleiding|mbo-opleiding|studie|studeert|studeerde|cursus|dagbesteding|dagopvang|naschoolse opvang)"
    rf"\s+(?i:bij|in|naar|van|door|op|aan)\s+(?:de\s+|het\s+)?(?P<name>{_NAME_SEQ})"
)
_CARE_AFTER = re.compile(
    rf"\bbij\s+(?P<name>{_NAME_SEQ})\s+(?:in behandeling|onder behandeling|in zorg|op de wachtlijst|aangemeld|"
    rf"opgenomen|in begeleiding|geplaatst|in therapie)\b"
)
# 'de behandelaar van Kompas', 'zit op Het Baken': a role or a school verb, then a capitalised name. A lone
# capitalised non-word here may be the client ('de mentor van Yohannes'), so only an article-led name, a word
# written with a capital, or a name of several words counts.
_ROLE_OF = re.compile(
    rf"\b(?i:behandelaar|regiebehandelaar|gezinsvoogd|jeugdbeschermer|medewerker|medewerkster|begeleider|"
    rf"begeleidster|mentor|psychiater|psycholoog|orthopedagoog|hulpverlener|gedragswetenschapper|zorgcoördinator|"
    rf"teamleider|directeur|directrice|intern begeleider|ib'er|docent|leerkracht|casemanager|trajectbegeleider|"
    rf"woonbegeleider|pleegzorgwerker|groepsleider|groepsleiding|ambulant begeleider|therapeut|contactpersoon|"
    rf"zorgaanbieder|aanbieder|school|locatie|collega's|collega|behandelteam|team|jongerenwerker|jongerencoach|"
    rf"gezinscoach|ambulant hulpverlener|kinderpsychiater|stagebegeleider|trainer|leidinggevende|werkgever)"
    rf"\s+(?i:van|bij|op)\s+(?:de\s+|het\s+)?"
    rf"(?P<name>{_NAME_SEQ})"
    rf"|\b(?i:zit|zat|zitten|gaat|ging|stage|stageplek|bijbaan|werkt|werkte|les|onderwijs)\s+(?i:op|naar|bij)\s+"
    rf"(?:de\s+|het\s+)?(?P<school>{_NAME_SEQ})"
)
# roles whose 'van X' is never a person: 'het behandelteam van Vlinderhof', 'de locatie van Timpaan'
_NOT_A_PERSONS = frozenset("behandelteam team zorgaanbieder aanbieder locatie school werkgever".split())
_SITS_ON = re.compile(r"(?i:zit|zat|zitten)\s+op\s")


_CARE_BEFORE_SCAN, _ROLE_OF_SCAN = KeywordScan(_CARE_BEFORE), KeywordScan(_ROLE_OF)
# 'een huurwoning van Woonstede Apeldoorn', 'bij de BMX-baan Julianadorp': a name, then a town
_NAME_THEN_TOWN = re.compile(
    rf"\b(?:van|bij|naar|met|op|via|door|school|aan)\s(?:(?:de|het)\s)?(?P<name>(?:(?:De|Het|'t)\s)?"
    rf"[A-Z][\w'’]*(?:-[\w'’]+)*(?:\s{_CAP})*)|\((?P<paren>(?:(?:De|Het|'t)\s)?{_CAP}(?:\s{_CAP})*)")


_TRAILING_SMALL = re.compile(r"(?:\s(?:en|van|de|aan))+$")


def _generic(name: str, ordinary: frozenset[str]) -> bool:
    words = [w for w in name.split() if w not in ("De", "Het", "'t", "en", "van", "de", "aan")]
    low = [w.lower() for w in words]
    if not words:
        return True
    if all(w in ordinary for w in low) and _GENERIC_HEADS.search(low[-1]):
        return True  # 'Bureau Jeugdzorg', 'Jeugdhulp', 'het Ziekenhuis'
    return name in lexicon.general_proper_nouns() or name in lexicon.allowed_areas()


_STREET_TAIL = re.compile(r"\s(?:aan|op)\s(?:de|het|den)\s[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*$")


def _cut_street(text: str, name: str, end: int) -> str:
    """'Fietsenmakerij Trapkracht aan de Ringbaan-West' before a house number: the name without its street."""
    m = _STREET_TAIL.search(name)
    if m and re.match(r"\s\d", text[end : end + 2]):
        return name[: m.start()]
    return name


def care_context(text: str) -> Iterator[Finding]:
    ordinary = lexicon.ordinary_words()
    low = text.lower()
    for pattern, gate in ((_CARE_BEFORE, _CARE_BEFORE_GATE), (_CARE_AFTER, _CARE_AFTER_GATE)):
        if not _has_any(low if pattern is _CARE_BEFORE else text, gate):
            continue
        scan = _CARE_BEFORE_SCAN.finditer(text, low) if pattern is _CARE_BEFORE else pattern.finditer(text)
        for m in scan:
            name = m.group("name")
            if not name[:1].isupper() or name.isupper() and len(name) <= 3:
                continue  # lower case after an IGNORECASE cue; 'GGZ', 'MST' belong to the allow-list
            if _generic(name, ordinary) or _is_town(name.split()[0]) or _is_town(name):
                continue  # 'opgenomen in Utrecht' is a place, found elsewhere
            if name.split()[0] in lexicon.first_names() and not name.startswith(("De ", "Het ")):
                continue  # 'woont bij Fatima' is a person
            name = _TRAILING_SMALL.sub("", name)
            yield Finding("institution", m.start("name"), m.start("name") + len(name), name)
    low = text.lower()
    for m in _ROLE_OF_SCAN.finditer(text, low):
        group = "name" if m.group("name") else "school"
        name = _TRAILING_SMALL.sub("", _cut_street(text, m.group(group), m.end(group)))
        words = name.split()
        own = [w for w in words if w not in ("De", "Het", "'t", "en", "van", "de", "aan")]
        # 'zit op de Cornelius Haga': a school named after a person ('woont bij Fatima' is the person)
        school_named = group == "school" and _SITS_ON.match(text, m.start()) and len(own) > 1
        if not own or _generic(name, ordinary) or _is_town(own[0]) or _is_town(name) or (
                own[0] in lexicon.first_names() and not school_named):
            continue
        if name.isupper() and len(name) <= 4:
            continue  # 'GGZ', 'MST', 'SBO': a type, for the allow-list and the school rules
        article = words[0] in ("De", "Het", "'t")
        owner = text[m.start() : m.start(group)].split()[0].lower() in _NOT_A_PERSONS
        if not (article or len(own) > 1 or own[0].lower() in ordinary or owner):
            continue  # a lone non-word may be a person ('de mentor van Yohannes'): proper_nouns.py reads its kind
        yield Finding("institution", m.start(group), m.start(group) + len(name), name)
    for m in _NAME_THEN_TOWN.finditer(text):
        group = "name" if m.group("name") else "paren"
        words = m.group(group).split()
        for n in range(len(words) - 1, 0, -1):
            head, town = " ".join(words[:n]), " ".join(words[n:])
            if not (_is_town(town) or _is_region(town)):
                continue
            own = [w for w in head.split() if w not in ("De", "Het", "'t", "Den")]
            if not own or _is_town(head) or own[-1] in lexicon.first_names() or own[0] in lexicon.first_names() \
                    or head in lexicon.general_proper_nouns():
                break
            start = m.start(group)
            end = start + len(head) + 1 + len(town)
            yield Finding("institution", start, end, text[start:end])
            break


# --- named by the sentence around them -------------------------------------------------------

# 'vanuit De Wissel, een SBO in …', 'Overbrugd, een kleinschalige voorziening': a name, then an apposition saying
# what kind of place it is. Each pattern is found from its rare part (the comma, the bracket, the hyphen, the kind
# word), then the name is read backwards from there: a scan for a capitalised word would try every position.
_KIND_WORD = (r"[a-z]*(?:school|opvang|instelling|aanbieder|kliniek|voorziening|vereniging|club|bedrijf|praktijk|"
              r"centrum|stichting|organisatie|inrichting|woonvorm|boerderij|gezinshuis|woongroep|leefgroep)|"
              r"sbo|so|vso|jji|SBO|SO|VSO|JJI|ISK|ggz-instelling")
_APPOSITION_TAIL = re.compile(rf",\s(?:een|de|het)\s(?:[a-z-]+\s){{0,2}}(?:{_KIND_WORD})\b")
_NAME_BEFORE_COMMA = re.compile(rf"(?P<name>(?:(?:De|Het|'t)\s)?{_CAP}(?:\s{_CAP}){{0,3}})\)?$")
# 'de school van rayan (de Wegwijzer)', 'zijn club (VV Zwaluwen)': a kind of place, then its name in brackets
_BRACKET_NAME = re.compile(
    rf"\((?P<name>(?:(?:de|het|De|Het|'t)\s)?(?:{_CAP}|[A-Z]{{2,}}[a-z]*)(?:\s{_CAP}){{0,3}})\)")
_KIND_BEFORE_BRACKET = re.compile(
    rf"\b(?:{_KIND_WORD}|werk|stage|stageplek|dagbesteding|opleiding)(?:\s(?:van|bij)\s[^\W\d_]+)?\s$")
# 'jeugdzorgplus de hunzeborg', 'crisisopvang het anker': a kind of place in lower case, an article and a word that
# is no word (the name; 'de ster' stays a word)
_LOWER_KIND_NAME = re.compile(
    r"(?:opvang|centrum|school|kliniek|instelling|jeugdzorgplus|jji|gezinshuis|woongroep|groep|boerderij|"
    r"voorziening)\s(?P<name>(?:de|het|'t)\s[a-z]{4,})\b(?![-'’])")
# 'de piet bakker school', 'transportbedrijf van vliet': a school named after a person, a firm after its owner, in
# lower case (a first name and a surname, or 'van' and a surname)
_PERSON_BEFORE_SCHOOL = re.compile(
    r"\b(?:de\s)?(?P<first>[a-z]{3,})\s(?:(?:van|de|der|den|ter)\s)*(?P<last>[a-z]{3,})[\s-]?$")
_SCHOOL_WORD = re.compile(r"(?:school|college)\b")
_FIRM_OWNER = re.compile(r"bedrijf\s(?P<first>van)\s(?:(?:de|der|den)\s)?(?P<last>[a-z]{3,})\b")
_WORD_BEFORE = re.compile(r"[a-z]*$")
# 'kwintes-jong', 'kamerz-noord': a brand in lower case, a made-up word joined to a care or compass word
_LOWER_BRAND_TAIL = re.compile(r"-(?:jong|jeugd|zorg|kids|care|groep|team|noord|oost|zuid|west)(?![\w-])")
_LOWER_HEAD = re.compile(r"(?<![\w-])[a-z]{4,}$")


def _word(low: str, ordinary: frozenset[str]) -> bool:
    """An ordinary word or a compound of two ('noodmedicatie', 'gezinshuisouder')."""
    from .proper_nouns import _ordinary_word

    return _ordinary_word(low, ordinary)


def _own_name(name: str, ordinary: frozenset[str]) -> bool:
    """A name of its own: not a generic kind, a place, a first name or, alone, an ordinary word."""
    words = [w for w in name.split() if w not in ("De", "Het", "'t", "de", "het")]
    article = len(words) < len(name.split())  # 'De Wissel', 'de Wegwijzer': an article makes a word a name
    if not words or _generic(name, ordinary) or (not article and (_is_town(name) or _is_town(words[0]))):
        return False
    if len(words) == 1 and not article and (words[0].lower() in ordinary or words[0] in lexicon.first_names()
                                            or words[0] in lexicon.general_proper_nouns()):
        return False
    return True


def _person_named(first: str, last: str) -> bool:
    person = (first.capitalize() in lexicon.first_names() or first == "van") and last.capitalize() in lexicon.surnames()
    return person and (first == "van" or first not in lexicon.common_words())


def named_by_context(text: str) -> Iterator[Finding]:
    ordinary = lexicon.ordinary_words()
    for tail in (_APPOSITION_TAIL.finditer(text) if ", " in text else ()):
        offset = max(0, tail.start() - 100)
        m = _NAME_BEFORE_COMMA.search(text, offset, tail.start())
        if not m:
            continue
        name = _TRAILING_SMALL.sub("", m.group("name"))
        if _sentence_initial(text, m.start("name")) and name.split()[0] not in ("De", "Het", "'t") and (
                name.split()[0].lower() in ordinary):
            continue  # 'Daarnaast, een school …': a sentence's first word
        if _own_name(name, ordinary) and name.split()[-1] not in lexicon.surnames():
            yield Finding("institution", m.start("name"), m.start("name") + len(name), name)
    for m in (_BRACKET_NAME.finditer(text) if "(" in text else ()):
        if _KIND_BEFORE_BRACKET.search(text, max(0, m.start() - 60), m.start()) and _own_name(m.group("name"), ordinary):
            yield Finding("institution", m.start("name"), m.end("name"), m.group("name"))
    if " de " in text or " het " in text:
        for m in _LOWER_KIND_NAME.finditer(text):
            word = m.group("name").split()[-1]
            if not _word(word, ordinary) and not _is_town(word.capitalize()) and word.capitalize() not in lexicon.first_names():
                yield Finding("institution", m.start("name"), m.end("name"), m.group("name"))
    for kind in (_SCHOOL_WORD.finditer(text) if "school" in text or "college" in text else ()):
        m = _PERSON_BEFORE_SCHOOL.search(text, max(0, kind.start() - 60), kind.start())
        if m and _person_named(m.group("first"), m.group("last")):
            yield Finding("institution", m.start(), kind.end(), text[m.start() : kind.end()])
    for m in (_FIRM_OWNER.finditer(text) if "bedrijf" in text else ()):
        if _person_named(m.group("first"), m.group("last")):
            start = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start()).start()
            yield Finding("institution", start, m.end(), text[start : m.end()])
    for tail in (_LOWER_BRAND_TAIL.finditer(text) if "-" in text else ()):
        m = _LOWER_HEAD.search(text, max(0, tail.start() - 40), tail.start())
        if not m:
            continue
        head, name = m.group(), text[m.start() : tail.end()]
        if (not _word(head, ordinary) and not _is_town(head.capitalize()) and head.capitalize() not in lexicon.first_names()
                and name not in ordinary):
            yield Finding("institution", m.start(), tail.end(), name)


# Words that say what kind of place a name is, dropped to find the name's own part: 'SO Aletta Jacobs' → 'Aletta
# Jacobs', 'Kaleidos Kind & Jeugd' → 'Kaleidos'
_KIND_PREFIX = frozenset("""de het 't so vso sbo sbao jji obs cbs pcbs rkbs ikc isk stichting zorggroep jeugdzorg
jeugdzorgplus kliniek praktijk gezinshuis zorgboerderij woongroep basisschool school scholengemeenschap kindcentrum
behandelcentrum centrum zorgcentrum woonvorm leefgroep landgoed locatie crisisgroep buurtwerk""".split())
_GENERIC_TAIL = frozenset("""jeugd zorg jeugdzorg jeugdhulp kind kinderen & en jong groep ggz kids care wonen""".split())


def later_mentions(text: str, found: list[Finding]) -> list[Finding]:
    """'Kaleidos' after 'Kaleidos Kind & Jeugd', 'Aletta Jacobs' after 'SO Aletta Jacobs': a found institution's own
    name, used alone later in the text, is the institution too."""
    institutions = [f for f in found if f.kind == "institution"]
    if not institutions:
        return []
    ordinary = lexicon.ordinary_words()
    keys = set()
    for f in institutions:
        words = f.text.split()
        while words and words[0].lower() in _KIND_PREFIX:
            words = words[1:]
        while len(words) > 1 and words[-1].lower() in _GENERIC_TAIL:
            words = words[:-1]
        if not words:
            continue
        head = words[0]
        if (len(head) >= 4 and not _word(head.lower(), ordinary) and head.capitalize() not in lexicon.first_names()
                and not _is_town(head.capitalize()) and head not in lexicon.general_proper_nouns()):
            keys.add(head)
        if len(words) > 1 and len(words) < len(f.text.split()) and words[0][:1].isupper():
            keys.add(" ".join(words))  # 'Aletta Jacobs' of 'SO Aletta Jacobs'
    result = []
    for key in keys:
        flags = re.IGNORECASE if key.islower() else 0
        for m in re.finditer(rf"(?<![\w@&-]){re.escape(key)}(?![\w@&-])", text, flags):
            if not any(f.start <= m.start() and m.end() <= f.end for f in institutions):
                result.append(Finding("institution", m.start(), m.end(), m.group()))
    return result


def institutions(text: str) -> list[Finding]:
    return [*gazetteer(text), *schools_and_sectors(text), *care_context(text), *named_by_context(text)]
