"""The concept layer: a query mapped to the taxonomy terms it names, however it names them.

Each taxonomy term has its labels (Dutch and English) and the editors' search terms (`TaxonomyTerm.search_terms`,
seeded from casebook/data/search_terms.txt): "hij rookt elke dag wiet" names Verslaving en middelengebruik,
"ze komt de deur niet meer uit" names Angst en depressie. Matching works on Dutch stems, skips stop words and
splits compounds (wietgebruik → wiet + gebruik), so inflections and compounds of a search term count too.

Both backends use the matches the same way: cases classified with a named concept are boosted (and found even
when their text words it differently), and the concepts are offered as filters ("Zoek alleen binnen het onderwerp: …"). Edits in the
CMS take effect within CACHE_SECONDS in every process, at once in the one that saved them.
"""

import re
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from casebook.classification import CLASSIFICATION_FIELDS

from . import compounds

CACHE_SECONDS = 60
# How much a match counts per vocabulary: a named problem or stuck point says most about what is sought; a life
# domain or law word ("school", "gemeente") little.
WEIGHTS = {
    "problem_areas": 1.0,
    "stuck_reasons": 1.0,
    "settings": 0.6,
    "interventions": 0.5,
    "age_bands": 0.5,
    "frameworks": 0.4,
    "regions": 0.4,
    "laws": 0.3,
    "life_domains": 0.2,
}
SUGGEST_MIN_WEIGHT = 0.5  # weaker vocabularies boost, but are not offered as filters
MAX_GAP = 2  # words allowed between the words of a multi-word search term
FIELD_FOR_VOCABULARY = {cf.vocabulary: cf.name for cf in CLASSIFICATION_FIELDS}

_stemmer = snowballstemmer.stemmer("dutch_porter")  # the classic Snowball Dutch, as Elasticsearch's `dutch`
# Elasticsearch's _dutch_ stop list (Snowball's), so both backends drop the same words.
STOP_WORDS = frozenset("""
de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat mijn
men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog zal me zij
nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie
werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
""".split())
# Stop words that carry the meaning of a search term ("geen plek", "te veel hulpverleners", "wil geen hulp"): kept in
# terms and queries alike, so "geen plek" is not matched by every "plek".
MEANING_WORDS = frozenset("niet geen niets niemand veel te meer wil kan zonder alles".split())
DROP_WORDS = STOP_WORDS - MEANING_WORDS
# Typos of a vocabulary word ("anorexsia", "psygose") count as that word: one edit from five letters, two from
# eight, first letter right, and only for words that are not Dutch words themselves ("schending" is no typo of
# "scheiding").
FUZZY_MIN = (5, 8)
PARTICIPLE_MIN = 6  # "gepest": shorter ge- words (geld, geen, gek) are no participles of a vocabulary word
WORD = re.compile(r"[a-z0-9]+(?:[+/-][a-z0-9]+)*[+]?")


@dataclass(frozen=True)
class Concept:
    field: str  # search filter field (problem_areas, age_band, …)
    slug: str
    label: str
    weight: float
    matched: str  # the words of the query that named it

    def as_dict(self):
        return {"field": self.field, "slug": self.slug, "label": self.label, "matched": self.matched}


def fold(text):
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=50_000)
def _stem(word):
    return _stemmer.stemWord(word)


def words(text):
    return [w for w in WORD.findall(fold(text)) if w not in DROP_WORDS]


def stems(text, split_compounds=True, correct=None):
    """The stems of the meaningful words of `text`, compounds followed by their parts (same position), and a
    typo's correction when `correct` offers one."""
    out = []
    for word in words(text):
        at = {_stem(word)} | ({_stem(p) for p in compounds.split(word)} if split_compounds else set())
        if correct is not None:
            at |= correct(word)
        out.append(at)
    return out


def _phrase(term):
    return tuple(_stem(w) for w in words(term))


@lru_cache(maxsize=1)
def lexicon():
    """Dutch words (Debian's wdutch, folded); empty when it is not installed, and then every unknown word may be a
    typo."""
    if not compounds.WORDLIST.exists():
        return frozenset()
    return frozenset(fold(w.strip()) for w in compounds.WORDLIST.read_text(encoding="utf-8").splitlines())


def unknown_words(text):
    """The words of `text` that may be typos: long enough, and not in the Dutch lexicon."""
    known = lexicon()
    return [w for w in words(text) if len(w) >= FUZZY_MIN[0] and w.isalpha() and w not in known]


def within(a, b, limit):
    """True when a and b are at most `limit` edits apart (insert, delete, substitute, swap two neighbours)."""
    if abs(len(a) - len(b)) > limit:
        return False
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > limit:
            return False
        prev2, prev = prev, row
    return prev[-1] <= limit


def ending_key(word):
    """`word` with its d/t/dt ending as one: houd, houdt and hout; weigerd and weigert."""
    return re.sub(r"(dt|d|t)$", "t", word)


def sound_key(word):
    """`word` as Dutch sounds it, for typos of words a writer knows by ear: ch/g, ei/ij, au/ou, y/i, c/k/s, ph/f,
    th/t, the d/t ending and doubled letters are each one sound ("psygose" and "psychose", "angsstoornis")."""
    word = word.replace("ph", "f").replace("th", "t").replace("sch", "sg").replace("ch", "g")
    word = word.replace("ij", "ei").replace("au", "ou").replace("y", "i")
    word = re.sub(r"c(?=[ei])", "s", word).replace("c", "k").replace("x", "ks").replace("qu", "kw")
    return re.sub(r"(.)\1+", r"\1", ending_key(word))


class Matcher:
    def __init__(self, entries):
        # entries: (vocabulary, slug, label, [term, …]); every term becomes a tuple of stems
        self.phrases = []
        self.vocabulary = {}  # first letter → {word of a search term: its stem}, for typos
        self.sounds = {}  # sound_key → words of search terms
        self.words = set()  # every word of a search term
        for vocabulary, slug, label, terms in entries:
            field = FIELD_FOR_VOCABULARY.get(vocabulary)
            if field is None:
                continue
            for term in terms:
                phrase = _phrase(term)
                if phrase:
                    self.phrases.append((phrase, field, slug, label, WEIGHTS.get(vocabulary, 0.3)))
                for word in words(term):
                    if len(word) >= FUZZY_MIN[0] and word.isalpha():
                        self.vocabulary.setdefault(word[0], {})[word] = _stem(word)
                        self.sounds.setdefault(sound_key(word), set()).add(word)
                    self.words.add(word)
        self.stems = {stem for phrase, *_rest in self.phrases for stem in phrase}

    def corrections(self, word):
        """The vocabulary words `word` is a typo of (none for a vocabulary word). An unknown word: within an edit or
        two, or spelled as it sounds ("psygose" → psychose), unless it is a compound of Dutch words ("zorgmelding").
        A Dutch word: only the missing t after a d, the commonest spelling error ("zij mijd" → mijdt); other
        sound-alikes are other words ("manden", "geld" for "geldt")."""
        if len(word) < FUZZY_MIN[0] - 1 or not word.isalpha() or _stem(word) in self.stems:
            return set()
        if word in lexicon():
            return {word + "t"} & self.words if word.endswith("d") else set()
        if len(word) < FUZZY_MIN[0] or compounds.split(word):
            return set()
        limit = 2 if len(word) >= FUZZY_MIN[1] else 1
        near = {known for known in self.vocabulary.get(word[0], {}) if within(word, known, limit)}
        return near | set(self.sounds.get(sound_key(word), ()))

    def correct(self, word):
        """The stems of the vocabulary words `word` is a typo of (empty for known words)."""
        return {_stem(known) for known in self.corrections(word)}

    def derived(self, word):
        """Stems of the vocabulary words inside `word` that the Dutch stemmer and the splitter leave whole: a past
        participle's ge- ("geschorst" → schorst, "gepest" → pest; ending in -d, -t or -en, so not "gewoon"), and a compound one of whose two members is a
        vocabulary word and the other a Dutch word ("drugsverslaafd" → verslaafd, "zelfmoordneigingen" →
        zelfmoord). Only vocabulary words, so this never splits a word into parts that name nothing."""
        if not word.isalpha() or len(word) < PARTICIPLE_MIN or _stem(word) in self.stems:
            return set()
        found = set()
        if word.startswith("ge") and word.endswith(("d", "t", "en")) and _stem(word[2:]) in self.stems:
            found.add(_stem(word[2:]))
        if len(word) >= compounds.MIN_WORD and not compounds.split(word):
            known = lexicon()
            for i in range(3, len(word) - 2):
                head, tail = word[:i], word[i:]
                if tail in self.words and len(tail) >= FUZZY_MIN[0] and (
                        head in known or (head.endswith("s") and head[:-1] in known)):
                    found.add(_stem(tail))
                if head in self.words and len(head) >= FUZZY_MIN[0] and len(tail) >= 3 and tail in known:
                    found.add(_stem(head))
        return found

    def forms(self, word):
        return self.correct(word) | self.derived(word)

    def match(self, text):
        positions = stems(text, correct=self.forms)
        found = {}
        for phrase, field, slug, label, weight in self.phrases:
            spans = _spans(phrase, positions)
            if not spans:
                continue
            key = (field, slug)
            length, concept, named = found.get(key, (0, None, []))
            # A longer search term that matched is better evidence (and the better 'matched' text to show).
            if len(phrase) > length:
                length, concept = len(phrase), Concept(field, slug, label, weight, " ".join(phrase))
            found[key] = (length, concept, named + [(span, len(phrase)) for span in spans])
        # The longest term wins its words: "geen enkele instelling" names a stuck reason, and the "instelling" inside
        # it names no setting; "verslaafde moeder" is the parent's problem, not the child's addiction. A concept
        # stays when any of its terms is named outside a longer term of another concept ("bijt en slaat andere
        # kinderen": "bijt" still names behaviour problems when "slaat … kinderen" is read as domestic violence).
        kept = [
            concept for key, (_length, concept, named) in found.items()
            if not all(_shadowed(span, length, key, found) for span, length in named)
        ]
        return sorted(kept, key=lambda c: (-c.weight, c.field, c.slug))


def _shadowed(span, length, key, found):
    """True when a longer term of another concept covers `span` (where a term `length` stems long matched)."""
    start, end = span
    return any(
        other != key and other_length > length and s <= start and end <= e
        for other, (_length, _concept, other_named) in found.items()
        for (s, e), other_length in other_named
    )


def _spans(phrase, positions):
    """Where the stems of `phrase` occur in order, at most MAX_GAP words apart: (first, last) position of each."""
    spans = []
    for start, stems_at in enumerate(positions):
        if phrase[0] not in stems_at:
            continue
        at, ok = start, True
        for stem in phrase[1:]:
            nxt = next((i for i in range(at + 1, min(at + 2 + MAX_GAP, len(positions))) if stem in positions[i]), None)
            if nxt is None:
                ok = False
                break
            at = nxt
        if ok:
            spans.append((start, at))
    return spans


_cache = {"matcher": None, "at": 0.0}


def matcher():
    if _cache["matcher"] is None or time.monotonic() - _cache["at"] > CACHE_SECONDS:
        from casebook.models import TaxonomyTerm

        entries = [
            (t.vocabulary, t.slug, t.label, [t.label_nl, t.label_en, *t.search_term_list()])
            for t in TaxonomyTerm.objects.all()
        ]
        _cache.update(matcher=Matcher(entries), at=time.monotonic())
    return _cache["matcher"]


def forget(**_kwargs):
    """Drop the cached matcher (TaxonomyTerm saved or deleted in this process)."""
    _cache["matcher"] = None


def corrections(q):
    """The vocabulary words the query's typos stand for, in order ("psygose blowen" → psychose), to search as
    typed words too."""
    if not q or not q.strip():
        return []
    m = matcher()
    out = []
    for word in words(q[:2000]):
        for known in sorted(m.corrections(word)):
            if known not in out:
                out.append(known)
    return out


def concepts_for(q):
    if not q or not q.strip():
        return []
    return matcher().match(q[:2000])


def suggestions(concepts, filters):
    """The concepts worth offering as a filter: strong enough, and not already applied."""
    return [
        c.as_dict() for c in concepts
        if c.weight >= SUGGEST_MIN_WEIGHT and c.slug not in (filters.get(c.field) or [])
    ][:4]
