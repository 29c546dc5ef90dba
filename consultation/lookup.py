"""Find a municipality from what someone typed: case, accents, apostrophes and hyphens don't matter."""

import difflib
import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-'’‘`.,()/]+")


def normalise(text):
    """'s-Hertogenbosch → 's hertogenbosch'; Súdwest-Fryslân → 'sudwest fryslan'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", plain.casefold()).strip()


def find(query, municipalities):
    """(matches, suggestions): every municipality whose name or alias equals the query, else close names."""
    key = normalise(query)
    if not key:
        return [], []
    keyed = []  # (normalised name or alias, municipality)
    for municipality in municipalities:
        keyed.append((normalise(municipality.name), municipality))
        keyed.extend((normalise(alias), municipality) for alias in municipality.alias_list())
    matches = _unique(m for k, m in keyed if k == key)
    if matches:
        return matches, []
    # Nothing exact: names starting with or containing it first, then spelling neighbours.
    starting = [m for k, m in keyed if k.startswith(key)]
    containing = [m for k, m in keyed if key in k]
    close_keys = set(difflib.get_close_matches(key, [k for k, _m in keyed], n=5, cutoff=0.75))
    close = [m for k, m in keyed if k in close_keys]
    return [], _unique(starting + containing + close)[:8]


def _unique(items):
    seen, out = set(), []
    for item in items:
        if item.pk not in seen:
            seen.add(item.pk)
            out.append(item)
    return out
