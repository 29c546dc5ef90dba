"""Pattern rules for this domain, run next to deduce: ages, institutions and names in context here, identifiers with
a shape (BSN, phone, e-mail, dates, postcodes, addresses, file numbers) in formats.py; `all_rules` runs them all.

deduce's own number, date, age and contact patterns are switched off (see detector.py): these
rules replace them because case texts need other spacing variants (BSN '1234 56 782'), must keep
durations and age bands, and want the whole expression ('15 jaar oud') as the span.
"""

from __future__ import annotations

import re as plain_re  # the standard library's engine: faster for plain scans
import regex as re  # variable-width look-behind; a dependency of deduce, pinned in pyproject
from typing import Iterator

from .findings import Finding
from .scanning import KeywordScan, contains_any, positions

from .words import (AGE_ADVERBS, AGE_NUM, CAP, MONTHS, NUMBER_WORDS, NUMW, ORDINAL_WORDS, ORDW, SUBJECT_NOUNS, TUSSEN, I,
                    finding_at, is_area, is_first_name, ordinary_lower)
from .formats import CASE_KEYWORD_SCAN, NON_DIGIT, address, bsn, case_number, contact, date, phone, postcode


# --- Ages ----------------------------------------------------------------------------------

_DURATION_NOUNS = (
    r"opleiding|traject|contract|periode|project|studie|samenwerking|pilot|looptijd|behandeling|"
    r"programma|subsidie|termijn|plan|relatie|huwelijk|ervaring|jubileum|bestaan|indicatie|"
    r"beschikking|ondertoezichtstelling|machtiging|proef|verblijf|opname|aanpak|garantie"
)
# After the number: no duration, count, range or measure ('is 3 jaar in zorg', 'was 2 keer', 'is 12 tot 16').
_AGE_END = (
    rf"(?! jaar (?:geleden|lang|bezig|in|bij|onder|uit|aan|samen|getrouwd|met|op|voor|verder|later|eerder)\b)"
    rf"(?: jaar(?: oud)?)?\b(?!-)"
    rf"(?! (?:keer|x|procent|uur|minuten|dagen|weken|maanden|graden|kilo|euro|cm|meter|kinderen|jongeren|"
    rf"mensen|dingen|personen|klassen|scholen|punten|van de|van|uit|euro)\b)(?!%| %|[.,]\d)"
    rf"(?! (?:tot|en|à|of|-) ?(?:\d|{NUMW}))(?!\s?[–—]\s?\d)"  # '12–16': a range
)
_AFTER_AGE_VERBS = (r"ben|was|had|heb|zat|ging|kwam|werd|moest|woonde|mocht|begon|al|kreeg|is|heeft|stopte|"
                    r"op|in|bij|naar|uit|ik|hij|ze|zij")
_AGE_PATTERNS = [
    # 14-jarige, veertienjarige, 16-jarig (not plural 14-jarigen: a group, not a person)
    re.compile(rf"(?<![\w-]){AGE_NUM}[- ]?jarige?(?!n)\b(?!\s+(?:{_DURATION_NOUNS})\b)", I),
    # 15 jaar oud / jong
    re.compile(rf"(?<![\w-]){AGE_NUM} jaar (?:oud|jong)\b", I),
    # sinds haar 12e, vanaf zijn vijftiende (jaar)
    re.compile(
        rf"(?<=\b(?:sinds|vanaf|op|na|voor|aan|bij) (?:zijn|haar|hun|z'n|d'r) )"
        rf"(?:\d{{1,2}}(?:e|de|ste)|{ORDW})(?: (?:jaar|levensjaar|verjaardag))?\b",
        I,
    ),
    # de leeftijd van 14 (jaar), op 14-jarige leeftijd is covered above
    re.compile(rf"(?<=\bleeftijd van ){AGE_NUM}(?: jaar)?\b(?! (?:tot|en|à|-) )(?!\s?[-–—/]\s?\d)", I),
    # hij is 15 / ze was net 14 jaar / Milan was 14 (not 'is 3 jaar in zorg', 'is 12 tot 16')
    re.compile(
        rf"(?<=\b(?:hij|zij|ze|jongere|jongen|meisje|zoon|dochter|broer|zus|broertje|zusje|kind|cliënte?|[A-Z][a-z]+) "
        rf"(?:is|was|werd|wordt) (?:(?:nu|inmiddels|toen|net|bijna|pas|ruim|al) )?)"
        rf"{AGE_NUM}(?! jaar (?:geleden|lang|bezig|in|bij|onder|uit|aan|samen|getrouwd|met|op|voor|verder)\b)"
        rf"(?: jaar)?\b(?!-)"
        rf"(?! (?:keer|x|procent|uur|minuten|dagen|weken|maanden|graden|kilo|euro|cm|meter)\b)(?!%| %)"
        rf"(?! (?:tot|en|à|of|-) ?(?:\d|{NUMW}))",
    ),
    re.compile(rf"(?<=\btoen (?:hij|zij|ze) ){AGE_NUM}(?: jaar)?(?= (?:was|werd)\b)", I),
    # een meisje van 14, haar zoon van vijf jaar (not 'van 12 tot 16 jaar')
    re.compile(
        # also the compounds: 'halfbroer', 'stiefzus', 'pleegkind', 'buurjongen', 'kleindochter'
        rf"(?<=\b[a-z]*(?:jongen|meisje|jongere|kind|kindje|zoon|zoontje|dochter|dochtertje|broer|broertje|zus|zusje|"
        rf"baby|peuter|kleuter|puber|tiener|jongeman|jongedame|leerling|cliënt|cliënte|pupil|vriend|vriendin|"
        rf"vriendje|vriendinnetje|neef|neefje|nicht|nichtje|meid|meiske|knul|jochie|jongetje|ventje|gast|joch) van "
        rf"(?:(?:bijna|net|pas|nog maar|nog geen|nu|inmiddels|ruim) )?)"
        # ('een zus van 19 en een broer van 21'; not 'van 12 en ouder', 'van 12 en 16': a band)
        rf"{AGE_NUM}(?! jaar (?:geleden|lang|terug)\b)(?: jaar)?\b(?! (?:jaar )?(?:tot|à|of)\b)"
        rf"(?! (?:jaar )?en (?:ouder|jonger|\d+|{NUMW})\b)(?!-)",
        I,
    ),
    # een baby van zes weken, zeven maanden oud
    re.compile(rf"(?<=\b(?:baby|babytje|zuigeling|kindje|pasgeborene|peuter|dreumes|zoontje|dochtertje) van )"
               rf"{AGE_NUM} (?:weken|maanden|dagen)(?: oud)?\b", I),
    re.compile(rf"\b{AGE_NUM} (?:weken|maanden|dagen) oud\b", I),
    # in zijn 17e levensjaar; rond haar zestiende
    re.compile(rf"(?<=\bin (?:zijn|haar|hun|z'n|d'r) )(?:\d{{1,2}}(?:e|de|ste)|{ORDW}) levensjaar\b", I),
    re.compile(rf"(?<=\brond (?:zijn|haar|hun|z'n|d'r) )(?:\d{{1,2}}(?:e|de|ste)|{ORDW})\b", I),
    # Daan (14), Sanne (15 jaar), Mila (twee)
    re.compile(rf"(?<=[\w)] )\((?:\d{{1,2}}|{NUMW})(?: jaar| jr\.?)?\)", I),
    # The grammar of a stated age, whoever says it: 'ik ben 16', 'die is twintig', 'nu ben ik 22',
    # 'ik word trouwens 18', 'dat ik 15 ben', 'toen ik veertien was', 'vanaf mn 11', 'op mijn vijftiende'.
    re.compile(
        rf"(?<=\b(?:ik|jij|je|u|hij|zij|ze|die|{SUBJECT_NOUNS}) (?:ben|bent|is|was|word|wordt|werd)"
        rf"(?: (?:{AGE_ADVERBS}))* ){AGE_NUM}{_AGE_END}",
        I,
    ),
    re.compile(
        rf"(?<=\b(?:ben|bent|is|was|word|wordt|werd) (?:ik|jij|je|hij|zij|ze)(?: (?:{AGE_ADVERBS}))* )"
        rf"{AGE_NUM}{_AGE_END}",
        I,
    ),
    re.compile(rf"(?<=\b(?i:dat|omdat|als|toen|sinds|nu|want|terwijl|tot|die) (?:ik|jij|je|hij|zij|ze|{CAP}) |\bdie )"
               rf"(?:{AGE_NUM})(?: jaar)?(?= (?:ben|bent|is|was|werd|word|wordt)\b)"),
    re.compile(
        # not 18: 'op mijn 18e', 'na je achttiende' is the system's age of majority, said of everyone
        rf"(?<=\b(?:sinds|vanaf|op|na|voor|aan|bij|rond|met|van|tot) (?:mijn|mn|m'n|je|jouw|zijn|zn|haar|hun|z'n|d'r|dr) )"
        rf"(?!18(?:e|de|ste)?\b|achttiende\b)(?:(?:\d{{1,2}}(?:e|de|ste)|{ORDW})(?: (?:jaar|levensjaar|verjaardag))?|\d{{1,2}}(?: jaar)?)"
        rf"(?=\s*(?:[.,;:!?)\n]|$)| (?:{_AFTER_AGE_VERBS}|tot)\b)",
        I,
    ),
    # 'ben 17 en kom uit …': informal, no subject
    re.compile(rf"(?:(?<=^)|(?<=[.!?\n] ?|\n\s*))(?i:ben) {AGE_NUM}{_AGE_END}"),
    # 'leeftijd: 14' in a form
    re.compile(rf"(?<=\b(?:leeftijd|lft\.?)(?: (?:kind|jongere|cliënt|cliënte|moeder|vader))?\s?[:=]\s?){AGE_NUM}(?: jaar)?\b", I),
    # 'Ik ben Ilham, 26, en …': a bare number between commas right after a name
    re.compile(r"(?<=\b(?:ik ben|heet|naam is) [A-Z][a-z]+, )\d{1,2}(?=,)", I),
    # '… chayenne. 15 jaar, wielwijk' / 'KB 16 jaar, Bijlmer': an age opening a self-introduction
    re.compile(rf"(?:(?<=(?:^|[.!?]\s|\n))|(?<=\b[A-Z]{{2,3}} ))(?i:{AGE_NUM}) jaar(?=,)"),
    # ', 15 jaar,' as an apposition
    # 'zijn broertje, zes jaar, is …', 'Nahom, 3 jaar en 2 maanden.'
    re.compile(rf"(?<=, )(?i:{AGE_NUM}) jaar(?:(?=[,)])| en (?i:{AGE_NUM}) maanden\b)"),
    # 'is net 7 geworden', 'ben vorige week vijftien geworden': a number one becomes is an age
    re.compile(rf"(?<![\w-]){AGE_NUM}(?=(?: jaar)? geworden\b)", I),
    # 'sinds mn twaalfde niet meer', 'op haar 14e werd ze …': an ordinal after a possessive, then a function word
    # or verb (not 'op haar tweede school': a noun after it counts something else)
    re.compile(
        rf"(?<=\b(?:sinds|vanaf|op|na|voor|aan|bij|rond|met|tot|van) (?:mijn|mn|m'n|je|jouw|zijn|zn|haar|hun|z'n|d'r|dr) )"
        rf"(?!18(?:e|de|ste)?\b|achttiende\b)(?:\d{{1,2}}(?:e|de|ste)|{ORDW})"
        rf"(?= (?:niet|nooit|nog|pas|ook|weer|toch|steeds|altijd|geen|een|de|het|hij|zij|ze|ik|we|wij|jij|je|mijn|"
        rf"mn|zijn|haar|en|maar|want|omdat|toen|thuis|alleen|zelf|{_AFTER_AGE_VERBS}|mocht|wilde|kon|had|werd)\b"
        # 'sinds mn twaalfde praat ik …': a fronted phrase, so the verb and then the subject follow
        rf"| [a-zë]+ (?:ik|hij|ze|zij|we|wij|jij)\b)",
        I,
    ),
    # 'Noor uit mn klas is 16', 'de jongen van hiernaast was 12': a subject with a phrase after it
    re.compile(
        rf"(?<=\b(?:[A-Z][a-z]+|(?i:{SUBJECT_NOUNS}|vriend|vriendin|neef|nicht)) (?:uit|van|bij|in|op) "
        rf"(?:mn|mijn|m'n|de|het|haar|zijn|onze|hun|je|z'n) [a-z]+ (?:is|was|werd|wordt) (?:(?:{AGE_ADVERBS}) )*)"
        rf"{AGE_NUM}{_AGE_END}"
    ),
    # 'toen mijn dochter 12 was', 'toen haar broertje vijf werd'
    re.compile(rf"(?<=\b(?:toen|sinds|nu|als|omdat|dat) (?:mijn|mn|m'n|zijn|haar|hun|onze|z'n|d'r|je|jouw) [a-z]+ )"
               rf"{AGE_NUM}(?: jaar)?(?= (?:was|werd|is|wordt)\b)", I),
    # 'met zijn 16 jaar', 'met mn 15 jaar al op kamers'
    re.compile(rf"(?<=\bmet (?:mijn|mn|m'n|zijn|haar|z'n|d'r|je) ){AGE_NUM} jaar\b", I),
    # 'Daan, 14, zit …': a bare number between commas right after a capitalised name
    re.compile(r"(?<=\b[A-Z][a-z]+(?: [A-Z][a-z]+)?, )\d{1,2}(?=, )"),
    # 'Rohan (inmiddels 14)', '(nu 9 jaar)'
    re.compile(rf"(?<=\((?:inmiddels|nu|toen|bijna|net|pas|ruim|al|sinds kort) )(?:\d{{1,2}}|{NUMW})"
               rf"(?=(?: jaar| jr\.?)?\))", I),
    # 'mn zusje jada is bijna 15', 'mijn zoon milan is nu twaalf': a possessive, a relation, a name, then the age
    re.compile(
        rf"(?<=\b(?:mijn|mn|m'n|zijn|zn|z'n|haar|d'r|dr|onze|ons|hun|je|jouw) "
        rf"(?:{SUBJECT_NOUNS}|vriend|vriendin|neef|nicht|neefje|nichtje)(?: [\p{{L}}]{{2,}})? "
        rf"(?:is|was|wordt|werd) (?:(?:{AGE_ADVERBS}) )*){AGE_NUM}{_AGE_END}",
        I,
    ),
    # 'mn baby is nu zes weken', 'het kindje was pas drie maanden': a baby's age in weeks or months
    re.compile(
        rf"(?<=\b(?:baby|babytje|kindje|zoontje|dochtertje|zuigeling|pasgeborene|jongste)(?: [\p{{L}}]{{2,}})? "
        rf"(?:is|was|wordt|werd) (?:(?:{AGE_ADVERBS}) )*){AGE_NUM} (?:weken|maanden|dagen)(?: oud)?\b",
        I,
    ),
    # 'toen milan vijf was', 'sinds jada 12 is': a clause with a one-word subject in lower case (a name: the word is
    # checked in age() to be no ordinary word, so 'toen groep 8 was' stays)
    re.compile(rf"(?<=\b(?i:toen|sinds|nu|dat|omdat|als|tot) (?P<subject>[a-zà-ÿ]{{3,}}) )(?i:{AGE_NUM})(?: jaar)?"
               rf"(?= (?:was|werd|is|wordt)\b)"),
]
_LOWER_SUBJECT_AGE = _AGE_PATTERNS[-1]
_AGE_PATTERNS += [
    # 'De jongen, 16, zit thuis', 'Vader, 42, werkt': a bare number between commas after a person
    re.compile(rf"(?<=\b(?i:{SUBJECT_NOUNS}|vader|moeder|oom|tante|opa|oma|neef|nicht), )\d{{1,2}}(?=, )"),
    # 'Amir, nu 16, woont …'
    re.compile(rf"(?<=(?:\b[A-Z][a-zà-ÿ]+|\b(?i:{SUBJECT_NOUNS})), (?i:nu|inmiddels|bijna|net|pas|al) )"
               rf"(?i:{AGE_NUM})(?: jaar)?(?=,)"),
    # 'Mo (m, 15)', 'Sara (15, v)', 'jongere (m/15)', 'het kind (v, 6 jr)': an age next to a sex in brackets
    re.compile(r"(?<=\((?:[mvjMVJ]|man|vrouw|jongen|meisje)\s?[,/]\s?)\d{1,2}(?: jaar| jr\.?)?(?=\))"),
    re.compile(r"(?<=\()\d{1,2}(?: jaar| jr\.?)?(?=\s?[,/]\s?(?:[mvjMVJ]|man|vrouw|jongen|meisje)\))"),
    # 'Baby (3 mnd)', '(6 weken)'
    # (not 'MST (5 maanden)': after a method's or team's abbreviation it is how long that lasted)
    re.compile(r"(?<=\()(?<![A-Z]{2}[\w-]* \()\d{1,2} (?:mnd|maanden|weken|wkn|wk)\.?(?=\))"),
    # 'tienermoeder van 17', 'een vader van 19' (not 'moeder van 3 kinderen': nothing may follow but an end)
    re.compile(rf"(?<=\b[a-z]*(?:moeder|vader|ouder) van ){AGE_NUM}(?: jaar)?(?=\s*(?:[.,;:!?)\n]|$))", I),
    # 'Sanne 15 jr.', 'Joël 16 jaar,': a first name (checked in age()), then the age
    re.compile(r"(?<=\b(?P<first>[A-Z][a-zà-ÿ]+) )\d{1,2} (?:jr\.?|jaar)(?=[\s.,;:)]|$)(?! (?:geleden|lang|oud|in|bij)\b)"),
    # 'leeftijd 15,' without a colon
    re.compile(rf"(?<=\b(?i:leeftijd|lft\.?) )\d{{1,2}}{_AGE_END}"),
    # 'gaat naar groep 8 en is 11 jaar': the subject left out after 'en'
    re.compile(rf"(?<=\ben (?:is|was|werd|wordt) (?:(?:{AGE_ADVERBS}) )*)(?i:{AGE_NUM}) jaar(?: oud)?\b"
               rf"(?! (?:geleden|lang|bezig|in|bij|onder|uit|aan|samen|getrouwd|met|op|voor|verder|later|eerder)\b)"),
]
_FIRST_NAME_AGE = _AGE_PATTERNS[-3]
# The later patterns but two (those have a group read in age()) as one alternation: one match call per number
# instead of ten (the calls, not the matching, were the cost)
_COMBINED = [_AGE_PATTERNS[i] for i in (-12, -11, -9, -8, -7, -6, -5, -4, -2, -1)]
_AGE_COMBINED = re.compile("|".join(("(?i:%s)" if p.flags & re.IGNORECASE else "(?:%s)") % p.pattern for p in _COMBINED))
_AGE_PATTERNS = [p for p in _AGE_PATTERNS if all(p is not c for c in _COMBINED)] + [_AGE_COMBINED]


# Every age pattern matches at (or a fixed few characters before) a number: a digit run or a number word. Scanning
# the text once for those and trying each pattern only there is several times faster than 21 scans of the text with
# variable look-behinds. Offsets: '(14)' starts one character before its number, 'ben 17' four.
_AGE_OFFSETS = {11: (1, "("), 16: (4, "ben ")}  # pattern: (offset, the lower-case text it needs there)
_AGE_CANDIDATE = plain_re.compile(
    rf"(?<!\d)\d|(?<![^\W\d_])(?i:{ORDW}|{NUMW})"
)
# the same on lower-cased text, case-sensitive: a third faster (used when lower-casing keeps every offset)
_AGE_CANDIDATE_LOWER = plain_re.compile(rf"(?<!\d)\d|(?<![^\W\d_])(?:{ORDW}|{NUMW})")
_AGE_AT_NUMBER = [p for i, p in enumerate(_AGE_PATTERNS) if i not in _AGE_OFFSETS]
_AGE_BEFORE_NUMBER = [(_AGE_PATTERNS[i], offset, before) for i, (offset, before) in _AGE_OFFSETS.items()]
# The number words' shortest distinct beginnings ('zeven' also finds 'zeventien' and 'zevende'): str.find of 18 words
# is faster than the alternation tried at every position
_NUMBER_WORD_STARTS = tuple(sorted(w for w in {*NUMBER_WORDS, *ORDINAL_WORDS}
                                   if not any(w != q and w.startswith(q) for q in {*NUMBER_WORDS, *ORDINAL_WORDS})))
_DIGIT_START = plain_re.compile(r"(?<!\d)\d")


def _age_candidates(low: str) -> list[int]:
    """_AGE_CANDIDATE_LOWER's match starts: where a digit run or a number word (not inside a word) begins."""
    starts = [m.start() for m in _DIGIT_START.finditer(low)]
    for at in positions(low, _NUMBER_WORD_STARTS):
        before = low[at - 1] if at else ""
        if not (before.isalnum() and not before.isdecimal() and before != "_"):  # (?<![^\W\d_])
            starts.append(at)
    return sorted(starts)
# Every pattern that matches at a number as one alternation: a number none of them matches at costs one call
# instead of one per pattern. Where it matches, each pattern is tried as before (the findings do not change).
_AGE_GATE = re.compile("|".join(("(?i:%s)" if p.flags & re.IGNORECASE else "(?:%s)") % p.pattern
                                for p in _AGE_AT_NUMBER))


_LONG_NUMBER = plain_re.compile(r"\d{3}")


def age(text: str) -> Iterator[Finding]:
    low = text.lower()
    if len(low) == len(text):
        starts = _age_candidates(low)
    else:
        starts = [m.start() for m in _AGE_CANDIDATE.finditer(text)]
    if not starts:
        return
    seen = set()
    for start in starts:
        # one call decides for most numbers that no pattern matches here ('3 kinderen', '2024'); a run of three or
        # more digits needs none: every pattern reads one or two digits and then no digit ('2024', '06-…', '3511 AB')
        candidates = _AGE_AT_NUMBER if not _LONG_NUMBER.match(text, start) and _AGE_GATE.match(text, start) else ()
        for pattern in candidates:
            yield from _age_match(text, pattern, start, seen)
        for pattern, offset, before in _AGE_BEFORE_NUMBER:
            if start - offset >= 0 and text[start - offset : start].lower() == before:
                yield from _age_match(text, pattern, start - offset, seen)


def _age_match(text: str, pattern, at: int, seen: set) -> Iterator[Finding]:
    m = pattern.match(text, at)
    if not m or m.span() in seen:
        return
    if pattern is _LOWER_SUBJECT_AGE and ordinary_lower(m.group("subject")) and not (
            is_first_name(m.group("subject").capitalize())):
        return
    if pattern is _FIRST_NAME_AGE and not is_first_name(m.group("first")):
        return  # 'Stichting Horizon 25 jaar': only a person's name has an age
    seen.add(m.span())
    yield finding_at("age", text, m)


def age_value(snippet: str) -> int | None:
    """The age in years written in an age finding, if one can be read."""
    m = re.search(r"\d{1,2}", snippet)
    if m:
        return int(m.group())
    low = snippet.lower()
    for words in (ORDINAL_WORDS, NUMBER_WORDS):
        for word in sorted(words, key=len, reverse=True):
            if word in low:
                return words[word]
    return None


# --- Institutions ---------------------------------------------------------------------------

# Words that say what kind of care, not whose: 'Gesloten Jeugdzorg', 'Basis GGZ'.
QUALIFIERS = frozenset("""basis generalistisch specialistisch gesloten open ambulant residentieel klinisch forensisch
jeugd kinder volwassenen preventief intensief langdurig acuut transcultureel vrijgevestigd regulier lichte zware
tweedelijns eerstelijns derdelijns hoog top topklinisch gespecialiseerd particulier gemeentelijk regionaal landelijk
passend speciaal voortgezet primair middelbaar hoger beroeps""".split())

_INSTITUTION_TYPE_LOWER = (
    r"basisschool|school|middelbare school|kindcentrum|lyceum|college|gymnasium|scholengemeenschap|"
    r"praktijkschool|kinderdagverblijf|peuterspeelzaal|buitenschoolse opvang|ziekenhuis|kliniek|"
    r"zorgboerderij|stichting|jeugdzorgaanbieder|zorgaanbieder|ggz-instelling|instelling|woongroep|"
    r"gezinshuis|behandelgroep|internaat|sportvereniging|voetbalvereniging|vereniging|moskee|kerk|"
    r"zorggroep|praktijk|huisartsenpraktijk|jeugdinrichting|behandelcentrum|leefgroep|dagbesteding"
)
_INSTITUTION_TYPE_CAP = (
    r"OBS|CBS|PCBS|RKBS|IKC|SBO|SO|VSO|ROC|KDV|BSO|Stichting|Zorggroep|Jeugdzorg|GGZ|Ggz|Kinderdagverblijf|"
    r"Basisschool|Ziekenhuis|Kliniek|Praktijk|Gezinshuis|Zorgboerderij|Woongroep|Scholengemeenschap|"
    r"Sportvereniging|Voetbalvereniging|Vereniging|Kindcentrum|Jeugdinrichting|Behandelcentrum|"
    r"JJI|ISK|Huize|Mavo|Havo|Vmbo|Vwo|Sportschool|Kinderpraktijk|Huisartsenpraktijk|Werkplaats|Autobedrijf|VV|SV|"
    r"Zorgcentrum|Centrum|Jeugdbescherming|Jeugdreclassering|Gezinshuis|Dagbesteding|Kringloop|Groothandel|"
    r"Kinderopvang|Peuterspeelzaal|Wooncentrum|Woonvoorziening|Logeerhuis|Zorgboerderij"
)
_INSTITUTION_SUFFIX = (
    r"College|Lyceum|Gymnasium|Ziekenhuis|Kliniek|Jeugdzorg|Zorggroep|Zorg|Groep|Academie|School|"
    r"Instituut|Centrum|Huis|Kindcentrum|Scholengemeenschap|Jeugdhulp|Opvoedpoli|Kinderpraktijk|Jeugd|Vakschool|"
    r"Praktijk|Praktijken|Centra|Groepen"
)
_WEAK_SUFFIXES = {"Jeugd", "Zorg", "Groep", "Centrum", "Huis", "Jeugdhulp", "Jeugdzorg"}
_NAME_SEQ = rf"(?:(?:De|Het|'t|Den) )?{CAP}(?: (?:{CAP}|aan|op|van|de|der|den|en|het)(?=[ .,;:!?)]|$))*"
_INSTITUTIONS = [
    re.compile(rf"(?<=\b(?:{_INSTITUTION_TYPE_LOWER}) ){_NAME_SEQ}"),
    re.compile(rf"\b(?:{_INSTITUTION_TYPE_CAP}) {_NAME_SEQ}"),
    re.compile(rf"(?:(?:{CAP}|[A-Z]{{2,}}) )+(?:{_INSTITUTION_SUFFIX})\b"),
    # 'Daltoncollege'; not 'Respijtzorg' or 'Jeugdhulp': those compounds are generic.
    re.compile(r"\b[A-Z][a-zà-ÿ]+(?:college|lyceum|gymnasium)\b"),
]
# 'werkt sinds kort bij Albert Heijn', 'werkt parttime bij de HEMA': the cue word found by a plain scan first, the
# name read after it (a look-behind over the whole text was the slowest part of the institution rules)
_EMPLOYER_CUE = plain_re.compile(
    r"\b(?:werkt|werkte|werken|werkten|stage|stageplek|stageplaats|bijbaan|bijbaantje|baan|baantje|vakantiewerk|"
    r"vakantiebaan|vakantiebaantje|leerwerkplek|werkplek|werkervaringsplek|solliciteerde|solliciteert|vakkenvuller) ")
_EMPLOYER = re.compile(
    r"(?:(?:sinds kort|nu|al|inmiddels|tijdelijk|parttime|fulltime|ook|nog|weer|daar|twee dagen|drie dagen) )?"
    rf"(?:bij|in|op) (?:de |het )?(?P<name>(?:{CAP}|[A-Z]{{4,}})(?: {CAP})*)"
)


def _employers(text: str):
    end = 0
    for cue in _EMPLOYER_CUE.finditer(text):
        m = _EMPLOYER.match(text, cue.end())
        if m and m.start("name") >= end:
            end = m.end()
            yield m


# 'juf Annelies van De Tweemaster': a capitalised article starts a proper name mid-sentence.
_ARTICLE_NAME = re.compile(rf"(?<=\b(?:van|bij|op|naar|in|via) )(?:De|Het|'t) {CAP}(?: {CAP})*")
_TRAILING_SMALL = re.compile(r"(?: (?:aan|op|van|de|der|den|en|het))+$")


# 'Zorgcentrum De Lindehof', 'Bakkerij Kroes', 'Groepswonen Jekerdal', 'Jongerencentrum The Spot': a capitalised
# kind of place or business, then its own name.
_HEADS = (
    r"centrum|huis|school|zorg|wonen|voorziening|stichting|bar|bakkerij|maker|winkel|bedrijf|praktijk|kliniek|"
    r"opvang|club|vereniging|werkplaats|atelier|kantoor|garage|hal|baan|punt|haven|boerderij|kerk|moskee|"
    r"restaurant|supermarkt|markt|zaak|salon|studio|theater|bibliotheek|hotel|camping|fabriek|kwekerij|"
    r"voorziening|dagbesteding|begeleiding|hulp|therapie|poli|instituut|academie|lyceum|college|taxi|pizzeria|"
    r"snackbar|cafetaria|apotheek|drukkerij|slagerij|bouw|transport|installatie|"
    # 'Woonvorm Het Gulden Vlies', 'Landgoed Heideweelde', 'Buurtwerk De Wissel'
    r"woonvorm|landgoed|buurtwerk|jongerenwerk"
)
_HEAD_WORDS = frozenset(_HEADS.split("|"))
_HEADS_CAP = "|".join(sorted({h.capitalize() for h in _HEADS.split("|")}))
_HEAD_NAME = re.compile(
    rf"(?<![\w-])(?:[A-Z][a-zà-ÿ]*(?:-[a-zà-ÿ]+)?(?:{_HEADS})|(?:{_HEADS_CAP})) (?:(?:De|Het|'t|The|Den|Van|Op|In) )?"
    rf"(?:[A-Z][\p{{L}}'’-]+|\d+)(?: [A-Z][\p{{L}}'’-]+)*"
)
# _HEAD_NAME tried only where a lower-case letter, a space and a capital, digit or quote meet (a word's end before a
# name) and the word there ends like a head: one cheap scan instead of a look-behind at every position.
_HEAD_GATE = plain_re.compile(r"[a-zà-ÿ] [A-Z\d']")
_HEAD_ENDINGS = tuple(_HEAD_WORDS)
_WORD_BACK = plain_re.compile(r"[A-Za-zà-ÿ-]*$")


def _head_names(text: str):
    """_HEAD_NAME.finditer(text), the same matches: every match has a head word before ' ' and a capital or digit."""
    pos = 0
    for gate in _HEAD_GATE.finditer(text):
        end = gate.start() + 1
        if end <= pos:
            continue
        start = _WORD_BACK.search(text, max(pos, end - 40), end).start()
        if not text[start : start + 1].isupper() or not text[start:end].lower().endswith(_HEAD_ENDINGS):
            continue
        m = _HEAD_NAME.match(text, start)
        if m:
            pos = m.end()
            yield m


# 'crisisopvang Het Kantelpunt', 'de woongroep De Linde': an article names the place after a care word
_CARE_ARTICLE = re.compile(
    rf"(?<=\b[a-zà-ÿ]*(?:opvang|zorg|groep|school|centrum|huis|kliniek|instelling|voorziening|aanbieder|"
    rf"plaatsing|afdeling|woning|boerderij) )(?:De|Het|'t) {CAP}(?: {CAP})*"
)
# Timorschool, De Rivierenschool, Wadden-Vlietschool: a school's own name (not 'Basisschool': a word)
_NAMED_SCHOOL = re.compile(r"(?<![\w-])(?:(?:De|Het) )?[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)*school\b")
# JIJ&CO, Buddy2Buddy, 4Kids: letters joined by & or a digit
# 'Buurtzorg-Jong', 'Kids-Care', 'Zorgpunt-Oost': a hyphenated brand with a care word on one side (not a double
# surname like 'Smits-Aydın', not 'Noord-Holland': neither side is a care word)
_BRAND_COMPOUND = plain_re.compile(
    r"(?<![\w-])(?:[A-Z][a-zà-ÿ]*(?:zorg|groep|huis|hulp|care|punt|kids|jeugd|team)-[A-Z][a-zà-ÿ]+"
    r"|[A-Z][a-zà-ÿ]+-(?:Zorg|Groep|Huis|Hulp|Care|Kids|Jeugd|Jong|Team|Support|Family|Youth)(?:zorg|groep)?)(?![\w-])"
)
_BRAND_TOKEN = plain_re.compile(r"(?<![\w@.])(?:[A-Za-z]+&[A-Za-z]+|[A-Z][a-z]+\d[A-Z][a-z]+)(?: [A-Z][a-zà-ÿ]+)?(?![\w@])")


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n•*#>(]|^\s*[-–])[\s\"'‘“(\[-]*$")
# 'TeamKracht4Jeugd', 'Z@ngst Zorg', 'YOUnited Jeugd': a brand written with a digit or '@' inside a word, or a run of
# capitals running into lower case (read in institution(): no ordinary word, no e-mail address)
_BRAND_ODD = plain_re.compile(
    r"(?<![\w@.])(?P<word>[A-Za-z]{2,}\d{1,2}[A-Za-z]{2,}|[A-Za-z]+@[A-Za-z]{2,}(?![.\w])|[A-Z]{2,}[a-z]{4,})(?![\w@])"
    r"(?: (?:Jeugd|Zorg|Jeugdzorg|Jeugdhulp|Kids|Care|Groep|Wonen|Jong))?")
# the rare character of each shape first (a capital, a digit, '@'), then the word around it
_BRAND_ODD_GATES = (plain_re.compile(r"[A-Z][A-Z][a-z]"), plain_re.compile(r"[\d@][A-Za-z]"))  # two scans: faster
_WORD_START = plain_re.compile(r"[A-Za-z\d@]*$")




# A cheap scan (the standard library's engine, no look-behind) for what each pattern cannot match without: most
# texts hold no 'werkt bij', no '&', no school word, and the look-behind scans are the slow part of the check.
_ARTICLE_GATE = plain_re.compile(r"(?:De|Het|'t) [A-ZÀ-ÖØ-Þ]")
# (Long alternations make poor gates: the standard library tries every branch at every position.)
_BRAND_GATE = plain_re.compile(r"[a-z]\d[A-Z]")
_SUFFIX_STARTS = tuple(w for w in _INSTITUTION_SUFFIX.split("|")
                       if not any(w != q and w.startswith(q) for q in _INSTITUTION_SUFFIX.split("|")))
_GATES = {
    0: lambda text: True,
    1: lambda text: True,
    2: lambda text: contains_any(text, _SUFFIX_STARTS),  # the match ends in one of them
    3: lambda text: "college" in text or "lyceum" in text or "gymnasium" in text,
}


def institution(text: str, surnames: frozenset[str] = frozenset()) -> Iterator[Finding]:
    article = bool(_ARTICLE_GATE.search(text))
    for m in _head_names(text):
        head, rest = m.group().split(" ", 1)
        first = rest.split()[0]
        if head.lower() in _HEAD_WORDS and (first[0].isdigit() or _SENTENCE_START.search(
                text[max(0, m.start() - 12) : m.start()]) or m.start() == 0):
            continue  # 'Hulp 24/7', 'Opvang Nederland' at a sentence start: a word, not a name
        if (first in ("De", "Het", "'t", "The", "Den", "Van", "Op", "In") or not ordinary_lower(first)
                or first[0].isdigit() or not ordinary_lower(head)
                # 'bij de Bakkerij Kroes': a capitalised kind of business mid-sentence, then a capitalised word
                or (len(head) > 4 and not _SENTENCE_START.search(text[max(0, m.start() - 12) : m.start()])
                    and m.start() > 0)):
            yield finding_at("institution", text, m)
    for pattern, wanted in ((_CARE_ARTICLE, article), (_BRAND_TOKEN, "&" in text or bool(_BRAND_GATE.search(text))),
                            (_BRAND_COMPOUND, "-" in text)):
        for m in (pattern.finditer(text) if wanted else ()):
            yield finding_at("institution", text, m)
    tried = set()
    capitals, inside = _BRAND_ODD_GATES
    for gate in [*capitals.finditer(text), *inside.finditer(text)]:
        if gate.re is inside and (gate.start() == 0 or not text[gate.start() - 1].isalpha()):
            continue  # a digit or '@' must stand inside a word ('2e', '3x' are no brand)
        start = _WORD_START.search(text, max(0, gate.start() - 30), gate.start()).start()
        if start in tried:
            continue
        tried.add(start)
        m = _BRAND_ODD.match(text, start)
        if not m:
            continue
        word = m.group("word")
        if word.startswith("IJ") and not word[2:3].isupper():
            continue  # 'IJssel', 'IJmuiden': IJ is one capital letter in Dutch
        tail = word.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if word[1].isupper() else ""
        run = word[: len(word) - len(tail)]
        if ordinary_lower(word) or (tail and (len(run) > 4 or ordinary_lower(tail) and not ordinary_lower(run))):
            continue  # 'GGDrapport', 'ADHDers': an abbreviation glued to a word (not 'MEERkracht')
        yield finding_at("institution", text, m)
    for m in (_NAMED_SCHOOL.finditer(text) if "school" in text else ()):
        word = m.group().split()[-1]
        if not all(ordinary_lower(p) for p in word.split("-")):
            yield finding_at("institution", text, m)
    for index, pattern in enumerate(_INSTITUTIONS):
        if not _GATES[index](text):
            continue
        for m in pattern.finditer(text):
            span = _TRAILING_SMALL.sub("", m.group())
            if pattern is _INSTITUTIONS[2] and all(w.lower() in QUALIFIERS or w.lower().endswith(("e", "sch"))
                                                   for w in span.split()[:-1]):
                continue  # 'Gesloten Jeugdzorg', 'Specialistische Jeugdhulp': a kind of care
            if pattern is _INSTITUTIONS[2] and span.split()[-1] in _WEAK_SUFFIXES and all(
                    ordinary_lower(w) and not is_area(w) for w in span.split()[:-1]):
                continue  # 'Afdeling Jeugd', 'Team Jeugd', 'Sector Zorg': a department, not a name
            yield Finding("institution", m.start(), m.start() + len(span), span)
    for m in _employers(text):
        span = _TRAILING_SMALL.sub("", m.group("name"))
        yield Finding("institution", m.start("name"), m.start("name") + len(span), span)
    for m in (_ARTICLE_NAME.finditer(text) if article else ()):
        if m.group().split(" ", 1)[1] not in surnames:  # 'bij De Groot' is a person
            yield finding_at("institution", text, m)


# --- Names in context ----------------------------------------------------------------------

ROLE_WORDS = (
    r"moeder|vader|mama|papa|mam|pap|pleegmoeder|pleegvader|pleegouder|stiefvader|stiefmoeder|"
    r"broer|broertje|zus|zusje|zoon|zoontje|dochter|dochtertje|opa|oma|tante|oom|neef|nicht|"
    r"vriend|vriendin|vriendje|vriendinnetje|mentor|juf|meester|jongere|cliënt|cliënte|jongen|meisje|"
    r"buurman|buurvrouw|partner|ex|ex-partner|hulpverlener|casemanager|jeugdbeschermer|gezinsvoogd|"
    r"behandelaar|psychiater|psycholoog|orthopedagoog|huisarts|docent|leerkracht|coach|"
    r"mevrouw|meneer|mevr\.|mw\.|dhr\.|de heer|collega|stagiair|stagiaire|baby|kind|pupil"
)
_NAME_AFTER_ROLE = re.compile(  # a space, not a line break: 'jongere\nOuders stopten' is a heading, then a sentence
    rf"(?<=\b(?:{ROLE_WORDS})[ \t])(?P<name>{CAP}(?:[ -](?:{TUSSEN}\s)?{CAP})*)"
)
_NAME_BEFORE_AGE = re.compile(rf"(?P<name>{CAP}(?: {CAP})?)(?= \(\d{{1,2}}(?: jaar| jr\.?)?\))")
_NICKNAME = re.compile(
    rf"\b(?i:bijnaam|roepnaam|koosnaam|genaamd|noemt (?:hem|haar|zich|zichzelf)|noemen (?:hem|haar)|"
    rf"noemde (?:hem|haar|zich)|noemden (?:hem|haar)|heet|heette|alias|luistert naar de naam)"
    rf"(?:,)?(?:\s+(?:is|was|werd|wordt|luidt|luidde))?\s+['\"‘“]?(?P<name>{CAP}(?: {CAP})?)['\"’”]?",
)
_QUOTED_NICK = re.compile(rf"['\"‘“](?P<name>{CAP})['\"’”](?= (?:genoemd|noemde|noemen|noemt|zoals)\b)")
_NICKNAME_QUOTED = re.compile(
    rf"\b(?i:bijnaam|roepnaam|koosnaam|genoemd|noemen|noemde|noemden|noemt)[^.'\"‘“]{{0,40}}['\"‘“](?P<name>{CAP})['\"’”]",
)
_INITIALS = re.compile(rf"(?<![\w.])(?:[A-Z]\.\s?){{1,4}}(?:{TUSSEN}\s)*{CAP}")
_INITIALS_NOT = re.compile(r"^(?:N\.B\.|P\.S\.|A\.U\.B\.|T\.A\.V\.|I\.P\.V\.|O\.A\.|Z\.S\.M\.)", I)
_VERB_AFTER_NAME = re.compile(
    rf"(?<=[a-z,;] )(?<!['’]s )(?P<name>{CAP})(?= (?:zegt|zei|vertelt|vertelde|vindt|vond|wil|wilde|woont|woonde|"
    rf"belt|belde|schreef|schrijft|voelt|voelde|antwoordt|antwoordde|huilde|lachte|kreeg|krijgt|liep|"
    rf"rende|sliep|slaapt|weigerde|weigert|mocht|mag|durfde|durft)\b)"
)


_NICKNAME_SCAN, _NICKNAME_QUOTED_SCAN = KeywordScan(_NICKNAME), KeywordScan(_NICKNAME_QUOTED)


def names(text: str, common: frozenset[str]) -> Iterator[Finding]:
    for pattern in (_NAME_AFTER_ROLE, _NAME_BEFORE_AGE, _NICKNAME_SCAN, _NICKNAME_QUOTED_SCAN, _QUOTED_NICK,
                    _VERB_AFTER_NAME):
        for m in pattern.finditer(text):
            first = m.group("name").split()[0]
            if first.lower() in common:
                continue
            yield finding_at("name", text, m, "name")
    for m in _INITIALS.finditer(text):
        if not _INITIALS_NOT.match(m.group()) and m.group().split()[-1].lower() not in common:
            yield finding_at("name", text, m)


def all_rules(text: str, common: frozenset[str], surnames: frozenset[str] = frozenset()) -> list[Finding]:
    found: list[Finding] = []
    for rule in (bsn, phone, contact, date, age, postcode, address, case_number):
        found.extend(rule(text))
    found.extend(institution(text, surnames))
    found.extend(names(text, common))
    # '05-03-2025 14:30': a date and a time have a phone number's ten digits; what starts as a date is one
    dates = [f for f in found if f.kind == "date"]
    if dates:
        found = [f for f in found if not (f.kind == "phone" and any(
            d.start <= f.start < d.end and text[d.end : d.end + 1].isspace()
            and len(NON_DIGIT.sub("", text[d.end : f.end])) <= 4 for d in dates))]
    # 'NL91 ABNA 0417 1643 00': the digits of an account or a ruling's number hold a phone number's shape
    accounts = [f for f in found if f.kind == "case_number" and f.text[:2].isalpha()]
    if accounts:
        found = [f for f in found if not (f.kind == "phone" and any(
            a.start < f.start and f.end <= a.end for a in accounts))]
    # 'Parketnummer: 03/882154-22' has a phone number's digits; the keyword says what it is.
    cases = [m.span("id") for m in CASE_KEYWORD_SCAN.finditer(text)] if any(f.kind == "phone" for f in found) else []
    cases = [Finding("case_number", a, b, "") for a, b in cases]
    if cases:
        found = [f for f in found if not (f.kind == "phone" and any(c.start <= f.start and f.end <= c.end for c in cases))]
    # 'Van Hogendorplaan 1201-III', '5037-PD Tilburg', 'Javaplein 14-3': a house number with its addition or a
    # postcode, not a file number or a date
    held = [f for f in found if f.kind in ("address", "postcode")]
    if held:
        found = [f for f in found if not (f.kind == "date" and any(
            h.kind == "address" and h.start <= f.start < h.end for h in held))]
        found = [f for f in found if not (f.kind == "case_number" and any(
            h.start <= f.start < h.end or (h.kind == "postcode" and h.start < f.end <= h.end) for h in held))]
    return found
