"""Splitting Dutch compounds (jeugdhulpaanbieder → jeugd + hulp + aanbieder), at index and at query time.

The parts come from a real lexicon: Debian's `wdutch` (the OpenTaal word list). A word is a *part* when it is
productive there — it stands as the first or last member of at least MIN_COMPOUNDS listed compounds whose other
member is a word too — plus the domain parts in data/compound_extra.txt. Because a full lexicon holds short
words inside almost anything ("verslaving" contains "vers" and "laving"), a word is split only when parts cover
it whole (with the linking -s-, -e-, -en- between them), never on a part found somewhere inside it; and
data/compound_never.txt lists ordinary words that still must not be split (kinderen ≠ kind + eren).

The committed list (data/compound_parts.txt) is what `manage.py search_compound_parts` derives; the same rule
runs in Elasticsearch (`doorbraak_decompounder` in es_plugin, index and search analyzers) and in Python
(`split`, for the database fallback and the concept layer). tests/search/test_compounds.py holds both to the
same examples and to a list of ordinary words that must stay whole.
"""

from collections import Counter
from functools import lru_cache
from pathlib import Path

WORDLIST = Path("/usr/share/dict/dutch")
DATA = Path(__file__).resolve().parent / "data"
PARTS_FILE = DATA / "compound_parts.txt"
EXTRA_FILE = DATA / "compound_extra.txt"
NEVER_FILE = DATA / "compound_never.txt"

MIN_COMPOUNDS = 10  # how productive a word must be in the lexicon to count as a part
MIN_PART = 4  # letters; shorter parts (ei, oog, bed) split far more than they should
MIN_WORD = 8
LINKS = ("s", "e", "en")
# Endings that are words too but in a long word are almost always a suffix, not a compound member.
NOT_PARTS = {"eren", "lijk", "rijk", "heid", "baar", "loos", "tjes", "ling", "ende", "ster", "tten", "ssen"}


def _read_list(path):
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def derive(words, extra=()):
    """The productive parts of a lexicon (an iterable of words), plus `extra`, sorted."""
    lexicon = {w for w in (w.strip() for w in words) if w.isalpha() and w.islower() and len(w) >= 3}
    counts = Counter()
    for word in lexicon:
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:i], word[i:]
            if tail not in lexicon:
                continue
            if head in lexicon:
                counts[head] += 1
                counts[tail] += 1
            elif head.endswith("s") and head[:-1] in lexicon and len(head) > MIN_PART:
                counts[head[:-1]] += 1
                counts[tail] += 1
    parts = {p for p, n in counts.items() if n >= MIN_COMPOUNDS and len(p) >= MIN_PART} - NOT_PARTS
    return sorted(parts | {e for e in extra if len(e) >= MIN_PART})


def write_parts(wordlist=WORDLIST, output=PARTS_FILE):
    with open(wordlist, encoding="utf-8", errors="ignore") as handle:
        parts = derive(handle, _read_list(EXTRA_FILE))
    header = (
        "# Samenstellingsdelen (productief in wdutch, plus compound_extra.txt); afgeleid door search/compounds.py.\n"
        "# Niet met de hand bewerken: pas compound_extra.txt of compound_never.txt aan en draai\n"
        "# `manage.py search_compound_parts`.\n"
    )
    output.write_text(header + "\n".join(parts) + "\n", encoding="utf-8")
    return parts


@lru_cache(maxsize=1)
def parts():
    return frozenset(_read_list(PARTS_FILE))


@lru_cache(maxsize=1)
def never_split():
    return frozenset(_read_list(NEVER_FILE))


def _cover(word, known):
    """The fewest parts that cover `word` whole (ties: the longest last part), or None."""
    best = None
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[:i]
        if head not in known:
            continue
        for link in ("",) + LINKS:
            if not word.startswith(link, i):
                continue
            tail = word[i + len(link):]
            if len(tail) < MIN_PART:
                continue
            rest = [tail] if tail in known else _cover(tail, known)
            if rest:
                candidate = [head, *rest]
                key = (len(candidate), -len(candidate[-1]))
                if best is None or key < best[0]:
                    best = (key, candidate)
    return best[1] if best else None


@lru_cache(maxsize=20_000)
def split(word):
    """The parts of a compound (lowercase, folded word), or [] when it is not one we split."""
    if len(word) < MIN_WORD or word in never_split() or not word.isalpha():
        return []
    return _cover(word, parts()) or []
