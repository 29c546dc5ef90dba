"""Names in informal text: lower case, chat speakers, initials on their own, and every later mention.

Young people and parents write 'mn vriendin sanne', 'met jayden', 'kaan: ik kan niet'. A lower-case word that is
a first name in deduce's list and no Dutch or English word is taken for a name anywhere; one that is also a word
('roos', 'storm') only right after a strong cue ('ik ben', 'mn vriendin'). Once a name is found in a text, its
other mentions are names too ('Roos is 15', 'Storm belde'), so one cue is enough for the whole text.

name_grammar() reads what the sentence says about a word, whatever the word: a role in brackets in a list of people
('Beer (pleegvader)'), a greeting or a sign-off ('Hoi Merel,', 'Groet,\nLinde'), a chat speaker, a possessive
before a role ('Ayaans juf'), initials next to a relation ('jongere WK', 'RB en zijn moeder'), and a first name that
is also a word before what only a person does ('Storm werd wakker'). Roles, team names and care abbreviations in the
same places stay words.
"""

from __future__ import annotations

import re as plain_re  # the standard library's engine: a plain word scan is several times faster there
from functools import lru_cache
from typing import Iterator

import regex as re

from . import gazetteer, lexicon
from .findings import Finding
from .rules import ROLE_WORDS
from .scanning import contains_any, occurrences
from .words import written_in_english

_PLAIN_WORD = plain_re.compile(r"[^\W\d_]{3,}")
_LETTER = plain_re.compile(r"[^\W\d_]")
# kin and friends that rules.ROLE_WORDS lacks: 'mn neefje sem', 'mn stiefzus jade', 'mn beste vriendin roos'
_KIN_EXTRA = (r"neefje|nichtje|stiefbroer|stiefbroertje|stiefzus|stiefzusje|halfbroer|halfbroertje|halfzus|halfzusje|"
              r"pleegbroer|pleegbroertje|pleegzus|pleegzusje|schoonzus|schoonbroer|zwager|schoonmoeder|schoonvader|"
              r"kleinzoon|kleindochter|beste vriend|beste vriendin|bff|vriendje|vriendinnetje|peetoom|peettante|"
              r"stiefmama|stiefpapa|ome|tantetje")
_RELATION_GATE = ("mn ", "m'n ", "mijn ", "zn ", "z'n ", "d'r ")
_RELATION_THEN_WORD = plain_re.compile(
    rf"(?i:\b(?:mn|m'n|mijn) (?:{ROLE_WORDS})\s+)(?P<after>[a-zà-ÿ]{{3,}})\b(?![-'’@.]\w)"
    rf"|(?<![\w@./-])(?P<before>[a-zà-ÿ]{{3,}})(?=\s+(?i:zn|z'n|d'r) (?:{ROLE_WORDS})\b)"
)
# chat words no dictionary lists: 'mn moeder ofzo', 'mn broer wollah'
_CHAT_WORDS = frozenset("""lol ofzo ofso idk btw tho wollah wallah bro broer sws eig iig omg wtf haha hahaha ffs tbh
irl fam nvm kmr kvn kvm wtff ofzoiets enzo enso zoiets ookal ookl gwn gewn nie nooit nii nogsteeds echtt
""".split())
_LOWER_TOKEN = plain_re.compile(r"(?<![\w@./-])[a-zà-ÿ][a-zà-ÿ]{2,}(?![\w@-])")
_STRONG_CUE = re.compile(
    rf"(?:\b(?:ik ben|ben ik|ik heet|heet|noem(?:t|en|de|den)? (?:me|mij|hem|haar)|zeggen|iedereen zegt|genaamd|naam is|"
    rf"ik en|samen met)"
    rf"|\b(?:mn|m'n|mijn|zn|z'n|zijn|haar|je|jouw|onze|ons) (?:{ROLE_WORDS}|{_KIN_EXTRA}))\s+$",
    re.IGNORECASE,
)
# 'thomas zn moeder', 'sanne d'r broertje': a possessive after a word makes it a person
_PERSON_AFTER = re.compile(rf"\s+(?:(?:zn|z'n|zijn|d'r|dr|haar|der)\s+(?:{ROLE_WORDS})|en ik)\b", re.IGNORECASE)
# 'wouter was anders.', 'en jesse zei niks': a first name opening a clause, then a finite verb
_VERB_AFTER = re.compile(r"\s+(?:was|is|zei|zegt|kwam|komt|belde|belt|appte|appt|had|heeft|wil|wilde|ging|gaat|deed|"
                         r"doet|vond|vindt|zat|zit|mocht|mag|moest|moet|kon|kan|woont|woonde|huilde|lachte|"
                         r"haalt|haalde|helpt|hielp|brengt|bracht|snapt|snapte|denkt|dacht|weet|wist|praat|praatte|"
                         r"stuurt|stuurde|vraagt|vroeg|zegt|kookt|werkt|werkte|speelt|speelde|slaapt|sliep|past|"
                         r"paste|logeert|logeerde)\b")
_CLAUSE_START = re.compile(r"(?:^|[.!?\n:]\s*|\b(?:en|maar|want|dus|toen|omdat|dat|nou|ook|daarna|en dan|"
                           r"alleen|gister|gisteren|vandaag)\s+)$")
# 'die jongen heet storm', 'ze noemen haar roos': naming says it is a name, even of a common word
_NAMING_CUE = plain_re.compile(r"\b(?:heet|heten|genaamd|naam is|noem(?:t|en|de|den)? (?:me|mij|hem|haar))\s+$")
# 'oma riek', 'tante gerda', 'juf noor': a relation or title written in lower case right before
_KIN_BEFORE = plain_re.compile(r"(?<![\w-])(?:oma|opa|tante|oom|juf|meester|neef|nicht|buurvrouw|buurman)\s+$")
# 'toen zei mila dat …', 'gisteren was sem jarig': a verb before the name, then what follows a person
_VERB_BEFORE = plain_re.compile(r"\b(?:zei|zegt|vroeg|vraagt|belde|belt|appte|appt|kwam|komt|vertelde|vertelt|was|is|"
                                r"werd)\s+$")
_INVERTED_AFTER = plain_re.compile(r"\s+(?:dat|tegen|nog|ook|weer|ff|jarig|boos|ziek|verdrietig|langs)\b")
_SPEAKER = plain_re.compile(r"\n[ \t]*(?:\[[^\]\n]{0,20}\][ \t]*)?(?P<name>[a-zà-ÿ][a-zà-ÿ]{1,20}):")
_INITIALS_ALONE = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}(?![\w.])")
_ONE_INITIAL = plain_re.compile(r"(?<= )[A-Za-z]\.(?![\w.])")
_ROLE_BEFORE = plain_re.compile(rf"\b(?:{ROLE_WORDS}) $", plain_re.IGNORECASE)
_ABBREVIATIONS = {"N.B.", "P.S.", "A.U.B.", "T.A.V.", "I.P.V.", "O.A.", "Z.S.M.", "M.B.T.", "E.D.", "D.W.Z.",
                  "M.A.W.", "B.V.", "N.V.", "V.O.F.", "A.S.", "T.Z.T.", "I.V.M.", "C.Q.", "E.E.A.", "V.D.", "U.S.",
                  "P.O.", "V.S.", "B.N.", "I.O.", "O.B.V.", "M.I.V.", "G.G.Z."}
_ROLE_SPEAKERS = {"begeleider", "moeder", "vader", "mama", "papa", "ik", "jeugdbeschermer", "mentor", "juf",
                  "coach", "docent", "school", "gezinscoach", "hulpverlener", "wijkteam", "ouder", "oma", "opa"}


@lru_cache(maxsize=1)
def _first_names_lower() -> frozenset[str]:
    return frozenset(n for n in lexicon.first_names_lower() if n.isalpha() and len(n) >= 3)


@lru_cache(maxsize=1)
def _dutch() -> frozenset[str]:
    """Dutch words only: 'peter', 'thomas' are English words but in a Dutch text a name."""
    return lexicon.dutch_words() | lexicon.common_words() | frozenset(w.lower() for w in lexicon.general_proper_nouns())


@lru_cache(maxsize=1)
def _person_names() -> frozenset[str]:
    return lexicon.first_names() | lexicon.surnames()


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    return lexicon.ordinary_words() | lexicon.common_words() | frozenset(w.lower() for w in lexicon.general_proper_nouns())


_SELF_NAMED_GATE = ("ik ben", "ben ik", "ik heet", "noem", "zegt", "zeggen")
_SELF_NAMED = re.compile(r"(?<=\b(?i:ik ben|ben ik|ik heet|noem(?:t|en|de|den)? (?:me|mij|hem|haar)|iedereen zegt|"
                         r"(?:ze|we|jullie) zeggen(?: tegen (?:me|mij|hem|haar))?)\s)(?:[A-Z]{2,3}|[a-zà-ÿ]{3,})\b")


def lower_tokens(text: str, words: set[str]) -> list[tuple[int, str]]:
    """Where _LOWER_TOKEN.finditer(text) yields one of `words` (all of them lower-case tokens), in text order, found
    with str.find: most texts hold one or two such words among hundreds of tokens."""
    found = []
    n = len(text)
    for at, word in occurrences(text, words):
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < n else " "
        if not (before.isalnum() or before in "_@./-") and not (after.isalnum() or after in "_@-"):
            found.append((at, word))
    return found


# -- informal text: a lower-case first name as the subject of a verb, whatever the verb ----------------------

_NEXT_WORD = plain_re.compile(r" (?:en (?P<other>[a-zà-ÿ]{3,}) )?(?P<verb>[a-zà-ÿ]{2,})(?![\w'’-])")
_PREVIOUS_WORD = plain_re.compile(r"(?:^|(?<=[\s,.!?:]))(?P<verb>[a-zà-ÿ]{2,}) $")
_BACK_POSSESSIVE = plain_re.compile(r" (?:haar|zijn|z'n|zn|d'r|dr) [a-zà-ÿ]")
_UNDOUBLE = plain_re.compile(r"([aeou])\1([^aeiou])$")


def _finite_verb(word: str, plural: bool = False) -> bool:
    """'blijft', 'vergeet', 'komt', 'gaat', 'logeerde': a Dutch finite verb form, read from its infinitive in the
    word list (no list of verbs is ever complete); with `plural`, also the infinitive-like plural ('gaan')."""
    dutch = lexicon.dutch_words()
    if plural and word.endswith("n") and word in dutch and word.endswith(("en", "aan", "ien")):
        # not 'zijn': 'amber en jade zijn edelstenen' says what things are
        return word not in lexicon.common_words() or word in ("gaan", "komen", "willen", "moeten", "hebben")
    if len(word) < 3 or word in lexicon.common_words() and word not in ("gaat", "komt", "heeft", "wil", "moet", "kan",
                                                                       "mag", "zit", "blijft", "doet", "staat"):
        return False
    if word.endswith(("de", "te")) and len(word) >= 5:  # 'logeerde', 'werkte': a past form of a verb
        stem = word[:-2]
        forms = (stem + "en", _UNDOUBLE.sub(r"\1\2", stem) + "en", stem[:-1] + "ven" if stem.endswith("f") else "",
                 stem[:-1] + "zen" if stem.endswith("s") else "")
        return any(f in dutch for f in forms if f)
    if not word.endswith("t"):
        return word in ("wil", "kan", "mag", "zal")
    stem = word[:-1]
    forms = (stem + "en", stem + "n", _UNDOUBLE.sub(r"\1\2", stem) + "en", _UNDOUBLE.sub(r"\1\2", word) + "en",
             stem + stem[-1:] + "en", stem[:-1] + "ven" if stem.endswith("f") else "",
             stem[:-1] + "zen" if stem.endswith("s") else "")
    return any(f in dutch for f in forms if f)


def _subject_of_verb(text: str, start: int, end: int) -> bool:
    """'jasmijn blijft hier', 'roos en madelief gaan': a lower-case first name opening a clause, then a verb."""
    if not _CLAUSE_START.search(text[max(0, start - 8) : start]):
        return False
    m = _NEXT_WORD.match(text, end)
    if not m:
        return False
    other = m.group("other")
    if other and (other not in _first_names_lower() or other in lexicon.common_words()):
        return False
    return _finite_verb(m.group("verb"), plural=bool(other))


def _inverted_subject(text: str, start: int, end: int) -> bool:
    """'neemt madelief haar medicijnen mee?': a verb, the name, then a possessive that points back to it."""
    if not _BACK_POSSESSIVE.match(text, end):
        return False
    m = _PREVIOUS_WORD.search(text, max(0, start - 16), start)
    return bool(m) and _finite_verb(m.group("verb"))


def informal_names(text: str) -> Iterator[Finding]:
    first, words, low_text = _first_names_lower(), _words(), text.lower()
    dutch = words if written_in_english(low_text) else _dutch()  # 'has', 'will': English words there
    # one C-level pass finds the lower-case first names a text holds (mostly none), then only those are looked at
    for start, token in lower_tokens(text, first.intersection(_LOWER_TOKEN.findall(text))):
        end = start + len(token)
        if token in lexicon.common_words():
            # 'zijn moeder aan tafel'; but 'die jongen heet storm'
            if _NAMING_CUE.search(text[max(0, start - 20) : start]):
                yield Finding("name", start, end, token)
            continue
        if (token not in dutch or _STRONG_CUE.search(text[max(0, start - 30) : start])
                or _PERSON_AFTER.match(text, end)
                or (_VERB_AFTER.match(text, end) and _CLAUSE_START.search(text[max(0, start - 8) : start]))
                or _subject_of_verb(text, start, end) or _inverted_subject(text, start, end)
                or (_KIN_BEFORE.search(text[max(0, start - 12) : start]) and token not in _CHAT_WORDS)
                or (_VERB_BEFORE.search(text[max(0, start - 8) : start]) and _INVERTED_AFTER.match(text, end))):
            yield Finding("name", start, end, token)
    # 'mn vriendin shaquira', 'met mn neef dyllano', 'jaylinn zn moeder': a word no list knows, where the sentence
    # says it is a person (names are spelt in more ways than any list holds)
    for m in (_RELATION_THEN_WORD.finditer(text) if any(c in low_text for c in _RELATION_GATE) else ()):
        group = "after" if m.group("after") else "before"
        token = m.group(group)
        if (token not in first and token not in words and token not in dutch and token not in _CHAT_WORDS
                and not token.endswith(("en", "je", "tje"))):
            yield Finding("name", *m.span(group), token)
    # line starts: '\n' + text, so the pattern opens with a literal the engine finds fast (spans are one on)
    speakers = [m for m in _SPEAKER.finditer("\n" + text)] if ":" in text else []
    counts = {}
    for m in speakers:
        counts[m.group("name")] = counts.get(m.group("name"), 0) + 1
    for m in speakers:
        token = m.group("name")
        # a chat speaker who speaks twice is a person, even when the name is also a word ('kaan')
        if token not in _ROLE_SPEAKERS and (token not in words or counts[token] > 1) and token not in lexicon.common_words():
            yield Finding("name", m.start("name") - 1, m.end("name") - 1, token)
    for m in _INITIALS_ALONE.finditer(text):
        if m.group().upper() not in _ABBREVIATIONS:
            yield Finding("name", m.start(), m.end(), m.group())
    for m in _ONE_INITIAL.finditer(text):  # 'mentor J.': an initial after a role
        if _ROLE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            yield Finding("name", m.start(), m.end(), m.group())
    # 'ik ben Kwabena maar op straat ben ik KB', 'noemt me chay': a strong cue names any word
    low = low_text
    for m in (_SELF_NAMED.finditer(text) if contains_any(low, _SELF_NAMED_GATE) else ()):
        token = m.group()
        if token.isupper() or (token.lower() not in words):
            yield Finding("name", m.start(), m.end(), token)
    yield from name_grammar(text)
    yield from signature_blocks(text)


# -- name grammar: where the sentence says it is a person, whatever the word --------------------------------

_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?"
# Roles and trades written in brackets after a name in a list of people: 'Bogdan (vader)', 'MK (jongere)'
_ROLE_IN_BRACKETS = (rf"(?:{ROLE_WORDS}|[a-zà-ÿ-]*(?:coach|werker|begeleider|behandelaar|therapeut|psycholoog|"
                     r"beschermer|voogd|arts|wetenschapper|ambtenaar|kundige|kundig|consulent|regisseur|trainer|"
                     r"leider|notulist|voorzitter|tolk|verpleegkundige|agent|wijkagent|directeur|leerling|ib'er)|"
                     r"notulen|vz|afwezig)")
# (the standard library's engine for these scans: they need no look-behind of varying width, and it is faster)
_ROLE_BRACKET = plain_re.compile(rf"\((?i:{_ROLE_IN_BRACKETS})\b")
_LISTED_PERSON = plain_re.compile(rf"(?<![\w.-])(?P<name>{_CAP_WORD}|[A-Z]{{2,3}}|(?:[A-Z]\.){{1,3}})\s?$")
# 'Hoi Sanne,', 'Lieve Storm!': a greeting at the start of a line
_GREETING = plain_re.compile(rf"(?m)\n[ \t]*(?i:hoi|hey|hee|hai|hallo|beste|lieve|dag|goedemorgen|goedemiddag|goedenavond|hi)"
                       rf"[ \t]+(?P<name>{_CAP_WORD})[ \t]*(?:[,!]|$)")
_LOWER_GREETING = plain_re.compile(r"(?m)\n[ \t]*(?:hoi|hey|hee|hai|hallo|lieve|hi|heey|hoii)[ \t]+"
                                   r"(?P<name>[a-zà-ÿ]{2,})[ \t]*(?:[,!]|$)")
# 'Groet, Ruud', 'Met vriendelijke groet,\n\nGerben Hoekstra', 'groetjes kimberly', 'peace\nJD'
# The name is read in a look-ahead, so a sign-off taken for the name line of the one before still starts its own
# ('Tot morgen.\n\nCheers,\nBas').
_SIGN_OFF = plain_re.compile(
    r"(?im)\n[ \t]*(?:(?:met )?(?:vriendelijke |hartelijke |lieve |warme |veel )?(?:groet|groeten|groetjes|gr)|mvg|"
    r"liefs|doei|dank(?:je)?(?: wel)?|bedankt|kusjes|xx|peace|cheers|thanks|tot (?:snel|later|morgen|dan|gauw|ziens))"
    r"(?=[ \t]*[,.!]?[ \t]*(?:\n[ \t]*){0,2}"
    r"(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+|[A-Z]{2,3})|[a-zà-ÿ]{3,})[ \t]*(?:[,.!]?[ \t]*$|\n|(?-i:[ \t]+[A-Z])))"
)
# 'gisteren belde Mehari, een neef van vader', 'volgens Roos, de mentor': a first name that is also a word, in the
# middle of a sentence, after a verb of speaking or before an apposition naming a role
_WORD_NAME_MID = plain_re.compile(r"(?<=[a-zà-ÿ,] )(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})(?![\w'’-])")
_SPEECH_BEFORE = plain_re.compile(r"\b(?:belde|zei|zegt|vroeg|vraagt|appte|appt|vertelde|vertelt|schreef|sprak|"
                                  r"antwoordde|mailde|volgens)\s$")
_APPOSITION = plain_re.compile(rf",\s+(?:een|de|zijn|haar|hun|mijn|mn|onze)\s+(?:[a-zà-ÿ]+\s+)?(?:{ROLE_WORDS})\b")
# '- TJ', '~ Sanne' alone on the last line: a young person's signature under a reflection
_DASH_SIGNATURE = plain_re.compile(r"\n[ \t]*[-–—~][ \t]*(?P<name>[A-Z]{2,3}|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}|[a-zà-ÿ]{3,})"
                                   r"[ \t]*\s*\Z")
# a first name alone on the last line, after a blank line: the writer's signature ('…\n\nFleur', '…\n\nkimberly')
_LAST_LINE_NAME = plain_re.compile(r"\n[ \t]*\n[ \t]*(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}|[a-zà-ÿ]{3,})[ \t]*\s*\Z")
# 'AvD', 'JvdB': initials with a tussenvoegsel; bodies are written so too, and stay words
_MIXED_INITIALS = plain_re.compile(r"[A-Z](?:v|vd|vdr|d|t)[A-Z]")
_BODY_ABBREVIATIONS = {"RvdK", "RvK", "PvdA", "CvB", "OvJ", "RvT", "RvC", "KvK", "VvE", "CvdK", "WvS", "MvT", "RvS",
                       "CvA", "RvA", "HvJ", "AvG", "PvA", "PvE", "BvO", "CvI", "MR", "OR", "GMR", "CJG", "SO", "VO"}
# 'Ayaans juf', 'Storms moeder': a possessive before a role noun
_POSSESSIVE = plain_re.compile(rf"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{{2,}}(?:s|'s|’s|(?<=[sxz])['’])(?=\s+(?:{ROLE_WORDS})\b)")
# 'Storm werd wakker', 'Bloem uit haar klas': a first name that is also a word, at a sentence start, before what
# only a person does
_PERSON_VERB = plain_re.compile(
    r"\s+(?:zegt|zei|vertelt|vertelde|vroeg|vraagt|belde|belt|appte|appt|huilde|huilt|lachte|lacht|speelt|speelde|"
    r"slaapt|sliep|zit|zat|ging|gaat|liep|loopt|wil|wilde|durft|durfde|weigert|weigerde|woont|woonde|kwam|komt|"
    r"haalt|haalde|helpt|hielp|brengt|bracht|denkt|dacht|praat|praatte|stuurt|stuurde|schreeuwt|schreeuwde|"
    r"fietst|fietste|voetbalt|snapt|snapte|mist|miste|logeert|logeerde|kookt|kookte|past op|paste op|blijft|bleef|"
    r"werd (?:er )?(?:wakker|boos|bang|verdrietig)|(?:is|was) (?:boos|bang|blij|verdrietig|ziek|jarig)|heeft|had|"
    rf"(?:is|was) (?:de|het|haar|zijn|een) (?:[a-zà-ÿ]+ )?(?:{ROLE_WORDS}|jongste|oudste|middelste|tweelingzus|"
    r"tweelingbroer)|"
    r"(?:uit|van) (?:haar|zijn|mijn|mn|m'n|de) (?:klas|groep|school|team)|en (?:haar|zijn) (?:moeder|vader|zus|broer))\b"
)
_WORD_NAME_AT_START = plain_re.compile(r"[.!?:\n][ \t\n]{0,3}(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{1,})(?=[\s,])")
_WORD_AT_TEXT_START = plain_re.compile(r"\s*(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{1,})(?=[\s,])")
# 'mevrouw bakker', 'juf de vries': lower-case title and surname in informal text
_LOWER_TITLE = plain_re.compile(r"(?P<name>(?:mevrouw|meneer|mevr\.|mw\.|dhr\.|juf|meester)\s+"
                          r"(?:(?:van der|van den|van de|van|de|der|den|ter|ten|el|al|ben)\s+)?[a-zà-ÿ]{3,})\b")
# 'jongere AK', 'zoon TJ', 'AK en zijn moeder', 'AK z'n vader': two or three capitals as a person
_RELATION = (r"jongere|cliënt|cliënte|zoon|zoontje|dochter|dochtertje|broer|broertje|zus|zusje|vriend|vriendin|"
             r"neef|nicht|pupil|meisje|jongen|pleegzoon|pleegdochter")
_CAPITALS = plain_re.compile(r"[A-Z]{2,3}(?![\w-])")
# 'AK kwam te laat', 'RB huilde': initials before what only a person does (not 'UWV besloot', 'GGD komt langs')
_INITIALS_PERSON_VERB = plain_re.compile(
    r" (?:kwam|vertelde|vertelt|huilde|huilt|lachte|lacht|liep|loopt|woont|woonde|speelt|speelde|slaapt|sliep|"
    r"voelt|voelde|durft|durfde|weigert|weigerde|appte|appt|schreeuwde|schreeuwt|rende|rookt|rookte|blowt|blowde|"
    r"spijbelt|spijbelde|logeert|logeerde|wilde niet|wil niet|was boos|is boos|was bang|is bang|is jarig|zat thuis|"
    r"zit thuis|ging naar huis|kwam te laat|kwam binnen|gaf aan|geeft aan)\b")
_ARTICLE_BEFORE = plain_re.compile(r"(?<![\w])(?:de|het|een|De|Het|Een) $")
_ORGANISATION_ABBREVIATIONS = {"UWV", "SVB", "DUO", "IND", "COA", "GGD", "CAK", "OM", "GI", "VT", "WT", "JGZ", "MEE",
                               "ZAT", "SKJ", "AMK", "BJZ", "SMW", "AMW", "JOT", "GGZ", "RIBW", "FACT", "MST", "FFT",
                               "IAG", "MDO", "KDV", "BSO", "PSZ", "ROC", "MBO", "HBO", "JIM", "NJI", "CIZ", "ZMLK",
                               "SGA", "WMO", "PGB", "ASS", "LVB", "SEH", "IC", "HA", "OK", "TV", "PC", "NS", "KNVB",
                               "JGT", "JPT", "SWT", "SBT", "SBO", "REC", "ZSM", "JOS", "IOG", "CAT", "OKA", "BOA",
                               "SO", "VO", "PO", "MR", "GMR", "AZC", "EKC", "OTS", "VOG", "LOS", "RVT"}
_RELATIONS = frozenset(_RELATION.split("|"))
_BRACKET_OPENING = plain_re.compile(r" ?\((?:hierna:? )?$")
_PERSON_AFTER_INITIALS = plain_re.compile(
    rf"(?:['’]s)? (?:en )?(?:(?:zijn|haar|z'n|zn|d'r) )?(?:{ROLE_WORDS})\b| \(\d{{1,2}}(?: jaar| jr\.?)?\)")
# 'Naam: Roos', 'Jeugdige: Storm', 'Roepnaam: Bo': a form field for a person, the value alone on its line
_PERSON_FIELD = plain_re.compile(
    rf"(?im)\n[ \t]*(?:naam(?:[ \t]+(?:van[ \t]+)?(?:de[ \t]+|het[ \t]+)?(?:{ROLE_WORDS}))?|roepnaam|voornaam|achternaam|bijnaam|jeugdige|jongere|cliënte?|client|"
    r"kind|leerling|pupil|moeder|vader|pleegmoeder|pleegvader|contactpersoon|aanmelder|verwijzer|mentor|"
    r"jeugdbeschermer|gezinsvoogd|casemanager|behandelaar|gezinscoach|notulist|voorzitter|notulen|verslag|"
    r"verslaglegging|actie|actiehouder|acties|wie|door|trekker|eigenaar|verantwoordelijke|aanwezig|afwezig|"
    r"gesproken met|gesprek met|tolk|ondertekening|getekend|namens|opgesteld door|auteur|afzender|van|aan|cc)"
    r"[ \t]*:[ \t]*"
    r"(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?|[A-Z](?:v|vd|vdr|d|t)[A-Z]))"
    r"(?=[ \t]*(?:$|[,(]|(?-i:[ \t]+(?:[A-ZÀ-ÖØ-Þ]|(?:van|de|der|den|ter|ten|el|al|ben)\b))))"
)
# 'Juf Hyacint', 'Oma Riet': a title with a capital (a sentence start), then a name that may be a word
_TITLE_THEN_NAME = plain_re.compile(r"(?:Juf|Meester|Mevrouw|Meneer|Tante|Oom|Oma|Opa)[ \t]+"
                              r"(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})(?![\w-])")
# what a young person 'is' in care language: 'jongere AMV', 'cliënt LVB'
_CARE_ABBREVIATIONS = {"AMV", "LVB", "ASS", "VG", "EMB", "NAH", "OTS", "GI", "ADD", "ODD", "CD", "PDD", "MVV", "NT2",
                       "VSV", "PGB", "JJI", "JZ", "JB", "JR", "GGZ", "SGLVG", "ZMOK", "ZML", "VSO", "SO", "PRO", "VMBO",
                       "MBO", "HBO", "HAVO", "VWO", "BBL", "BOL", "ISK", "OKT", "CJG", "VT", "POH"}
_ROLE_WORD = plain_re.compile(rf"(?i:{ROLE_WORDS})")
_CHAT_SPEAKER = plain_re.compile(rf"(?m)\n[ \t]*(?:\[[^\]\n]{{0,20}}\][ \t]*)?(?P<name>{_CAP_WORD}):")
_FIELD_VALUES = {"onbekend", "nvt", "geen", "ja", "nee", "idem", "zie", "anoniem", "moeder", "vader", "beide",
                 "ouders", "zelf", "jeugdige", "jongere", "volgt", "niet", "wel"}
_NOT_NAMES = {"allen", "allemaal", "team", "collega", "collega's", "ouders", "heren", "dames", "mevrouw", "meneer",
              "iedereen", "lezer", "jongens", "meiden", "lieverd", "schat", "mam", "pap", "juf", "meester"}


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.deduce_list("whitelist/lst_stop_word"))


@lru_cache(maxsize=1)
def _word_names() -> frozenset[str]:
    """Our own first names that are also words (Roos, Storm, Bloem, Daisy): the curated list, not deduce's, whose
    first names include many words that no writer means as a name."""
    return frozenset(n for n in lexicon._read(lexicon.DATA / "first_names.txt") if n.lower() in _words())


def _after_relation(text: str, start: int) -> bool:
    """'jongere AK', 'zoon (hierna: TK)': a relation word right before."""
    before = text[max(0, start - 24) : start]
    if before.endswith(("(", ": ", ":")):
        opening = _BRACKET_OPENING.search(before)
        if not opening:
            return False
        before = before[: opening.start()] + " "
    if not before.endswith(" "):
        return False
    words = before[:-1].rsplit(None, 1)
    return bool(words) and words[-1].lower() in _RELATIONS


def _is_place(token: str) -> bool:
    """A listed town or neighbourhood that is no first name ('Overvecht', 'Zaandam'; not 'Linde')."""
    return token not in lexicon.first_names() and token.lower() in gazetteer.table()


def _namelike(token: str) -> bool:
    """A first name, or a capitalised word that is no ordinary word: 'Sanne', 'Storm', 'Yonas', not 'Team'."""
    low = token.lower()
    if low in lexicon.common_words() or low in _NOT_NAMES or low in _ROLE_SPEAKERS or _is_place(token):
        return False
    return token.isupper() or token in lexicon.first_names() or low not in _words()


def name_grammar(text: str) -> Iterator[Finding]:
    """Names the grammar gives away: lists of people with their roles, greetings and sign-offs, chat speakers,
    possessives before a role, and a first name that is also a word before what only a person does."""
    for bracket in (_ROLE_BRACKET.finditer(text) if "(" in text else ()):
        m = _LISTED_PERSON.search(text, max(0, bracket.start() - 40), bracket.start())
        if not m:
            continue
        token = m.group("name")
        low = token.lower()
        if _is_place(token):
            continue  # 'Overvecht (wijkagent)': the role's place, not a person
        # a role in brackets is evidence enough for a first name that is also a word ('Beer (pleegvader)')
        if token.isupper() or token.endswith(".") or _namelike(token) or (
                token in lexicon.first_names() and low not in _NOT_NAMES and low not in _ROLE_SPEAKERS
                and low not in _stop_words()):
            yield Finding("name", *m.span("name"), token)
    lines = "\n" + text  # the line-start patterns open with '\n' (a literal the engine finds fast): spans are one on
    for m in _GREETING.finditer(lines):
        if _namelike(m.group("name")):
            yield Finding("name", m.start("name") - 1, m.end("name") - 1, m.group("name"))
    for m in _LOWER_GREETING.finditer(lines):  # 'hoi bas,', 'lieve noor!': informal, so a word-name counts too
        token = m.group("name")
        if token in _first_names_lower() and token not in lexicon.common_words() and token not in _NOT_NAMES:
            yield Finding("name", m.start("name") - 1, m.end("name") - 1, token)
    for m in _SIGN_OFF.finditer(lines):
        token = m.group("name")
        if token.islower() and (token not in _first_names_lower() or token in lexicon.common_words()):
            continue  # 'groetjes van mij', 'liefs mama'
        # a signature is a first name ('Ruud', 'Storm') or initials alone on the line ('JD'); 'Team Zuid' is none
        if (token.isupper() and lines[m.end("name") : m.end("name") + 1] in ("", "\n")) or (
                token.capitalize() in lexicon.first_names() and _namelike(token.capitalize())):
            yield Finding("name", m.start("name") - 1, m.end("name") - 1, token)
    m = _DASH_SIGNATURE.search(text, max(0, len(text) - 40)) or _LAST_LINE_NAME.search(text, max(0, len(text) - 40))
    if m:
        token = m.group("name")
        if (token.isupper() and token not in _CARE_ABBREVIATIONS and token not in _BODY_ABBREVIATIONS) or (
                token.capitalize() in lexicon.first_names() and token.lower() not in lexicon.common_words()
                and (token.islower() or _namelike(token))):
            yield Finding("name", *m.span("name"), token)
    for m in (_PERSON_FIELD.finditer(lines) if ":" in text else ()):
        token = m.group("name")
        if _MIXED_INITIALS.fullmatch(token):
            if token not in _BODY_ABBREVIATIONS:  # 'Notulen: AvD' (Anna van Dijk), not 'Aanwezig: RvdK'
                yield Finding("name", m.start("name") - 1, m.end("name") - 1, token)
        elif token in lexicon.first_names() or token in lexicon.surnames() or _namelike(token):
            if token.lower() not in _FIELD_VALUES and not _ROLE_WORD.fullmatch(token):
                yield Finding("name", m.start("name") - 1, m.end("name") - 1, token)
    for m in _TITLE_THEN_NAME.finditer(text):
        token = m.group("name")
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"):
            continue
        if token in lexicon.first_names() or token in lexicon.surnames() or _namelike(token):
            yield Finding("name", *m.span("name"), token)
    for m in _CAPITALS.finditer(text):
        start, end = m.span()
        if (start and (text[start - 1].isalnum() or text[start - 1] in "_.-")) or m.group() in _CARE_ABBREVIATIONS:
            continue
        if _PERSON_AFTER_INITIALS.match(text, end) or (
                text[end : end + 1] not in ("'", "’") and _after_relation(text, start)) or (
                _INITIALS_PERSON_VERB.match(text, end) and m.group() not in _ORGANISATION_ABBREVIATIONS
                and m.group() not in _BODY_ABBREVIATIONS
                and not _ARTICLE_BEFORE.search(text, max(0, start - 5), start)):  # 'het MKD kwam': a service
            yield Finding("name", start, end, m.group())
    speakers = {}
    for m in (_CHAT_SPEAKER.finditer(lines) if ":" in text else ()):
        speakers.setdefault(m.group("name"), []).append(m)
    for token, found in speakers.items():
        # 'Marjolein: …' twice is a chat; 'Van:' twice is an e-mail header (a stop word, no first name)
        if len(found) > 1 and token in lexicon.first_names() and token.lower() not in lexicon.common_words():
            for m in found:
                yield Finding("name", m.start("name") - 1, m.end("name") - 1, token)
    first_names = lexicon.first_names()
    for m in _POSSESSIVE.finditer(text):
        word = m.group()
        token = word[:-2] if word[-2] in "'’" else word[:-1]  # 'Kiki's', 'Storms', 'Roos''
        if (token in first_names and token.lower() not in lexicon.common_words()
                and not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"))):
            end = m.start() + len(token) + (0 if word[-2] in "'’" or word[-1] in "'’" else 1)  # the name alone
            yield Finding("name", m.start(), end, text[m.start() : end])
    word_names = _word_names()
    first_word = _WORD_AT_TEXT_START.match(text)
    for m in ((first_word,) if first_word else ()) + tuple(_WORD_NAME_AT_START.finditer(text)):
        token = m.group("name")
        # 'Merel, haar zus, zegt …': an apposition naming a role says the same as a verb; 'Bo blijft thuis': a
        # two-letter first name is a word too ('bo', basisonderwijs) and needs the same evidence
        if (token in word_names or (len(token) == 2 and token in first_names
                                    and token.lower() not in lexicon.common_words())) and (
                _PERSON_VERB.match(text, m.end()) or _APPOSITION.match(text, m.end())):
            yield Finding("name", *m.span("name"), token)
    for m in _WORD_NAME_MID.finditer(text):
        token = m.group("name")
        if token in word_names and (_SPEECH_BEFORE.search(text, max(0, m.start() - 16), m.start())
                                    or _APPOSITION.match(text, m.end())):
            yield Finding("name", *m.span("name"), token)
    for m in _LOWER_TITLE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"):
            continue
        last = m.group("name").split()[-1]
        if (last.capitalize() in lexicon.surnames() or last.capitalize() in lexicon.first_names()) and (
                last not in lexicon.common_words()):
            yield Finding("name", *m.span("name"), m.group("name"))


_ONE_WORD = re.compile(r"[\p{L}]{3,}")
_ONE_LETTER_INITIAL = re.compile(r"[A-Z]\.")
_INITIALS_NAME = re.compile(r"[A-Z]{2,3}|(?:[A-Z]\.){1,3}")


def later_mentions(text: str, found: list[Finding]) -> list[Finding]:
    """Every other mention of a one-word name found in the text."""
    words = _words()
    names = _person_names()
    seeds = {f.text.strip() for f in found if f.kind == "name" and _ONE_WORD.fullmatch(f.text.strip())}
    # 'Bas de Wit (wijkteam)' … '- Bas: gesprek plannen': the first name of a full name found once
    first_names = lexicon.first_names()
    heads = [f.text.split()[0] for f in found if f.kind == "name" and " " in f.text.strip()]
    seeds |= {h for h in heads if h in first_names and _ONE_WORD.fullmatch(h)}
    extra = []
    # 'MK', 'J.': initials found as a name once are that person everywhere in the text
    seeds_initials = {f.text for f in found if f.kind == "name" and len(f.text) <= 6 and f.text.isupper()}
    # 'J. Lindeboom (jeugdbeschermer)' … 'J. licht toe': the initial alone is that person too
    seeds_initials |= {h for h in heads if _ONE_LETTER_INITIAL.fullmatch(h)}
    for initials in {t for t in seeds_initials if _INITIALS_NAME.fullmatch(t)}:
        for m in re.finditer(rf"(?<![\w.]){re.escape(initials)}(?![\w]|\.\w| ?[A-Z][a-z])", text):
            extra.append(Finding("name", m.start(), m.end(), initials))
    kept = {}
    for seed in seeds:
        low = seed.lower()
        ordinary = low in words
        if ordinary and seed.capitalize() not in names:
            continue  # a word taken for a name once ('Ouders' in a heading) is not repeated
        # 'roos' the flower, 'storm' the weather stay words — unless the writer writes names in lower case
        kept[low] = kept.get(low, True) and ordinary and not seed.islower()
    if not kept:
        return extra
    low_text = text.lower()
    if len(low_text) != len(text):  # a character whose lower case is longer: offsets would shift, read word by word
        for m in _PLAIN_WORD.finditer(text):
            token = m.group()
            low = token.lower()
            if low not in kept or (kept[low] and not token[:1].isupper()):
                continue
            if text[m.start() - 1 : m.start()] == "-" or text[m.end() : m.end() + 1] == "-":
                continue  # part of a hyphenated word
            extra.append(Finding("name", m.start(), m.end(), token))
        return extra
    # the same words found by str.find of each seed (a text holds a few seeds among hundreds of words): a whole word
    # of letters, not part of a hyphenated word
    n = len(text)
    for at, low in occurrences(low_text, kept):
        end = at + len(low)
        if (at and (_LETTER.match(text, at - 1) or text[at - 1] == "-")) or (
                end < n and (_LETTER.match(text, end) or text[end] == "-")):
            continue
        token = text[at:end]
        if kept[low] and not token[:1].isupper():
            continue
        extra.append(Finding("name", at, end, token))
    return extra


_AGE_SUBJECT = re.compile(r"(?<![\w-])(?P<name>[A-Z][a-zà-ÿ]{2,})(?= (?:is|was|werd|wordt) (?:(?:nu|net|bijna|pas|al|inmiddels) )*$)")


_ROLE = re.compile(rf"(?:{ROLE_WORDS}|tweeling|oudste|jongste|middelste)")  # 'Vader is 42': a role, not a name


# English subjects of an age in notes written in English ('She is 14'): no name (Dutch ones are common words)
_ENGLISH_SUBJECTS = frozenset("she he they who which this that there it".split())


def age_subjects(text: str, found: list[Finding]) -> list[Finding]:
    """'Wei is vijf', 'Roos is 15': whoever has an age is a person."""
    words = lexicon.common_words()
    result = []
    for f in found:
        if f.kind != "age":
            continue
        m = _AGE_SUBJECT.search(text[max(0, f.start - 40) : f.start])
        if m and m.group("name").lower() not in words and m.group("name").lower() not in _ENGLISH_SUBJECTS and not (
                _ROLE.fullmatch(m.group("name").lower())):
            start = max(0, f.start - 40) + m.start("name")
            result.append(Finding("name", start, start + len(m.group("name")), m.group("name")))
    return result


_AFTER_NAME = re.compile(r"\s*(?:en|&|,)\s+(?P<name>[\p{L}]{3,})\b")
_BEFORE_NAME = re.compile(r"\b(?P<name>[\p{L}]{3,})\s*(?:en|&|,)\s*$")


def coordinated(text: str, found: list[Finding]) -> list[Finding]:
    """'bij ans en peter', 'Jesse, Lotte en Bram': a first name next to a found name is a name too."""
    first, common = _first_names_lower(), lexicon.common_words()
    result = []
    for f in found:
        if f.kind != "name":
            continue
        candidates = [(_AFTER_NAME.match(text, f.end), 0)]
        m = _BEFORE_NAME.search(text[max(0, f.start - 25) : f.start])
        candidates.append((m, max(0, f.start - 25)))
        for m, offset in candidates:
            if m and m.group("name").lower() in first and m.group("name").lower() not in common:
                start = offset + m.start("name")
                result.append(Finding("name", start, start + len(m.group("name")), m.group("name")))
    return result


_SENTENCE_OPENING = plain_re.compile(r"(?:\A|[.!?]\s+|\n[ \t]*)(?:\[[^\]\n]{0,20}\][ \t]*)?(?:[\w ]{1,20}:[ \t]*)?([^\W\d_])")


def _informal(text: str) -> bool:
    """Written without capitals: most sentences (or chat lines) open in lower case."""
    openings = _SENTENCE_OPENING.findall(text)
    lower = sum(c.islower() for c in openings)
    return lower >= 2 and lower * 2 >= len(openings)


def informal_mentions(text: str, found: list[Finding]) -> list[Finding]:
    """'met Mo en Dré. … mo is verhuisd': a two-letter first name found once is that person everywhere, and in a
    text written without capitals a name that is also a word ('Roos') is the name in lower case too."""
    names = [f.text for f in found if f.kind == "name" and f.text.isalpha() and f.text[:1].isupper()]
    short = {n for n in names if len(n) == 2 and n[1].islower() and n in lexicon.first_names()
             and n.lower() not in lexicon.common_words()}
    words = _words()
    wordy = {n for n in names if len(n) > 2 and n.lower() in words and n in lexicon.first_names()
             and n.lower() not in lexicon.common_words()}
    if not short and not (wordy and _informal(text)):
        return []
    informal = _informal(text)
    # 'bo' in lower case is also basisonderwijs: lower-case mentions only where the writer writes names so
    needles = ({n.lower() for n in wordy} | {n.lower() for n in short}) if informal else set()
    needles |= short
    extra = []
    for at, needle in occurrences(text, needles):
        end = at + len(needle)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or before in "-'’@./" or after.isalnum() or after in "-'’@":
            continue
        extra.append(Finding("name", at, end, needle))
    return extra


# 'JW\nJeugdreclasseerder', 'Marjan\nGezinscoach wijkteam': a name or initials alone on a line above a role line is
# a signature block, with or without a sign-off before it
_NAME_ABOVE_ROLE = plain_re.compile(r"\n[ \t]*(?P<name>[A-Z]{2,3}|(?:[A-Z]\.){1,3}|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})[ \t]*\n"
                                    r"[ \t]*(?P<role>[A-Za-zÀ-ÿ'’-]{3,})(?=[ \t,]|$)", plain_re.M)
_ROLE_LINE = plain_re.compile(rf"(?i:{_ROLE_IN_BRACKETS}|[a-zà-ÿ-]*(?:reclasseerder|medewerker|adviseur|"
                              r"coördinator|coordinator|consulent|pedagoog|psychiater|docent|mentor|leerkracht|"
                              r"regisseur|opvoeder|manager|functionaris))")


def signature_blocks(text: str) -> Iterator[Finding]:
    if "\n" not in text:
        return
    for m in _NAME_ABOVE_ROLE.finditer(text):
        name, role = m.group("name"), m.group("role")
        if not _ROLE_LINE.fullmatch(role) or _ROLE_LINE.fullmatch(name):
            continue
        if name.isupper() or name.endswith("."):
            if name in _CARE_ABBREVIATIONS or name in _BODY_ABBREVIATIONS:
                continue
        elif not (name in lexicon.first_names() and _namelike(name)):
            continue
        yield Finding("name", *m.span("name"), name)
