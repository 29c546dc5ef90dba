"""Identifiers with a shape: BSN, phone numbers, e-mail and web addresses, dates, postcodes, addresses and file
numbers, in the many ways Dutch professionals, parents and young people write them."""

from __future__ import annotations

import re as plain_re  # the standard library's engine: faster for plain scans
import regex as re  # variable-width look-behind; a dependency of deduce, pinned in pyproject
from functools import lru_cache
from typing import Iterator

from .findings import Finding
from .scanning import KeywordScan, contains_any
from .words import MONTHS, CAP, ORDW, TUSSEN, I, finding_at, is_first_name, ordinary_lower


# --- BSN -------------------------------------------------------------------------------

_BSN = re.compile(r"(?<!\d)(?<!\d[ .-])\d(?:[ .-]?\d){8}(?![ .-]?\d)")


NON_DIGIT = plain_re.compile(r"\D")


def elfproef(digits: str) -> bool:
    if len(digits) != 9 or not digits.isdigit() or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def bsn(text: str) -> Iterator[Finding]:
    for m in _BSN.finditer(text):
        if elfproef(NON_DIGIT.sub("", m.group())):
            yield finding_at("bsn", text, m)


# --- Phone numbers -----------------------------------------------------------------------

# Between two digit groups: spaces, one mark ('-', '.', '/', a bracket, a dash with spaces round it: '06 - 12 34'),
# or a line break ('tel. 010 -⏎4 87 22 19' in a pasted signature). Each part is bounded, so a failed match is cheap.
_SEP = r"(?:[ \t]{0,2}(?:[.()/\-–—][ \t]{0,2})?(?:\n[ \t]{0,3})?)"
# No digit run may go on after the number; a number after a space may ('06-12345678 2x gebeld', '… 12 maart'),
# unless more digit groups follow (then the run is longer than a phone number)
_PHONE_END = r"(?![.-]?\d|[ ]\d++[ .-]\d)"
_PHONE_INTL = re.compile(
    rf"(?<![\w+])\(?(?:\+|00)[1-9]\d{{0,2}}\)?(?:[ .-]{{0,3}}\(0\))?(?:{_SEP}\d){{7,12}}{_PHONE_END}")
# '06-12345678', '(0299) 41 52 36', '0 6 1 2 3 4 5 6 7 8': ten digits from a leading 0, any grouping
_PHONE_NL = re.compile(rf"(?:(?<=\b[TMF])|(?<![\w(]))\(?0 ?[1-9](?:{_SEP}\d){{8}}{_PHONE_END}")
# A digit short or over, as people type them: '06-1234567', '06 123 45 67', '06-123456789'; and any number after a
# phone word ('tel. 030 123 456', 'bel 0548 12345')
_PHONE_MOBILE_LOOSE = re.compile(rf"(?<![\w(/.-])06(?:[ \t]?[-–][ \t]?|[ \t])?\d(?:{_SEP}\d){{6,8}}?{_PHONE_END}")
_PHONE_CUED = re.compile(
    rf"(?<=\b(?i:tel|telefoon|telnr|tel\.nr|telefoonnummer|mob|mobiel|gsm|bel|belt|bellen|gebeld|whatsapp|app|sms|"
    rf"bereikbaar op|bereikbaar via|bereikbaar onder)\b\.?:?[ \t]{{0,2}}(?:(?i:op|naar|via)[ \t])?)"
    rf"\(?0[1-9](?:{_SEP}\d){{6,9}}?{_PHONE_END}")
# 0800/0900 numbers (8 or 11 digits) and 088 numbers are phone numbers too: an 088 number is often a professional's
# own line, and an organisation's number names the organisation; national helplines are on the allow-list.
_PHONE_SERVICE = re.compile(rf"(?<![\w])0[89]0[09](?:{_SEP}\d){{4,7}}{_PHONE_END}")
# 'nul zes, 5 1 4 4 7 0 2 8': the first digits said as words
_PHONE_SPOKEN = re.compile(rf"\b(?i:nul[ -]?zes)[,:]?[ \t]{{1,2}}\d(?:{_SEP}\d){{7}}{_PHONE_END}")


def phone(text: str) -> Iterator[Finding]:
    starts = digit_runs(text)
    if not starts:
        return
    if "nul" in text.lower():
        for m in _PHONE_SPOKEN.finditer(text):
            yield finding_at("phone", text, m)
    if not any(text[start] == "0" for start in starts):
        if "+" in text:
            yield from (finding_at("phone", text, m) for m in _PHONE_INTL.finditer(text))
        return  # every other pattern starts with a 0
    for pattern in (_PHONE_INTL, _PHONE_NL, _PHONE_SERVICE, _PHONE_CUED):
        for m in pattern.finditer(text):
            yield finding_at("phone", text, m)
    if "06" in text:
        for m in _PHONE_MOBILE_LOOSE.finditer(text):
            yield finding_at("phone", text, m)


# --- E-mail and web addresses --------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@(?:[\w-]+(?:\.[\w-]+)+|(?:hotmail|gmail|live|outlook|icloud|ziggo|"
                    r"kpnmail|kpnplanet|home|yahoo|planet|xs4all|msn)\b)")
_URL = plain_re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:nl|com|org|net|eu|be|info|nu|io|de|frl)(?:/[^\s<>\"')\]]*)?(?![\w@])",
    I,
)


# '@shaniceeex_030', '@djen.beijum050': a social-media handle points to a person
_HANDLE = re.compile(r"(?<![\w.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_]){2,}")
# 'insta: shanice_030', 'tiktok is djen.050': a handle named by its platform
_PLATFORM_HANDLE = re.compile(
    r"(?<=\b(?i:insta|instagram|tiktok|snap|snapchat|twitter|x|facebook|fb|youtube|soundcloud|telegram|discord)"
    r"(?:\s*(?::|is|=)\s*|\s+))@?(?=[a-z0-9_.]*[_.\d])[a-z0-9_][a-z0-9_.]{2,}[a-z0-9_]"
)


_TLD = r"(?:nl|com|org|net|eu|be|info|nu|io|de|frl)"
# An address written so machines miss it: 'naam [at] domein.nl', 'naam(at)domein.nl', 'naam @ domein.nl',
# 'tygo punt skt at gmail punt com'. A spelled-out ' at ' only before a domain that ends in a top-level domain.
_DOT = r"(?:\.|\s(?:punt|dot)\s)"
_EMAIL_OBFUSCATED = plain_re.compile(
    rf"(?<![\w.+-])[\w+-]+(?:{_DOT}[\w+-]+)*\s?(?:@|[\[({{](?:at|@|a)[\])}}]|\s(?:at|apenstaartje)\s)\s?"
    rf"[\w-]+(?:{_DOT}[\w-]+)*{_DOT}{_TLD}\b",
    I,
)
_OBFUSCATION_HINT = plain_re.compile(r"[\[({](?:at|@|a)[\])}]| @ | at | apenstaartje |punt (?:nl|com|org|net|be|nu)\b")
_CONTACT_HINT = plain_re.compile(  # a gate, run on the lower-cased text
    r"[@]|www\.|://|\.(?:nl|com|org|net|eu|be|info|nu|io|de|frl)\b|punt (?:nl|com|org|net|be|nu)\b|"
    r"\b(?:insta|instagram|tiktok|snap|snapchat|twitter|x|facebook|fb|youtube|soundcloud|telegram|discord)\b",
)


def contact(text: str) -> Iterator[Finding]:
    low = text.lower()
    if not _CONTACT_HINT.search(low):
        return  # no '@', no domain, no platform: none of the scans below can match
    for pattern in (_HANDLE, _PLATFORM_HANDLE):
        for m in pattern.finditer(text):
            yield finding_at("url", text, m)
    for m in _EMAIL.finditer(text):
        yield finding_at("email", text, m)
    if _OBFUSCATION_HINT.search(low):
        for m in _EMAIL_OBFUSCATED.finditer(text):
            yield finding_at("email", text, m)
    for m in _URL.finditer(text):
        url = m.group().rstrip(".,;:!?")
        yield Finding("url", m.start(), m.start() + len(url), url)


# --- Dates ---------------------------------------------------------------------------------

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
_DATE_PATTERNS = [
    # 03-11-2011, 3/11/11, 3.11.2011, '14 / 08 / 2013' (the same mark twice, spaced or not)
    plain_re.compile(rf"(?<![\d.,/-]){_DAY}( ?[-/.] ?){_MON}\1(?:\d{{4}}|\d{{2}}|['’]\d{{2}})(?![\d/-]|\.\d)"),
    # 2011-11-03, 2025/03/04, 2025.03.04 (the same mark twice)
    plain_re.compile(rf"(?<![\d/.-])(?:19|20)\d{{2}}([-/.]){_MON}\1{_DAY}(?![\d/-]|\.\d)"),
    # 14 maart 2009, 14e maart, 3 nov. '09
    plain_re.compile(rf"(?<![\d,.]){_DAY}(?:e|ste|de)?[ -](?:{MONTHS})\b\.?(?:[ -](?:(?:19|20)\d{{2}}|'\d{{2}})\b)?", plain_re.IGNORECASE),
    # maart 14, 2009 (rare, English order)
    plain_re.compile(rf"\b(?:{MONTHS}) {_DAY}, (?:19|20)\d{{2}}\b", plain_re.IGNORECASE),
    # 03-11 (day-month without year only with a leading zero, so ranges like 10-12 stay)
    plain_re.compile(rf"(?<![\d/.-])(?:0[1-9]-{_MON}|{_DAY}-0[1-9])(?![\d/-]|\.\d)"),
]
_NOT_A_DATE_AFTER = (r"(?! ?(?:keer|x|uur|u\b|dagen|weken|maanden|jaar|kinderen|jongeren|mensen|personen|punten|"
                     r"gewonnen|verloren|gelijk|voor|tegen|%))")
# 'maandag 4-3', 'do 14/3', 'op 6-5', 'uiterlijk 1-4', 'd.d. 12.3', 'zo 9-3' (at a line's start: 'zo 3-4 keer' is
# 'about'): day-month after a weekday, a date preposition or a date label
_CUED_DAY_MONTH = re.compile(
    rf"(?:(?<=\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zat|zon|op|per|"
    rf"vanaf|sinds|t/m|uiterlijk|vóór|voor|tot|d\.d\.|dd|datum:?|geb\.|geboren)\.? )"
    rf"|(?<=(?:^|\n)[ \t]{{0,3}}zo\.? ))"
    rf"(?:{_DAY}-{_MON}|{_DAY}/{_MON}|{_DAY}\.{_MON}\.?)(?![\d/-]|[.,]\d){_NOT_A_DATE_AFTER}",
    I,
)
# 'Geboortedatum: 12031986': a form's birth date without separators
_COMPACT_BIRTH_DATE = plain_re.compile(
    # 'geboortedatum: 140309', 'Datum intake 03122024', 'de geboortedatum als 140309': a label, at most three words
    r"\b(?:geb\.?|geboren|geboortedatum|geb\.\s?datum|datum)(?: [a-z]+){0,3}\s?:?\s?"
    r"(?P<date>(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:(?:19|20)\d{2}|\d{2}))(?!\d)")
# '12mrt2025', '3MAR24': day, month and year written together
_COMPACT_MONTH_DATE = plain_re.compile(
    r"(?<![\w])(?:0?[1-9]|[12]\d|3[01])(?:jan|febr?|mrt|maart|mar|apr|mei|may|jun|juni|jul|juli|aug|sept?|okt|oct|nov|dec)"
    r"(?:19|20)?\d{2}(?![\w])", plain_re.IGNORECASE)
# '2 IV 2025': a Roman month between day and year
_ROMAN_MONTH_DATE = plain_re.compile(
    r"(?<![\w/])(?:0?[1-9]|[12]\d|3[01])[ .-](?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)[ .-](?:19|20)\d{2}(?!\w)")
# '1e Kerstdag', 'oudejaarsavond 2023', 'op Koningsdag': a named day that falls on one day and month
_HOLIDAY_DATE = plain_re.compile(
    r"(?<![\w-])(?:(?:1e|2e|eerste|tweede) (?:kerst|paas|pinkster)dag|kerstavond|oudejaarsavond|oudejaarsdag|"
    r"oudjaarsavond|oudjaar|nieuwjaarsdag|nieuwjaarsnacht|koningsdag|koninginnedag|bevrijdingsdag|pakjesavond|"
    r"sinterklaasavond|valentijnsdag|keti koti)(?: (?:19|20)\d{2}| '\d{2})?(?![\w-])", plain_re.IGNORECASE)
_HOLIDAY_HINTS = ("dag", "avond", "oudjaar", "nacht", "koti")
_ZO_DAY_MONTH = re.compile(rf"\b[Zz]o\.? (?P<day>{_DAY})[-/](?P<month>{_MON})(?![\d/-]|[.,]\d){_NOT_A_DATE_AFTER}")
_ZO_GATE = plain_re.compile(r"\b[Zz]o\.? \d")
_EN_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|December|"
              r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# A forwarded e-mail's English header: 'Sent: Thursday, May 8, 2025', 'On Tue, 3 Jun 2025', '7 May 2025'
_ENGLISH_DATE = plain_re.compile(
    rf"\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,? )?"
    rf"(?:(?:{_EN_MONTHS})\.? {_DAY}(?:st|nd|rd|th)?|{_DAY}(?:st|nd|rd|th)? (?:{_EN_MONTHS})\.?),? (?:19|20)\d{{2}}\b")
# In notes written in English, a day and a month without a year: 'on March 12', 'the 3rd of May', 'Nov. 3'
_ENGLISH_DAY_MONTH = plain_re.compile(
    rf"\b(?:(?:{_EN_MONTHS})\.? {_DAY}(?:st|nd|rd|th)?|{_DAY}(?:st|nd|rd|th)? (?:of )?(?:{_EN_MONTHS})\b\.?)"
    rf"(?:,? (?:19|20)\d{{2}}\b)?(?![\w/-]|[.,]\d| (?:years?|months?|weeks?|days?|hours?|times)\b)")
_ENGLISH_TEXT = (" the ", " with ", " on ", " of ", " and ", " is ")
_DAY_WORDS = (r"twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|"
              r"zeventien|achttien|negentien|twintig|eenentwintig|tweeëntwintig|drieëntwintig|vierentwintig|"
              r"vijfentwintig|zesentwintig|zevenentwintig|achtentwintig|negenentwintig|dertig|eenendertig")
# 'op vijf juni', 'de derde maart': a day in words before a month written out
# (tried only before a month found in the lower-cased text: the day word is the one word before it)
_WORD_DAY_BEFORE = plain_re.compile(
    rf"\b(?:{_DAY_WORDS}|{ORDW}|eenentwintigste|tweeëntwintigste|dertigste|eenendertigste) $")
_MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december")
# the English month names a Dutch pattern does not already read, or a comma before a year ('May 8, 2025')
_ENGLISH_HINTS = ("January", "February", "March", "May", "June", "July", "October", "Mar ", "Oct", ", 19", ", 20")
# 'op de 5e', 'de 12de van de maand': a day of the month (not 'op de 2e verdieping', 'de 3e keer')
_DAY_ORDINAL = plain_re.compile(
    rf"\b(?:op|per|vóór|voor|na|tot|sinds|vanaf) de {_DAY}(?:e|ste|de)\b"
    rf"(?= van (?:de(?:ze)?|volgende|vorige|die|deze) maand\b|\s*[.,;:!?)\n]|\s*$| (?:om|is|was|jarig)\b"
    # 'belt op de 8e terug', 'komt op de 3e langs': an adverb or verb after it, not a noun ('op de 2e verdieping')
    rf"| (?:terug|langs|weer|bellen|belt|bel|komt|kom|komen|gesproken|besproken|gezien|thuis|ook|al|nog|dus|dan)\b)",
    plain_re.IGNORECASE,
)
# 'maandag de 4e', 'op vrijdag de 12de': a weekday before it makes any day ordinal a date
_DE_DAY = plain_re.compile(r"de \d", plain_re.IGNORECASE)
_WEEKDAY_ORDINAL = plain_re.compile(
    rf"\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) de {_DAY}(?:e|ste|de)\b", plain_re.IGNORECASE)
# '31-12', '15-6': a day above 12 before a month is never a range (a range climbs), so a date — unless a score
_HIGH_DAY_MONTH = re.compile(
    rf"(?<![\d/.-])(?:1[3-9]|2\d|3[01])-(?:0?[1-9]|1[0-2])(?![\d/-]|[.,]\d){_NOT_A_DATE_AFTER}")
_SCORE_BEFORE = plain_re.compile(r"\b(?:met|stand|score|uitslag|won|wonnen|gewonnen|verloor|verloren|scoorde|scoren|"
                                 r"eindigde|eindstand|wedstrijd|set|sets|gelijk|thuis|uit|punten)\b", plain_re.IGNORECASE)
_ANY_DIGIT = plain_re.compile(r"\d")
_DAY_MONTH_SLASH = plain_re.compile(rf"(?<![\d/.,]){_DAY}/{_MON}(?![\d/]|,\d)")


_DIGIT_RUN = plain_re.compile(r"\d+")  # (its matches' starts: where each run of digits starts)
@lru_cache(maxsize=4)
def digit_runs(text: str) -> tuple[int, ...]:
    """Where each run of digits starts; phones, dates, addresses and file numbers all ask it of the same text."""
    return tuple(m.start() for m in _DIGIT_RUN.finditer(text))


_ENGLISH_ORDER = _DATE_PATTERNS[3]


def _slash_dates(text: str, starts: tuple[int, ...]):
    for start in starts:
        m = _DAY_MONTH_SLASH.match(text, start)
        if m:
            yield m


def _word_dates(text: str, low: str) -> Iterator[Finding]:
    for name in _MONTH_NAMES:
        at = low.find(name)
        while at > 1:
            end = at + len(name)
            if low[at - 1] == " " and low[at - 2].isalpha() and not low[end : end + 1].isalnum():
                day = _WORD_DAY_BEFORE.search(low, max(0, at - 22), at)
                if day:
                    yield Finding("date", day.start(), end, text[day.start() : end])
            at = low.find(name, end)


def date(text: str) -> Iterator[Finding]:
    low = text.lower()
    if len(low) == len(text):  # 'op vijf juni': no digit at all
        yield from _word_dates(text, low)
    if any(hint in low for hint in _HOLIDAY_HINTS):  # 'eerste kerstdag', 'oudejaarsavond 2023': no digit needed
        for m in _HOLIDAY_DATE.finditer(text):
            yield finding_at("date", text, m)
    starts = digit_runs(text)
    if not starts:
        return  # every other date pattern needs a digit: skip the scans
    # All but the English order start at the first digit of a run: try them there only.
    for pattern in _DATE_PATTERNS:
        if pattern is _ENGLISH_ORDER:
            if ", 19" in text or ", 20" in text:
                for m in pattern.finditer(text):
                    yield finding_at("date", text, m)
            continue
        for start in starts:
            m = pattern.match(text, start)
            if m:
                yield finding_at("date", text, m)
    if _DE_DAY.search(text):  # both ordinal patterns need 'de' before the day's digits
        for m in _DAY_ORDINAL.finditer(text):
            yield finding_at("date", text, m)
        for m in (_WEEKDAY_ORDINAL.finditer(text) if "dag de " in text.lower() else ()):
            yield finding_at("date", text, m)
    for start in (starts if "-" in text else ()):
        if text[start + 2 : start + 3] != "-" or text[start : start + 1] not in "123":
            continue  # a two-digit day, then the hyphen: the only shape _HIGH_DAY_MONTH has
        m = _HIGH_DAY_MONTH.match(text, start)
        if m and not _SCORE_BEFORE.search(text, max(0, start - 30), start):
            yield finding_at("date", text, m)
    for pattern in (_CUED_DAY_MONTH, _COMPACT_MONTH_DATE, _ROMAN_MONTH_DATE):
        for start in starts:  # each starts at a digit (the cue is a look-behind): try it there only
            m = pattern.match(text, start)
            if m:
                yield finding_at("date", text, m)
    if contains_any(text, _ENGLISH_HINTS):
        for m in _ENGLISH_DATE.finditer(text):
            yield finding_at("date", text, m)
    if sum(low.count(w) for w in _ENGLISH_TEXT) >= 2:
        for m in _ENGLISH_DAY_MONTH.finditer(text):
            yield finding_at("date", text, m)
    if "geb" in low or "datum" in low:
        for m in _COMPACT_BIRTH_DATE.finditer(low):
            yield finding_at("date", text, m, "date")
    for gate in (_ZO_GATE.finditer(text) if "zo " in low or "zo. " in low else ()):
        m = _ZO_DAY_MONTH.match(text, gate.start())
        if m and int(m.group("day")) > int(m.group("month")):  # 'zo 9-3': a range climbs ('zo 3-4 keer'), a date need not
            yield Finding("date", m.start("day"), m.end(), text[m.start("day") : m.end()])
    for m in (_slash_dates(text, starts) if "/" in text else ()):
        day, month = (int(p) for p in m.group().split("/"))
        if day < month <= 10 or m.group() == "24/7":  # 1/3, 3/4: fractions, 24/7: always
            continue
        yield finding_at("date", text, m)


# --- Postcodes and addresses ----------------------------------------------------------------

_POSTCODE = re.compile(r"(?<![\w-])[1-9]\d{3}(?:[ \u00a0]{0,2}[A-Z]{2}|[a-z]{2})(?![\w-])")  # 1011 AB, 1011AB, 1011  AB
_POSTCODE_NL = plain_re.compile(r"(?<=\bNL-)[1-9]\d{3} ?[A-Z]{2}(?![\w-])")  # 'NL-3514 AB
# SA, SD and SS are never issued; lower-case pairs are units ('1500 km'). Any other capital pair is a postcode
# ('8921 EN', '6824 CM'): PostNL issues those too.
_POSTCODE_NOT = re.compile(r"\d{4} ?(?:SA|SD|SS|km|kg|mg|gr|cm|ml|uur|jr|mm|cc|pk)$")
STREET_SUFFIX_STRONG = r"straat|laan|gracht|kade|singel|dreef|steeg|plein|plantsoen|boulevard|hof|erf"
STREET_SUFFIX = STREET_SUFFIX_STRONG + r"|weg|dijk|pad|park|markt|baan|wal|ring|veld|straatweg|dam"
# Endings that make a street only with a house number after them ('Molenkamp 14', 'Vlietzoom 22', 'Kerkstr. 12')
_STREET_SUFFIX_NUMBERED = STREET_SUFFIX + (r"|kamp|akker|weide|horst|donk|allee|promenade|oord|hoven|vliet|gaarde|"
                                            r"zoom|zijde|poort|burgwal|diep|wetering|vaart|sloot|tuin|tuinen|hoeve|brink|"
                                            r"esch|schans|bolwerk|heuvel|meent|stede|hoek|kwartier|haven|stoep|str\.?")
_NUMBER_LABEL = r"(?:(?:nr|no)\.?\s?)?"  # 'Dorpsstraat no. 4', 'Ringdijk nr 120'
_HOUSE_NUMBER = r"\d{1,4}(?:[-\s]?(?:hs|bis|rd|bg|zw|II|III|IV)(?![\w])|\s?[a-zA-Z](?![\w])|-\d{1,3}|-[A-Z](?![\w]))?"
# one line: a signature's name line is no street; '1e Jacob van Campenstraat', '2e Hugo de Grootstraat' (an ordinal
# numbers streets of the same name)
_STREET_WORDS = rf"(?:(?:[1-9]e|[1-9]ste|[1-9]de|Eerste|Tweede|Derde|Vierde) )?(?:(?:{CAP}|{TUSSEN}|[A-Z]\.) )*"
_ADDRESS = [  # the first, a long scan, in the standard library's engine (twice as fast there)
    plain_re.compile(
        rf"{_STREET_WORDS}[A-Z][a-zà-ÿ'-]*(?:{_STREET_SUFFIX_NUMBERED})\s{_NUMBER_LABEL}{_HOUSE_NUMBER}(?![\w])"),
    re.compile(rf"(?<![\w-])[A-Z][a-zà-ÿ'-]*(?:{STREET_SUFFIX_STRONG})(?![\w-])"),
    re.compile(r"\b[Pp]ostbus\s\d{1,5}\b"),
]
# An envelope in capitals, 'KERKSTRAAT 12' (matched at the start of the street's word)
_UPPER_STREET = plain_re.compile(rf"[A-Z][A-Z'-]*(?:{STREET_SUFFIX_STRONG.upper()}|WEG|DIJK)\s\d{{1,4}}"
                                 rf"(?:[-\s]?[A-Z]{{1,3}})?(?![\w])")
_UNIT_AFTER = (r"(?! ?(?:keer|x|uur|u\b|min|minuten|dagen|weken|maanden|jaar|km|kilometer|meter|m\b|euro|procent|%|"
               r"jongeren|kinderen|mensen|auto|auto's|personen))")
_HOUSE_NUMBER_LOWER = rf" \d{{1,4}}(?: ?[a-z](?![\w])|-\w{{1,3}}\b)?(?![\w,.]?\d){_UNIT_AFTER}"
# 'adres: kerkstraat 12', 'op de boerhaavelaan 40': a street in lower case with its number (matched at the word's
# start; not after 'het', 'een': 'het schoolplein 2')
_LOWER_STREET = plain_re.compile(rf"[a-zà-ÿ][a-zà-ÿ'-]{{2,}}(?:{STREET_SUFFIX_STRONG}|weg|dijk){_HOUSE_NUMBER_LOWER}")
_NOT_BEFORE_LOWER_STREET = plain_re.compile(r"\b(?:het|een|dat|die|dit)\s$")
# A word's end, then a space and a digit ('straat 12', 'laan nr. 4'), before each run of digits; the word's ending
# says whether it is a street: a few short searches instead of a long alternation at every position
_WORD_THEN_NUMBER = plain_re.compile(r"[a-zà-ÿ.]\s(?:n[ro]\.?\s?)?\d\Z")  # searched up to a run of digits
_NUMBERED_ENDINGS = tuple(_STREET_SUFFIX_NUMBERED.replace("str\\.?", "str|str.").split("|"))
_WORD_START_BACK = plain_re.compile(r"[\w'.-]*$")
_UPPER_WORDS_BACK = plain_re.compile(r"(?<![\w-])(?:[A-Z]{2,} )*$")


_PERSON_BEFORE = plain_re.compile(
    r"(?:\b(?:mevrouw|meneer|mevr\.|mw\.|dhr\.|heer|familie|fam\.|juf|meester)\s+|(?<![\w.])[A-Z]\.\s?"
    r"|\b(?P<first>[A-Z][a-zà-ÿ]+)\s+)(?:(?:van|de|der|den|ter|ten|van der|van den|van de)\s+)?$")






# '3135 bz Vlaardingen', '5037-PD Tilburg': a lower-case or hyphenated postcode only with a town after it
_POSTCODE_LOOSE = plain_re.compile(r"[1-9]\d{3}(?: [a-z]{2}| [A-Z][a-z]|-[A-Za-z]{2})(?![\w-])")  # (no look-behind: faster)
# ... or with a label before it, or right after a street's house number ('Kerkstraat 12, 2512 xk'; the number may end
# the line before)
_POSTCODE_CUE = re.compile(r"(?:\b(?i:postcode|pc)\b\.?(?:/(?i:woonplaats|plaats))?\s?:?\s?"
                           r"|[A-Za-zà-ÿ]{3,} \d{1,4}(?:[ -]?[A-Za-z]{1,3})?(?:-\d{1,3})?,?\s{1,3})$")
_TOWN_AFTER = re.compile(r",?\s+(?P<town>[\p{L}][\p{L}'’-]*(?: [\p{L}][\p{L}'’-]*){0,3})")
_SHORT_WORDS = frozenset("en in op te of is al nu na om ze we je zo er ik ja uw km kg mg gr cm ml jr mm cc pk".split())


def _town_follows(text: str, end: int) -> bool:
    from . import gazetteer, lexicon

    m = _TOWN_AFTER.match(text, end)
    if not m:
        return False
    words = m.group("town").split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        if name in lexicon.places() or name.lower() in gazetteer.table():
            return True
    return False


# 'woont in postcodegebied 3514', 'postcode 3514': the four digits alone after the word
_POSTCODE_DIGITS = plain_re.compile(r"(?<=\b[Pp]ostcode )[1-9]\d{3}(?![\w-])|(?<=\b[Pp]ostcodegebied )[1-9]\d{3}(?![\w-])")


def postcode(text: str) -> Iterator[Finding]:
    if "ostcode" in text:
        for m in _POSTCODE_DIGITS.finditer(text):
            yield finding_at("postcode", text, m)
    for m in _POSTCODE.finditer(text):
        if not _POSTCODE_NOT.match(m.group()):
            yield finding_at("postcode", text, m)
    for m in (_POSTCODE_NL.finditer(text) if "NL-" in text else ()):
        if not _POSTCODE_NOT.match(m.group()):
            yield finding_at("postcode", text, m)
    for m in (_POSTCODE_LOOSE.finditer(text) if " " in text else ()):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"):
            continue
        if m.group()[-2:].lower() not in _SHORT_WORDS and m.group()[-2:].upper() not in ("SA", "SD", "SS") and (
                _town_follows(text, m.end()) or _POSTCODE_CUE.search(text, max(0, m.start() - 40), m.start())
                # '1234-AB' in capitals: a file-number rule flags it anyway; say what it is
                or m.group()[4] == "-" and m.group()[5:].isupper()):
            yield finding_at("postcode", text, m)


# a gate, run on the lower-cased text with the standard library's engine (a case-insensitive scan costs twice that)


_LEAD_CAPS = re.compile(rf"(?:(?:{CAP})\s)+")
_LEAD_SMALL = re.compile(rf"(?:{TUSSEN}\s)+")


_STRONG_SUFFIXES = tuple(STREET_SUFFIX_STRONG.split("|"))
# a strong street ending ends a word, or 'postbus' (numbered streets are found from their numbers above)
_STREET_HINT = plain_re.compile(rf"(?:{STREET_SUFFIX_STRONG})\b|postbus")


def _street_hint(low: str) -> bool:
    """_STREET_HINT.search(low), the same answer from str.find: a strong suffix ending a word, or 'postbus' (the
    alternation tried at every position was the slow part of address())."""
    if "postbus" in low:
        return True
    n = len(low)
    for suffix in _STRONG_SUFFIXES:
        at = low.find(suffix)
        while at >= 0:
            end = at + len(suffix)
            if end == n or not (low[end].isalnum() or low[end] == "_"):
                return True
            at = low.find(suffix, at + 1)
    return False


# 'we wonen op de bongerd 14', 'woont aan de Hofstede 3 a': any street name with a number where someone lives (a
# dwelling word earlier in the sentence); not 'op de groep 4', 'op de 3e verdieping'. Matched after the 'op/aan de'.
_DWELLING_STREET = re.compile(
    rf"(?!(?i:groep|leefgroep|afdeling|kamer|unit|verdieping|etage|klas|plek|bank|camping|boot|opvang|wachtlijst)\b)"
    rf"[\p{{L}}][\p{{L}}'-]{{2,}}(?: [\p{{L}}][\p{{L}}'-]{{1,}})?{_HOUSE_NUMBER_LOWER}")
_DWELLING_WORD = plain_re.compile(r"\b(?:woon|woont|wonen|woonde|woonden|wonend|woonachtig|verhuisd|verhuizen|verhuist|"
                                  r"adres|ingetrokken|intrekken|logeert|slaapt)\b")
_ON_THE = plain_re.compile(r"\b(?:op|aan) de ")
_SENTENCE_STOP = plain_re.compile(r"[.!?\n]")
# 'school ligt aan de Bos en Lommerweg', 'woont op de Prinses Beatrixlaan': a street without a number after 'aan de'
# (matched after the article)
_STREET_AFTER_ARTICLE = re.compile(
    rf"(?:(?:{CAP}) (?:en|van|de|der|den|op|aan) )*(?:{CAP} )*[A-Z][a-zà-ÿ'-]{{2,}}(?:{STREET_SUFFIX})(?![\w-])")
_ANY_SUFFIX = tuple(STREET_SUFFIX.split("|"))
_ARTICLE_THEN_CAPITAL = plain_re.compile(r"\b(?:aan|op|naar|via) de (?=[A-Z])")
# 'Laat 188, 1811 EK', 'Amstel 214⏎1017 AJ': capitalised words and a house number right before a postcode are a street
_BEFORE_POSTCODE = re.compile(
    rf"(?:(?:[1-9]e|{CAP}|{TUSSEN}|[A-Z][a-z]{{0,4}}\.) )*{CAP} {_HOUSE_NUMBER},?[ \t]{{0,3}}\n?[ \t]{{0,3}}$")
_POSTCODE_START = plain_re.compile(r"(?<![\w-])[1-9]\d{3} ?[A-Z]{2}(?![\w-])")


def _numbered_street_ends(text: str, low: str) -> list[int]:
    """Offsets of the space after every word that ends like a street and has a number after it."""
    ends = []
    for start in digit_runs(text):
        m = _WORD_THEN_NUMBER.search(low, max(0, start - 7), start + 1) if start > 1 else None
        if m and low[max(0, m.start() - 11) : m.start() + 1].endswith(_NUMBERED_ENDINGS):
            ends.append(m.start() + 1)
    return ends


def address(text: str) -> Iterator[Finding]:
    low = text.lower()
    if len(low) != len(text):
        low = text  # a character whose lower case is longer ('İ'): keep the offsets, read the text as written
    ends = _numbered_street_ends(text, low)
    yield from _more_addresses(text, low, ends)
    if not ends and not _street_hint(low):
        return  # no street word at all: the expensive scans cannot match
    for pattern in (_ADDRESS if ends else _ADDRESS[1:]):
        if pattern is _ADDRESS[2] and "postbus" not in low:
            continue
        for m in pattern.finditer(text):
            span = m.group()
            # The optional leading words may have swallowed a sentence start ("Zij Kerkstraat").
            start = m.start()
            lead = _LEAD_CAPS.match(span)
            if lead and len(lead.group().split()) > 2:
                start += lead.end()
            # A leading 'de'/'van' belongs to the street only after a capitalised word.
            small = _LEAD_SMALL.match(text[start : m.end()])
            if small:
                start += small.end()
            if pattern is _ADDRESS[1] and text[m.end() - 3 : m.end()] in ("hof", "erf") and ordinary_lower(
                    text[start : m.end()]):
                continue  # 'het Gerechtshof', 'het Kerkhof' without a number: a word
            person = _PERSON_BEFORE.search(text[max(0, start - 30) : start]) if pattern is _ADDRESS[1] else None
            if person and (not person.group("first") or is_first_name(person.group("first"))):
                continue  # 'Iris Nijhof', 'mevrouw Kerkhof': a surname that ends like a street
            yield Finding("address", start, m.end(), text[start : m.end()])


def _more_addresses(text: str, low: str, ends: list[int]) -> Iterator[Finding]:
    for end in ends:  # a street in capitals or in lower case, found from its ending
        start = _WORD_START_BACK.search(text, max(0, end - 40), end - 1).start()
        word = text[start : end - 1]
        if word.isupper():
            m = _UPPER_STREET.match(text, start)
            if m:  # with the words in capitals before it: 'VAN HALLSTRAAT 12'
                first = start - len(_UPPER_WORDS_BACK.search(text, max(0, start - 40), start).group())
                yield Finding("address", first, m.end(), text[first : m.end()])
        elif word.islower():
            m = _LOWER_STREET.match(text, start)
            if m and not _NOT_BEFORE_LOWER_STREET.search(text, max(0, start - 5), start):
                yield finding_at("address", text, m)
    if " de " not in low:
        pass
    elif contains_any(low, _ANY_SUFFIX):  # a street without a number still ends like one
        for gate in _ARTICLE_THEN_CAPITAL.finditer(text):
            m = _STREET_AFTER_ARTICLE.match(text, gate.end())
            if m:
                yield finding_at("address", text, m)
    if " de " in low and digit_runs(text):  # a street where someone lives has a number
        for dwelling in _DWELLING_WORD.finditer(low):
            stop = _SENTENCE_STOP.search(low, dwelling.end(), dwelling.end() + 80)
            for on in _ON_THE.finditer(low, dwelling.end(), stop.start() if stop else dwelling.end() + 80):
                m = _DWELLING_STREET.match(text, on.end())
                if m:
                    yield finding_at("address", text, m)
    runs = digit_runs(text)
    if not any(text[at] != "0" and text[at : at + 4].isdigit() and not text[at + 4 : at + 5].isdigit() for at in runs):
        return  # a postcode's four digits are a run of their own
    for p in _POSTCODE_START.finditer(text):
        line_start = text.rfind("\n", 0, max(0, p.start() - 1)) + 1
        m = _BEFORE_POSTCODE.search(text, max(line_start, p.start() - 60), p.start())
        person = m and _PERSON_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        if m and not (person and (not person.group("first") or is_first_name(person.group("first")))):
            span = m.group().rstrip(" ,\t\n")
            yield Finding("address", m.start(), m.start() + len(span), span)


# --- Case, client and file numbers ----------------------------------------------------------

_ID_TOKEN = r"[A-Z0-9][A-Za-z0-9]*(?:[-/._][A-Za-z0-9]+)*"
_CASE_KEYWORD = re.compile(
    r"\b(?:dossier|zaak|cliënt|client|casus|registratie|referentie|melding|meldings|aanmeld|patiënt|patient|"
    r"(?:parket|persoons|gezins|huisarts|leerling|verwijzings|aanvraag|relatie)(?=nummer|nr|kenmerk|code)|"
    r"verwijs|beschikkings?|kenmerk|AGB|BIG|polis|klant|leerling|onderwijs|volg|pupil|ticket|"
    # 'rolnummer', 'rekestnr.', 'besluitnummer'; 'Ref.: …', 'ref: …' (not 'referee', 'reflectie')
    r"(?:rol|rekest|besluit)(?=nummer|nr)|ref\.|ref(?=\s*:)|"
    # identity documents, a foreigner's number, a bank account: each points to one person
    r"paspoort|identiteitskaart|id-kaart|rijbewijs|(?:document|rekening|BSN)(?=nummer|nr)|"
    r"vreemdelingen|IBAN|inschrijf(?=nummer|nr)|"
    # '(nr. 44781)': a bare 'nr.' before a long number
    r"nr\.?(?=\s*\d{4}))"
    # 'Zaak-ID:', 'dossier nr.': the label's second part may be joined by a hyphen or a space
    r"(?:[- ]?(?:nummer|nr\.?|code|id|kenmerk))?\s*(?:is|was|:|#|nr\.?|nummer)?\s*\(?"
    rf"(?P<id>(?=[A-Za-z0-9/._-]*\d|(?-i:[A-Z]{{1,4}}) \d){_ID_TOKEN}(?: (?=[A-Za-z]{{0,3}}\d)[A-Za-z0-9]+(?:[-/._][A-Za-z0-9]+)*){{0,3}})",
    I,
)
_CASE_GENERIC = [
    # JZ-2021-0456, VT/88213, Z2021-0045, 2021/0456-B
    re.compile(r"(?<![\w/.-])[A-Z]{1,5}[-/]?\d{3,}(?:[-/.][A-Za-z0-9]+)*(?![\w/-])"),
    re.compile(r"(?<![\w/.-])\d{2,}(?:[-/.]\d{2,}){1,3}(?:[-/][A-Z]{1,3})?(?![\w/-])"),
    re.compile(r"(?<![\w/.-])\d{6,}(?![\w/-])"),
    # AB12-345, CL4471-B, V25-0412: capitals glued to digits, then more groups
    re.compile(r"(?<![\w/.-])[A-Z]{1,5}\d{2,}(?:[-/][A-Z0-9]{1,5})+(?![\w/-])"),
    # 'ZWT 2025 0931', 'JZ 25 0412': capitals, a year, a serial number, spaced
    plain_re.compile(r"(?<![\w/.-])[A-Z]{2,5} (?:19|20)?\d{2} \d{3,6}(?![\w/-]|[.,]\d)"),
    # 'sh2025-0388': lower-case letters glued to digits, then another group (six digits at least: see below)
    plain_re.compile(r"(?<![\w/.-])[a-z]{1,5}\d{3,}(?:[-/][a-z0-9]{1,6})+(?![\w/-])"),
    # '#44918': a ticket or case number after a hash (not a year: '#2024')
    plain_re.compile(r"(?<![\w&#])#\d{4,}(?![\w/-])"),
]
_LOWER_CASE_ID = _CASE_GENERIC[-2]
# 'V-nummer 1234567890', 'Z-nummer: 44718', 'P-nr. 0412': a letter names the register
_LETTER_REGISTER = plain_re.compile(r"\b[A-Z]-(?:nummer|nr\.?)\s*:?\s*(?P<id>[A-Z0-9][A-Za-z0-9]*(?:[-/._][A-Za-z0-9]+)*)")
_CAPITALS_YEAR = plain_re.compile(r"[A-Z] \d\d")
_LOWER_DIGITS = plain_re.compile(r"[a-z]\d\d\d")
# what the newer patterns cannot match without (a cheap scan, or none at all)
_CASE_GENERIC_GATES = {4: _CAPITALS_YEAR.search, 5: _LOWER_DIGITS.search, 6: lambda text: "#" in text}
# 'ECLI:NL:RBMNE:2025:1234' (a published ruling about the family) and an IBAN ('NL91 ABNA 0417 1643 00')
_ECLI_IBAN = plain_re.compile(
    r"\bECLI:[A-Z]{2}:[A-Z0-9]{2,7}:\d{4}:[A-Z0-9.]{1,25}"
    r"|(?<![\w-])[A-Z]{2}\d{2} ?[A-Z]{4} ?\d{4} ?\d{4} ?\d{2}(?:\d{1,2}| ?\d{4})?(?![\w-])")
# 'DSM-5 309.81', 'ICD-10 F43.1': a diagnosis code, not a file number
_DIAGNOSIS_BEFORE = plain_re.compile(r"\b(?:DSM|ICD|DC)[- ]?(?:\d{1,2}|IV|5)(?:-TR)?:?\s?(?:code\s)?$", plain_re.IGNORECASE)
# '15.000', '120.000 jongeren': an amount in thousands is no file number unless a label says so
_THOUSANDS = plain_re.compile(r"\d{1,3}(?:\.\d{3})+")
# Letter and digit groups joined by - or /: JBO/24/0017, PGA-R-40822, JC-1182-B, APD/GZ/0517, WTV-24-00931.
CASE_KEYWORD_SCAN = KeywordScan(_CASE_KEYWORD)
_CASE_GROUPS = plain_re.compile(
    r"(?<![\w/.-])(?:[A-Z]{1,5}|\d{1,8})(?:[-/](?:[A-Z]{1,5}|\d{1,8})){1,4}(?![\w/-]|[.,]\d)"
)
_IBAN_GATE = plain_re.compile(r"[A-Z]{2}\d{2} ?[A-Z]{4}")
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}[-/](?:(?:19|20)?\d{2})")


_GROUP_SPLIT = plain_re.compile(r"[-/]")
_YEAR = plain_re.compile(r"(?:19|20)\d{2}")
_LABEL_YEAR = plain_re.compile(r"[A-Z]{1,5}[-/]?(?:19|20)\d{2}")
# 'CL4471-B', 'AB12-34': capitals glued to digits, then another group — a file number's shape, not a label
_LETTERS_DIGITS_GROUP = plain_re.compile(r"[A-Z]{2,5}\d{2,}[-/][A-Z0-9]{1,5}")


def _looks_like_case_groups(token: str) -> bool:
    groups = _GROUP_SPLIT.split(token)
    digits = [g for g in groups if g.isdigit()]
    letters = [g for g in groups if g.isalpha()]
    if sum(len(g) for g in digits) < 4 or not letters or not digits:
        return False
    if len(digits) == 1 and (_YEAR.fullmatch(digits[0]) or len(digits[0]) < 3):
        return False  # 'COVID-2020', 'WO-2' labels; one group of digits must be a real number
    return max(len(g) for g in letters) >= 2 or len(groups) >= 3


# 'c/18/2219 jz', 'C/10/671134': a court's case number, written in any case
_COURT_NUMBER = plain_re.compile(r"(?<![\w/.-])[A-Za-z]{1,3}/\d{2}/\d{3,}(?:[-/]\d+)*(?:\s?/?\s?[A-Za-z]{2}(?: [A-Za-z]{2})?\b)?")


def case_number(text: str) -> Iterator[Finding]:
    if not digit_runs(text):
        return  # every file number holds a digit
    if "ECLI:" in text or _IBAN_GATE.search(text):
        for m in _ECLI_IBAN.finditer(text):
            yield finding_at("case_number", text, m)
    for m in (_COURT_NUMBER.finditer(text) if "/" in text else ()):
        yield finding_at("case_number", text, m)
    for m in CASE_KEYWORD_SCAN.finditer(text):
        token = m.group("id")
        if sum(c.isdigit() for c in token) >= 3 and not _YEAR.fullmatch(token):
            yield Finding("case_number", *m.span("id"), token)
    for m in (_LETTER_REGISTER.finditer(text) if "-n" in text else ()):
        if sum(c.isdigit() for c in m.group("id")) >= 3:
            yield finding_at("case_number", text, m, "id")
    for m in _CASE_GROUPS.finditer(text):
        if _looks_like_case_groups(m.group()):
            yield finding_at("case_number", text, m)
    for index, pattern in enumerate(_CASE_GENERIC):
        if index in _CASE_GENERIC_GATES and not _CASE_GENERIC_GATES[index](text):
            continue
        for m in pattern.finditer(text):
            token = m.group()
            digits = sum(c.isdigit() for c in token)
            if (digits < 5 and not (digits == 4 and (_LETTERS_DIGITS_GROUP.fullmatch(token) or token[0] == "#"))) \
                    or _YEAR_RANGE.fullmatch(token) or _THOUSANDS.fullmatch(token):
                continue
            if token[0] == "#" and _YEAR.fullmatch(token[1:]) or pattern is _LOWER_CASE_ID and digits < 6:
                continue
            if _DIAGNOSIS_BEFORE.search(text, max(0, m.start() - 16), m.start()):
                continue
            if _LABEL_YEAR.fullmatch(token):
                continue  # 'DSM-2013', 'COVID-2020'-like labels with a year
            yield finding_at("case_number", text, m)
