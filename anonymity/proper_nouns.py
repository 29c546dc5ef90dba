"""Capitalised words that are no ordinary word: the general sign of a name, place or institution.

Cue-based rules ('moeder X', 'woont in X') only catch what they were written for. This rule needs no cue: in
the middle of a sentence a Dutch text capitalises proper nouns, so a capitalised word that is no ordinary Dutch
or English word (Debian's wdutch and wamerican lists, lower-case entries) and not a general proper noun
(nationalities, languages, holidays: data/general_proper_nouns.txt) is taken for an identifier — whether wdutch
knows it as a proper noun (Kanaleneiland, Yilmaz) or nobody does (Yohannes, Youké). At a sentence start every
word is capitalised, so there it needs more: being no word at all, or a verb or a bracketed number after it.

Its kind is read from the words before it: a place after 'in', 'uit', 'wijk' …, an institution after 'bij',
'op', 'school' … or when it is written like a brand (JeugdPunt, Kids-Care); otherwise a name.
"""

from __future__ import annotations

import re as plain_re  # the standard library's engine: faster for these plain scans
import unicodedata
from typing import Iterator

import regex as re

from . import lexicon
from .findings import Finding

_TOKEN = re.compile(r"(?<![\w@./-])[A-ZÀ-ÖØ-Þ][\p{L}]*(?:['’-][\p{L}]+)*(?![\w@])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n•*#>]|^\s*[-–])[\s\"'‘“(\[-]*$")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|uit|naar|te|rond|nabij|vanuit|wijk|buurt|stadsdeel|dorp|woont|woonde|wonen|verhuisd|verhuisde|"
    r"verhuizen|opgegroeid|geboren|richting|omgeving|gemeente)\s+(?:de\s+(?:wijk|buurt)\s+)?$",
    re.IGNORECASE,
)
_INSTITUTION_BEFORE = re.compile(
    r"\b(?:op|school|instelling|aanbieder|zorgaanbieder|stichting|kliniek|opgenomen in|"
    r"groep|locatie|(?:werkt|werkte|stage|bijbaan) bij|"
    r"(?:behandeling|traject|therapie|begeleiding|hulp|zorg|opname|wachtlijst|intake|aangemeld|terecht|"
    r"onder behandeling|in zorg|geplaatst|verwezen|gestart|ingeschreven) (?:bij|van|naar|in|op))"
    r"\s+(?:de\s+|het\s+)?$",
    re.IGNORECASE,
)
# A word formed like a provider's name: Psyzorg, Kidszorg, Jeugdpunt (the word list does not know it).
_PROVIDER_ENDING = re.compile(r"(?:zorg|care|jeugd|punt|centrum|kliniek|school|huis|groep|hulp|poli|plein)$")
_VERB_AFTER = plain_re.compile(
    r"\s+(?:(?:zegt|zei|vertelt|vertelde|wil|wilde|woont|woonde|liep|loopt|belde|belt|kwam|komt|ging|gaat|"
    r"schreef|kreeg|krijgt|huilde|lachte|weigerde|weigert|durfde|durft|is|was|had|heeft|zit|zat|moest|moet|"
    r"kan|kon|mag|mocht|vindt|vond|wordt|werd|voelt|voelde|en|appte|appt|vroeg|vraagt|sliep|slaapt|speelt|speelde|"
    r"bleef|blijft|miste|mist|hoorde|hoort|zag|ziet|vertrok|rende|stuurde|stuurt|koos|kiest|"
    r"z'n|zn|d'r)\b|\(\d|,\s)"
)
_SPEECH_AFTER = re.compile(r"\s+(?:zegt|zei|vertelt|vertelde|vindt|vond|wil|wilde|belde|belt|schreef|schrijft|"
                           r"appte|appt|huilde|lachte|antwoordde|vroeg|vraagt)\b")
_ARTICLE_BEFORE = re.compile(r"\b(?:de|het|een|De|Het|Een)\s+$")
_GENITIVE = re.compile(r"['’]s\s$")
_BRAND = plain_re.compile(r"[a-zà-ÿ][A-Z]|-[A-Z]")  # JeugdPunt, Kids-Care
_CAMEL = re.compile(r"[a-zà-ÿ][A-Z][a-zà-ÿ]")
_HYPHENATED_NAME = re.compile(r"[A-Z][a-zà-ÿ]+-[A-Z][a-zà-ÿ]+")


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# Abstract nouns and adjectives by their ending (Suïcidaliteit, Loyaliteit, Traumasensitiviteit): no name ends so.
_WORD_ENDING = re.compile(r"(?:iteit|heid|heden|isme|ismen|atie|aties|logie|schap|schappen|ieve|ische|baarheid)$")


_DOUBLE_VOWEL = re.compile(r"([aeou])\1([^aeiou])$")
_PARTS = re.compile(r"['’-]")


def _verb_form(low: str, ordinary: frozenset[str]) -> bool:
    """'Anonimiseer', 'Evalueer': an imperative or stem whose infinitive is a word (anonimiseren)."""
    stem = _DOUBLE_VOWEL.sub(r"\1\2", low)
    return any(form in ordinary for form in (low + "en", stem + "en", low[:-1] + "ven" if low.endswith("f") else "",
                                             low[:-1] + "zen" if low.endswith("s") else ""))


_BRITISH = ((plain_re.compile(r"our(?=(?:s|ed|ing|al|ally|ite|ites)?$)"), "or"),
            (plain_re.compile(r"is(?=(?:e|es|ed|ing|ation|ations)$)"), "iz"))


def _ordinary_word(low: str, ordinary: frozenset[str], compounds: bool = True) -> bool:
    if low in ordinary or _fold(low) in ordinary:
        return True
    # 'Behavioural', 'Organisation': British spelling of a word wamerican lists in its American form
    if ("our" in low or "is" in low) and any(p.search(low) and p.sub(r, low) in ordinary for p, r in _BRITISH):
        return True
    if len(low) >= 8 and (_WORD_ENDING.search(low) or _verb_form(low, ordinary)):
        return True
    if not compounds:
        return False
    # A compound of two ordinary words (oudergeweld, jeugdhulpverleenster: wdutch does not list every compound).
    if len(low) < 8:
        return False  # 'kar' + 'velo': a short word read as a compound is more often a name (Karvelo)
    for i in range(3, len(low) - 2):
        head, tail = low[:i], low[i:]
        if tail in ordinary and (head in ordinary or (head.endswith("s") and head[:-1] in ordinary)):
            return True
    if len(low) >= 14:
        # of three Dutch words ('jongeren' + 'perspectief' + 'plan', 'veiligheids' + 'plan' + 'bespreking'): a long
        # word is only so rarely a name, each part of four letters or more (English parts make brand names:
        # Streetcornerwork)
        ordinary = lexicon.dutch_words()
        for i in range(4, len(low) - 7):
            head, tail = low[:i], low[i:]
            if (head in ordinary or (head.endswith("s") and head[:-1] in ordinary)) and _two_words(tail, ordinary):
                return True
    return False


def _two_words(low: str, ordinary: frozenset[str]) -> bool:
    for i in range(4, len(low) - 3):
        head, tail = low[:i], low[i:]
        if tail in ordinary and (head in ordinary or (head.endswith("s") and head[:-1] in ordinary)):
            return True
    return False


_NOUN_TAIL = plain_re.compile(r"(?<=[\w])-([a-zà-ÿ]{4,})$")


def _common_noun_compound(token: str, ordinary: frozenset[str]) -> bool:
    """'Wajong-toets', 'WW-uitkering', 'Cito-toetsen', 'Justitia-rapport': a thing named after something, written
    with a lower-case ordinary noun after the hyphen. A person or a place is not compounded so ('Yilmaz-de Bruin' has
    a short particle; 'Sittard-centrum' has a town before it)."""
    m = _NOUN_TAIL.search(token)
    if not m or m.group(1) not in ordinary or _CAMEL.search(token):
        return False
    head = token[: m.start()]
    return not (head in lexicon.first_names() or head in lexicon.surnames() or _known_place(head))


def _is_ordinary(token: str, ordinary: frozenset[str], known_proper: frozenset[str]) -> bool:
    """Every part (split at hyphens) is an ordinary word or an abbreviation: LVB-groep, Wlz-PGB, Kind-oudergeweld.
    A proper noun wdutch lists is never excused as a compound (Kanaleneiland is kanalen + eiland)."""
    if token in known_proper or _CAMEL.search(token):
        # JeugdPunt, ZorgPunt-Zuid: a word written as a brand is a name (wdutch lists 'WW-uitkering' as a proper noun)
        return "-" in token and _common_noun_compound(token, ordinary)
    # Tarwewijk is tarwe + wijk, and still a neighbourhood: no compound excuse for a place-like ending.
    compounds = not _PLACE_ENDING.search(token)
    parts = [p for p in _PARTS.split(token) if p]
    return all(p.isupper() or len(p) <= 3 or _ordinary_word(p.lower(), ordinary, compounds) for p in parts) or (
        len(parts) > 1 and _common_noun_compound(token, ordinary))


_PLACE_ENDING = plain_re.compile(r"(?:wijk|buurt|kwartier|dorp|veld|velden|kamp|polder|hoek|haven|oord|park|broek|"
                           r"hof|horst|holt|burgen|erp|erpt|-(?:Noord|Zuid|Oost|West|Centrum))$")


# How Dutch place names end ('Meerhoven', 'Kruidenbuurt', 'Holtenbroek'): such a name before '-Noord' is a district
_TOPONYM_ENDING = plain_re.compile(r"(?:wijk|buurt|dorp|veld|velden|hoven|huizen|kamp|polder|haven|oord|park|broek|"
                                   r"horst|dam|dijk|drecht|berg|burg|veen|woude|zijl|meer|kerk|hout|stein|rode|rade|"
                                   r"loo|ingen|hof|laar|lanen|weide|weiden)$")


def _known_place(name: str) -> bool:
    from . import gazetteer

    return (name in lexicon.places() or name.lower() in gazetteer.table() or name.lower() in lexicon.ordinary_words()
            or bool(_TOPONYM_ENDING.search(name)))


_NAME_PARTICLES = {"Al", "El", "Ben", "Bin", "Abu", "Abou", "Van", "De", "Ter", "Ten", "Ould", "Ait", "Aït", "Da", "Dos"}
# A first name or a title right before: 'Nour Al-Hassan', 'mevrouw Tjon-A-Fong'.
_PERSON_BEFORE = plain_re.compile(r"(?:\b(?:mevrouw|meneer|mevr\.|mw\.|dhr\.|heer|familie|fam\.)|[A-Z][a-zà-ÿ]+)\s+$")


_FAMILY_BEFORE = plain_re.compile(r"\b(?:familie|fam\.|gezin|mevrouw|meneer|mevr\.|mw\.|dhr\.|de heer)\s+$", plain_re.I)
_CAP_BEFORE = plain_re.compile(r"(?:[A-Z][\w'’-]*\s){1,3}$")


def _place_before(before: str, token: str) -> bool:
    """'Den Haag-Zuid', 'Bergen op Zoom-Oost': the words before and the token's first part make a place."""
    m = _CAP_BEFORE.search(before.replace(" op ", " Op ").replace(" aan ", " Aan ").replace(" den ", " Den "))
    if not m:
        return False
    words = before[m.start():].split()
    head = token.rsplit("-", 1)[0]
    return any(_known_place(" ".join(words[i:] + [head])) for i in range(len(words)))
_TUSSEN_INITIALS = plain_re.compile(r"[A-Z](?:v|vd|vdr|d|t)[A-Z]")
_COMPASS_TAIL = plain_re.compile(r"-(?:Noord|Oost|Zuid|West|Midden|Centrum)$")


def _kind(text: str, start: int, token: str) -> str:
    before = text[max(0, start - 30) : start]
    if _TUSSEN_INITIALS.fullmatch(token):
        return "name"  # 'AvD', 'JvdB': initials with a tussenvoegsel, written like a brand but a person
    if _CAMEL.search(token):
        return "institution"  # ZorgPunt-Zuid, JeugdPunt
    if _FAMILY_BEFORE.search(before):
        return "name"  # 'de familie Oosterhuis', 'mevrouw Schoonhoven': a surname, whatever its ending
    if _COMPASS_TAIL.search(token) and not _known_place(token.rsplit("-", 1)[0]) and not _place_before(before, token):
        return "institution"  # 'Triversum-Noord' (not 'Tilburg-Noord', 'Malburgen-Oost')
    if token in lexicon.places() or _PLACE_ENDING.search(token):
        return "place"
    if token in lexicon.first_names():
        return "name"  # 'luisterde naar Dani': a first name after 'naar' is still a person
    if _PLACE_BEFORE.search(before):
        return "place"
    if "-" in token and (_PERSON_BEFORE.search(before) or token.split("-")[0] in _NAME_PARTICLES
                         or any(p in lexicon.surnames() or p in lexicon.first_names() for p in token.split("-"))):
        return "name"  # 'mevrouw Tjon-A-Fong', 'Nour Al-Hassan', 'Smits-Aydın', 'Van Eijk-Brouwer'
    if _HYPHENATED_NAME.fullmatch(token):
        # Anne-Marie, Smit-Bakker are names; Kids-Care, Jeugd-Punt are brands (a part is a word).
        ordinary = lexicon.ordinary_words()
        brand = any(p.lower() in ordinary for p in token.split("-"))
        return "institution" if brand or _INSTITUTION_BEFORE.search(before) else "name"
    if _BRAND.search(token) or _INSTITUTION_BEFORE.search(before):
        return "institution"
    if _PROVIDER_ENDING.search(token):
        first = _GIVEN_NAME_BEFORE.search(before)
        # 'collega Sanne Bolhuis': a surname after a given name, though it ends like a provider
        return "name" if first and first.group(1) in lexicon.first_names() else "institution"
    return "name"


_GIVEN_NAME_BEFORE = plain_re.compile(r"(?<![\w-])([A-Z][a-zà-ÿ]+) $")


_TITLE_NEIGHBOUR_BEFORE = plain_re.compile(r"(?:[A-Z][\w'’-]*|[&/+:–-])\s+$|\b(?:de|het|een|the|of|and|for)\s+$", plain_re.I)
_TITLE_NEIGHBOUR_AFTER = plain_re.compile(r"\s+(?:[A-Z]|(?:of|and|for|&|in|the)\b)")


def _english_only_name(text: str, start: int, end: int, token: str) -> bool:
    """A first name that is only an English word (Mehari, Dirk, Will), capitalised in the middle of a Dutch
    sentence and not in a title of capitalised words ('Family Group Conference'): a name."""
    if token not in lexicon.first_names() or "-" in token:
        return False
    low = token.lower()
    if low in lexicon.dutch_words() or low in lexicon.common_words() or _fold(low) in lexicon.dutch_words():
        return False
    if start == 0 or _SENTENCE_START.search(text[max(0, start - 12) : start]):
        return False
    return not (_TITLE_NEIGHBOUR_BEFORE.search(text[max(0, start - 20) : start])
                or _TITLE_NEIGHBOUR_AFTER.match(text, end))


# 'Jeugdreclasseerder', 'Gezinsbegeleider', 'IB'er', 'GGZ-agent': a role, however it is compounded (the word list
# lacks most compounds); no surname ends so
_ROLE_ENDING = plain_re.compile(
    r"(?:coach|werker|begeleider|behandelaar|therapeut|beschermer|reclasseerder|voogd|consulent|regisseur|"
    r"deskundige|kundige|pedagoog|psycholoog|psychiater|medewerker|functionaris|adviseur|verlener|ambtenaar|"
    r"coördinator|coordinator|manager|verpleegkundige|opvoeder|mentor|docent|houder|voerder)$")
_ABBREVIATION_ER = plain_re.compile(r"[A-Z]{2,5}['’]ers?")


_TRUNCATED_COMPOUND = plain_re.compile(r"-\s+(?:en|of|tot|en/of)\s+[A-Za-zÀ-ÿ]")


def role_noun(token: str) -> bool:
    return _role_noun(token)


def _role_noun(token: str) -> bool:
    low = token.lower()
    return bool(_ABBREVIATION_ER.fullmatch(token)) or (len(low) > 9 and bool(_ROLE_ENDING.search(low))
                                                      and not _CAMEL.search(token))  # 'JeugdCoach' is a brand


def proper_nouns(text: str) -> Iterator[Finding]:
    if not lexicon.word_lists_available():
        return
    ordinary = lexicon.ordinary_words()
    known_proper = lexicon.proper_nouns()
    general = lexicon.general_proper_nouns()
    areas = lexicon.allowed_areas()  # Twente, Achterhoek: a region identifies nobody
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token.isupper() and len(token) == 2 and _SPEECH_AFTER.match(text, m.end()) and not _ARTICLE_BEFORE.search(
                text[max(0, m.start() - 8) : m.start()]):
            yield Finding("name", m.start(), m.end(), token)  # 'MK zei dat …': initials used as a name
            continue
        if (len(token) < 2 or token.isupper() or token in general or token in areas
                or _is_ordinary(token, ordinary, known_proper)):
            if _english_only_name(text, m.start(), m.end(), token):
                yield Finding("name", m.start(), m.end(), token)  # 'gisteren belde Mehari, een neef'
            continue
        if _role_noun(token):
            continue  # 'Jeugdreclasseerder' under a signature, 'IB'er' mid-sentence: a role
        if text.startswith("-", m.end()) and _TRUNCATED_COMPOUND.match(text, m.end()):
            continue  # 'Scholings- en Trainingsprogramma', 'Jeugd- of Gezinsteam': the first half of a compound
        if _GENITIVE.search(text[max(0, m.start() - 3) : m.start()]):
            continue  # 's Nachts, 's Ochtends (a place like 's-Hertogenbosch is in deduce's list)
        at_start = m.start() == 0 or bool(_SENTENCE_START.search(text[max(0, m.start() - 12) : m.start()]))
        if at_start and token in known_proper and not _VERB_AFTER.match(text, m.end()):
            continue  # 'Amsterdam heeft…' is caught by deduce's place list; a sentence start needs a cue here
        yield Finding(_kind(text, m.start(), token), m.start(), m.end(), token)
