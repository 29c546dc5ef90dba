"""The detector: deduce's name, place, street and institution look-ups plus our rules.

Loading deduce costs seconds and ~1 GB, so one process holds one Detector (see service.py);
`get_detector()` gives the process-wide instance, built on first use.
"""

from __future__ import annotations

import gc
import logging
import threading

import regex as re

from . import age_cues, context_rules, gazetteer, grammar_cues, lexicon, name_cues, providers, rules
from .lookups import Lookups
from .proper_nouns import proper_nouns, role_noun
from .allowlist import allowed_spans, default_pattern, is_allowed
from .findings import Finding, merge
from .words import written_in_english

_PLACE_CONTEXT = re.compile(
    r"(?:\b(?:in|uit|te|naar|bij|rond|nabij|vanuit|via|omgeving|gemeente|dorp|stad|buurt|richting|"
    r"wonend|woonachtig|geboren|verhuisd|verhuizen|regio|om)\s*|\b\d{4}\s?[A-Z]{2},?\s+)$",
    re.IGNORECASE,
)
# What may follow a name at the start of a sentence: 'Fleur en haar vriendin', 'Roos zegt'.
_NAME_FOLLOWS = re.compile(
    r"\s+(?:en (?:haar|zijn|hun)\b|\(\d|(?:zegt|zei|vertelt|vertelde|wil|wilde|woont|woonde|liep|belde|"
    r"schreef|kreeg|huilde|lachte|weigerde|durfde)\b)"
)
_ROLE_NOUN_AFTER_ARTICLE = re.compile(
    r"(?:^|[.,;:!?\n(]\s*|\b(?:en|of|met|van|door|bij|aan|voor|naar|over|dan|is|zijn|was|werd|dat|die|om|als|"
    r"wat|waar|tegen|zonder|via|ook)\s+)(?:de|het|een|De|Het|Een)\s+$")
# Offices that are also surnames: after 'de' they are the office ('de Burgemeester'), after 'het'/'een' any word is
_ROLE_NOUNS = frozenset("""burgemeester wethouder advocaat rechter officier voorzitter directeur minister notaris
kinderrechter deurwaarder griffier ombudsman koning koningin bisschop dokter pastoor dominee meester
schoolmeester kok bakker smid visser boer schilder koster molenaar kapper slager timmerman""".split())
_VAN = re.compile(r"van\s+")
_MOVED_BEFORE = re.compile(r"(?:verhuisd|verhuizen|verhuist|kwam|komt|kwamen|afkomstig|vertrok|vertrokken)\w*\s+$")
_NAME_TAIL = re.compile(r"\s+(?:van|uit|bij|in)(?: de| het| 't)?\s+$")
_PLACE_PREPOSITIONS = ("in het ", "in de ", "in 't ", "op de ", "op het ", "uit de ", "uit het ", "naar de ",
                       "naar het ", "in den ")
_ARTICLE = re.compile(r"^(?:de|het|De|Het) ")  # 'de Kempen', 'het Gooi': a region with its article
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n•*#>]|^\s*[-–]|\s[–—])[\s\"'‘“(\[-]*$")  # 'Les 3 – Ken de …'
# 'het Jeugd- en Gezinsteam': the first half of a compound, not a name that ends there
_TRUNCATED_COMPOUND = re.compile(r"-\s+(?:en|of|tot|en/of)\s+[A-Za-zÀ-ÿ]")


def load_deduce():
    """Import and build deduce without letting it reconfigure logging."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    from deduce import Deduce  # its import calls logging.basicConfig(DEBUG, stdout)

    root.handlers[:] = handlers
    root.setLevel(level)
    return Deduce()


def sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 12) : start])) or start == 0


_WARM_UP = (
    "Aanmelding 12-03-2024, dossiernr. AB-1234. Jan de Vries (15) woont in de wijk Overvecht, Kerkstraat 12, "
    "3511 AB Utrecht, tel. 06-12345678, jan@example.nl. Hij zit op De Regenboog en is in behandeling bij Accare.\n"
    "Groetjes, Sanne\n"
    "mn broertje noor is 7 geworden en woont nu in zuid."
)


class Detector:
    def __init__(self, deduce_model=None):
        self._deduce = deduce_model if deduce_model is not None else load_deduce()
        self._lookups = Lookups(self._deduce)
        self._allow = default_pattern()  # the one allow-list (data/allowlist.txt) every rule reads
        self._common = lexicon.common_words()
        self._ambiguous = lexicon.ambiguous_words() | self._common
        self._areas = lexicon.allowed_areas()
        self._surnames = lexicon.surnames()
        lexicon.proper_nouns()  # load the word lists now, not on the first check (start-up is the place for it)
        gazetteer.table()
        providers.load()
        if not lexicon.word_lists_available():
            logging.getLogger(__name__).warning(
                "%s is missing (apt-get install wdutch wamerican): names without a cue will be missed",
                lexicon.DUTCH_WORDLIST)
        # One check builds what the rules build lazily on first use (tries, lower-cased lists, compiled patterns),
        # so it is frozen below with the rest.
        self.check_text(_WARM_UP)
        # deduce's look-up tries and the word lists are millions of objects that live as long as the process: freeze
        # them, so the cyclic collector stops walking them on every full collection (a third of a check's time).
        gc.collect()
        gc.freeze()

    # -- public API ---------------------------------------------------------------------

    def check_text(self, text: str) -> list[Finding]:
        if not text or not text.strip():
            return []
        places = list(gazetteer.places(text))
        cue_ages, cue_institutions = grammar_cues.check(text)
        cue_ages += age_cues.ages(text)
        found = (self._from_deduce(text) + rules.all_rules(text, self._common, self._surnames) + list(proper_nouns(text))
                 + list(name_cues.informal_names(text)) + providers.institutions(text)
                 + list(context_rules.ages(text)) + list(context_rules.addresses(text))
                 + list(context_rules.case_numbers(text)) + list(context_rules.places(text)))
        if cue_ages:  # only what the older rules did not find: a duplicate costs every later step its time
            known = [(f.start, f.end) for f in found if f.kind == "age"]
            found += [a for a in cue_ages if not any(s < a.end and a.start < e for s, e in known)]
        # 'Vader is 53, moeder 46.': a person and a number after an age found above
        found += [a for a in age_cues.continued(text, found)
                  if not any(f.kind == "age" and f.start < a.end and a.start < f.end for f in found)]
        found = self._trim_name_tails(text, self._prefer_places(text, found))
        found = self._gazetteer_wins(text, found, places) + places
        # after the place rules: 'doorverwezen naar Kompaz' is a provider, though 'naar' reads like a place cue;
        # a listed neighbourhood or town stays a place
        if cue_institutions:
            known = [(f.start, f.end) for f in found if f.kind == "institution"]
            cue_institutions = [i for i in cue_institutions if not any(s < i.end and i.start < e for s, e in known)]
        more = [f for f in [*context_rules.institutions(text), *context_rules.lower_case_institutions(text),
                            *context_rules.named_institutions(text), *cue_institutions]
                if not any(p.start <= f.start and f.end <= p.end for p in places)]
        if more:
            found = self._trim_name_tails(text, found + more)
        # 'Zorgcentrum De Lindehof', 'SBO De Regenbooglaan': a street-like name without a number inside an
        # institution's name is the institution
        institutions = [f for f in found if f.kind == "institution"]
        if institutions:
            found = [f for f in found if not (f.kind == "address" and not any(c.isdigit() for c in f.text) and any(
                i.start <= f.start and f.end <= i.end for i in institutions))]
        found += name_cues.age_subjects(text, found)
        found += name_cues.coordinated(text, found)
        found += [f for f in name_cues.later_mentions(text, found)
                  if not any(o.start < f.end and f.start < o.end and o.kind != "name" for o in found)]
        found += [f for f in name_cues.informal_mentions(text, found)
                  if not any(o.start < f.end and f.start < o.end and o.kind != "name" for o in found)]
        found += [f for f in providers.later_mentions(text, found)
                  if not any(o.start < f.end and f.start < o.end and o.kind not in ("name", "place") for o in found)]
        found += [f for f in grammar_cues.later_mentions(text, found)
                  if not any(o.start < f.end and f.start < o.end and o.kind not in ("name", "place") for o in found)]
        found += context_rules.acronyms(text, found)
        found += context_rules.institution_follow_ups(text, found)
        found = gazetteer.street_areas(text, found)
        found = _drop_roles_and_line_runs(text, found)
        allowed = allowed_spans(text, self._allow, near=found)
        # 'Het Verwijsportaal Jeugd' at a sentence start: the article is not part of the allowed term
        found = [f for f in found if f.end > f.start
                 and not is_allowed(f.start + _article_length(f.text), f.end, allowed)]
        return merge(text, found)

    def check_fields(self, fields: dict[str, str]) -> dict[str, list[Finding]]:
        return {name: self.check_text(value or "") for name, value in fields.items()}

    def check_many(self, batch: list[dict[str, str]]) -> list[dict[str, list[Finding]]]:
        """Many field sets in one call (a bulk import): the same answers as check_fields, one per set."""
        return [self.check_fields(fields) for fields in batch]

    # -- deduce -------------------------------------------------------------------------

    def _from_deduce(self, text: str) -> list[Finding]:
        found = []
        english = written_in_english(text.lower())
        for kind, start, end, span in self._lookups.annotate(text):
            finding = Finding(kind, start, end, span)
            if self._keep(text, finding, english):
                found.append(finding)
        return found

    def _keep(self, text: str, f: Finding, english: bool = False) -> bool:
        if not any(c.isupper() for c in f.text):
            return False
        if f.kind == "name" and _TRUNCATED_COMPOUND.match(text, f.end):
            return False
        single = " " not in f.text.strip()
        if single and f.kind == "name" and f.text.strip() in lexicon.general_proper_nouns():
            return False  # 'geen Nederlands en geen Engels': a language, though deduce knows the surname
        if f.text in self._areas or _ARTICLE.sub("", f.text) in self._areas or (single and f.kind != "name" and
                                     text[max(0, f.start - 6) : f.start].lower() == "regio "):
            return False  # 'Regio Rivierenland', 'Twente': a region identifies nobody, whatever deduce calls it
        if single and f.kind == "name" and f.text.lower() in lexicon.ordinary_words() and (
                _ROLE_NOUN_AFTER_ARTICLE.search(text[max(0, f.start - 30) : f.start])
                and (f.text.lower() in _ROLE_NOUNS or not text[max(0, f.start - 4) : f.start].lower().endswith("de "))):
            return False  # 'het Rijk', 'de Burgemeester', 'een Advocaat': a noun, though also a surname
        if single and (f.text.lower() in self._ambiguous or (english and f.text.lower() in lexicon.ordinary_words())):
            # 'Best', 'Putten', 'Hoek', 'Bakker': only a place or name where the context says so (and in a text
            # written in English, 'Born' or 'May' at a sentence start)
            if sentence_initial(text, f.start):
                if f.kind == "name":
                    return bool(_NAME_FOLLOWS.match(text, f.end))
                return f.kind == "place" and bool(_PLACE_CONTEXT.search(text[max(0, f.start - 30) : f.start]))
        return True

    @staticmethod
    def _prefer_places(text: str, found: list[Finding]) -> list[Finding]:
        """'in Emmen', 'uit Capelle aan den IJssel': a place, though the words are also a name."""
        all_places = [f for f in found if f.kind == "place"]
        places = [f for f in all_places if _PLACE_CONTEXT.search(text[max(0, f.start - 30) : f.start])]
        if not all_places:
            return found
        result = []
        for f in found:
            if f.kind in ("name", "institution"):
                covering = next((p for p in places if p.start <= f.start and f.end <= p.end), None)
                # 'verhuisde van Putten naar Best': deduce reads 'van Putten' as a surname.
                moved = next(
                    (p for p in all_places if p.end == f.end and f.start < p.start
                     and _VAN.fullmatch(text[f.start : p.start])
                     and _MOVED_BEFORE.search(text[max(0, f.start - 30) : f.start])),
                    None,
                )
                if (covering or moved) and not (f.kind == "institution" and providers.listed(f.text)):
                    continue  # ('geplaatst in Teylingereind', 'vanuit Lentis': a listed provider stays one)
            result.append(f)
        return result

    @staticmethod
    def _gazetteer_wins(text: str, found: list[Finding], places: list[Finding]) -> list[Finding]:
        """A listed neighbourhood read as a name or a street ('Dukenburg', 'Crabbehof') is a place; an
        institution around it ('Buurthuis Dukenburg') stays an institution."""
        result = []
        towns, first = lexicon.places(), lexicon.first_names()
        # 'Capelle aan den IJssel': deduce also reads 'Capelle' and 'den IJssel' as names inside the town
        long_places = [f for f in found if f.kind == "place" and " " in f.text.strip()] + places
        for f in found:
            if f.kind == "institution" and " " not in f.text and any(
                    (p.start, p.end) == (f.start, f.end) for p in places) and not (
                    providers.listed(f.text) and providers.placed_before(text, f.start)):
                continue  # 'locatie Stokhasselt': a listed neighbourhood, not a provider ('geplaatst in de
                # Hunnerberg' is the JJI: a listed provider after a placement)
            if f.kind in ("name", "address") and any(p.start <= f.start and f.end <= p.end
                                                     and (p.end - p.start > f.end - f.start or p in places)
                                                     for p in long_places):
                continue
            if f.kind == "name" and f.text.startswith(_PLACE_PREPOSITIONS) and any(
                    p.end == f.end and text[f.start : p.start] in _PLACE_PREPOSITIONS for p in places):
                continue  # 'in het Oude Westen': deduce reads 'in het' as a name's interfix before a listed wijk
            if (f.kind == "name" and (f.text in towns or gazetteer.is_town(f.text)) and f.text not in first
                    and gazetteer.cue_before(text, f.start)
                    # 'een groepsleider, wessel, die …': a first name in an apposition, not the town
                    and not (f.text.capitalize() in first and gazetteer.only_comma_before(text, f.start))):
                f = Finding("place", f.start, f.end, f.text)  # 'Doornakkers, Eindhoven', 'Locatie: …, Capelle'
            result.append(f)
        return result

    @staticmethod
    def _trim_name_tails(text: str, found: list[Finding]) -> list[Finding]:
        """deduce extends 'J. de Vries van Pluryn' over the institution; cut the name there."""
        others = [f for f in found if f.kind != "name"]
        result = []
        for f in found:
            if f.kind == "name":
                for o in others:
                    if f.start < o.start < f.end <= o.end:
                        cut = _NAME_TAIL.search(text[f.start : o.start])
                        if cut:
                            end = f.start + cut.start()
                            f = Finding("name", f.start, end, text[f.start : end])
            result.append(f)
        return result


_LEADING_ARTICLE = re.compile(r"(?:De|Het|de|het) (?=\S)")


def _article_length(span: str) -> int:
    m = _LEADING_ARTICLE.match(span)
    if m:
        return m.end()
    if span[:1].islower():  # 'collega van het Centrum (voor Jeugd en Gezin)': deduce's name from a lower-case word
        return next((i for i, c in enumerate(span) if c.isupper()), 0)
    return 0


_ROLE_LEAD = re.compile(r"(\w+) (?:van|bij|namens) (?:de |het )?(?=\S)")


def _drop_roles_and_line_runs(text: str, found: list[Finding]) -> list[Finding]:
    """'De Leerplichtambtenaar heeft …', 'Aanwezig: Regiehouder Top600': a capitalised role is nobody's name or an
    institution, nor is an English law's name ('the Long-term Care Act'). An institution does not run over a line break ('de GI\nRegio: …'): cut it at the break."""
    result = []
    for f in found:
        if f.kind in ("name", "institution") and (text.startswith(" Act", f.end) or (
                " " not in f.text and "\n" not in f.text and role_noun(f.text))):
            continue  # ('the Long-term Care Act': a law's name)
        lead = _ROLE_LEAD.match(f.text) if f.kind in ("name", "institution") and " " in f.text else None
        if lead and role_noun(lead.group(1)):  # 'Jeugdbeschermer van de GI': the role's employer, if anything
            f = Finding(f.kind, f.start + lead.end(), f.end, f.text[lead.end():])
        if f.kind == "institution" and "\n" in f.text:
            cut = f.text.index("\n")
            if not f.text[:cut].strip():
                result.append(f)
                continue
            f = Finding(f.kind, f.start, f.start + cut, f.text[:cut])
        result.append(f)
    return result


_instance: Detector | None = None
_instance_lock = threading.Lock()


def get_detector() -> Detector:
    """The process-wide detector, loaded on first use (tests, management commands, the server)."""
    global _instance
    if _instance is None:
        with _instance_lock:
            if _instance is None:
                _instance = Detector()
    return _instance
