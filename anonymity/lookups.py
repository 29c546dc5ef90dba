"""deduce's name, place, street and institution look-ups, without deduce's document pipeline.

deduce (3.0) annotates by running a dozen processors, each walking its own token objects and building a token
index per document; that cost more than all our rules together. Here the same look-up data (deduce's tries and
sets, loaded once) and the same patterns run over one plain token list: one tokenisation, and only the tokens
that start an entry are walked. The answers are deduce's for the processors we used (names, locations,
institutions), as (kind, start, end, text) triples; detector.py filters them as before. It reads deduce's
internals (lookup_structs, the tokenizer's merge trie): tests/anonymity/test_lookups.py compares the answers
with deduce's own, so an upgrade of the pinned deduce that changes them fails there.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

# deduce's tokenizer: words, single newlines/tabs, runs of 4+ spaces and single other characters
_TOKEN = re.compile(r"\w+|[\n\r\t]| {4,}|[^ ]", flags=re.I | re.M)
# The same tokens, each with the (up to three) spaces skipped before it: findall's strings give the offsets by
# counting, faster than a match object per token. The lazy gap lets a run of 4+ spaces be one token, whole.
_GAP_TOKEN = re.compile(r"( {0,3}?)(\w+|[\n\r\t]| {4,}|[^ ])", flags=re.I | re.M)
# deduce's street_pattern annotator
_STREET_WORD = re.compile(
    r"[A-Z][a-z]+(baan|bolwerk|dam|dijk|dreef|drf|dyk|gr|gracht|hf|hof|kade|laan|ln|markt|mrkt|pad|park|pd|"
    r"plantsoen|plein|pln|plnts|prk|singel|sngl|st|steeg|stg|str|straat|weg|wg)$")
_STREET_WORD_IN_TEXT = re.compile(r"(?<!\w)" + _STREET_WORD.pattern[:-1] + r"(?!\w)")  # a whole \w+ token
_NUMBER = re.compile(r"\d{1,4}$")
_NUMBER_LETTER = re.compile(r"\d{1,4}[a-zA-Z]$")
_LETTER = re.compile(r"[a-zA-Z]$")
_NAME_TAGS = frozenset("initiaal naam voornaam achternaam voornaam_patient achternaam_patient".split())


_TRIES = ("first_name", "surname", "eponymous_disease", "placename", "street", "hospital", "healthcare_institution")
_EMPTY = SimpleNamespace(children={}, is_terminal=False)


def _like_name(t: str) -> bool:
    return len(t) >= 3 and t.istitle() and not any(c.isdigit() for c in t)


def _raw_tokens(text: str) -> list[tuple[str, int, int]]:
    """[(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)], the offsets counted from findall's parts."""
    out, at = [], 0
    append = out.append
    for gap, word in _GAP_TOKEN.findall(text):
        at += len(gap)
        end = at + len(word)
        append((word, at, end))
        at = end
    return out


class Lookups:
    """Built once from a loaded deduce model (its lookup structures and tokenizer's merge terms)."""

    def __init__(self, deduce_model):
        ds = getattr(deduce_model, "lookup_structs", None)
        if ds is None:  # a stand-in without deduce's lists (rules-only tests): nothing to look up
            self._sets = {name: set() for name in ("prefix", "initial", "interfix", "interfix_surname")}
            self._whitelist, self._pattern_starts, self._merge_trie, self._merge_starts = set(), set(), None, set()
            self._tries = {name: _EMPTY for name in _TRIES}
            self._starts = set()
            return
        self._sets = {name: set(ds[name].items()) for name in ("prefix", "initial", "interfix", "interfix_surname")}
        self._pattern_starts = self._sets["prefix"] | self._sets["initial"] | self._sets["interfix"]
        self._whitelist = set(ds["whitelist"].items())  # lower-cased by its matching pipeline
        self._tries = {name: ds[name] for name in _TRIES}
        tokenizer = deduce_model.tokenizers["default"]
        self._merge_trie, self._merge_starts = tokenizer._trie, tokenizer._start_words
        self._starts = self._pattern_starts.union(*(self._tries[name].children.keys() for name in _TRIES
                                                    if name != "hospital"))

    # -- tokens -------------------------------------------------------------------------

    def tokens(self, text: str) -> list[tuple[str, int, int]]:
        raw = _raw_tokens(text)
        words = [t[0] for t in raw]
        starts = self._merge_starts.intersection(words)
        if not starts:
            return raw
        # 'van der', 'dr.': deduce's merge terms (prefixes, interfixes) become one token
        out, done = [], 0
        for i in (i for i, w in enumerate(words) if w in starts):
            if i < done:
                continue
            length = self._longest(self._merge_trie, raw, i, False)
            if length:
                out += raw[done:i]
                last = raw[i + length - 1]
                out.append((text[raw[i][1] : last[2]], raw[i][1], last[2]))
                done = i + length
        out += raw[done:]
        return out

    @staticmethod
    def _longest(trie, toks, i, lower) -> int:
        node, best, j, n = trie, 0, i, len(toks)
        while j < n:
            key = toks[j][0].lower() if lower else toks[j][0]
            node = node.children.get(key)
            if node is None:
                break
            j += 1
            if node.is_terminal:
                best = j - i
        return best

    def _lookup(self, name, words, where) -> list[tuple[int, int]]:
        """(first, last token index) of the longest entry starting at every token (deduce: overlapping=True).
        `words` are the token texts (lower-cased for a trie that matches lower case), `where` maps each distinct
        word to its token indices: only the words that start an entry are visited."""
        children = self._tries[name].children
        spans, n = [], len(words)
        for word in where.keys() & children.keys():
            first = children[word]
            for i in where[word]:
                node, best, j = first, (i if first.is_terminal else -1), i + 1
                while j < n and node.children:
                    node = node.children.get(words[j])
                    if node is None:
                        break
                    if node.is_terminal:
                        best = j
                    j += 1
                if best >= 0:
                    spans.append((i, best))
        return spans

    @staticmethod
    def _where(words, wanted) -> dict[str, list[int]]:
        """Token indices of the words in `wanted` (the words that can start an entry): one C-level intersection
        decides, so most tokens cost one membership test instead of a dict update."""
        where: dict[str, list[int]] = {word: [] for word in set(words) if word in wanted}
        if where:
            for i, word in enumerate(words):
                if word in where:
                    where[word].append(i)
        return where

    # -- names --------------------------------------------------------------------------

    def _next(self, toks, i, step, skip):
        i += step
        while 0 <= i < len(toks) and toks[i][0] in skip:
            i += step
        return i if 0 <= i < len(toks) else None

    def _match(self, toks, i, pattern, step, skip):
        """Match a list of token tests from token i in direction step; the last matched index, or None."""
        last = None
        for test in (pattern if step == 1 else reversed(pattern)):
            if i is None or not test(toks[i][0]):
                return None
            last = i
            i = self._next(toks, i, step, skip)
        return last

    def _names(self, toks, words, where) -> list[tuple[int, int]]:
        prefix, initial, interfix = self._sets["prefix"], self._sets["initial"], self._sets["interfix"]
        interfix_surname, white = self._sets["interfix_surname"], self._whitelist
        is_prefix, is_initial, is_interfix = prefix.__contains__, initial.__contains__, interfix.__contains__

        def name_not_white(t):
            return _like_name(t) and t.lower() not in white

        def name_plain(t):
            return _like_name(t) and t.lower() not in white and t not in prefix

        def initial_or_initials(t):
            return t in initial or (len(t) <= 4 and t.isupper())

        dot, no = {"."}, set()
        patterns = [
            ("prefix+initiaal", [is_prefix, initial_or_initials], dot),
            ("prefix+interfix+naam", [is_prefix, is_interfix, _like_name], dot),
            ("prefix+naam", [is_prefix, name_not_white], dot),
            ("interfix+achternaam", [is_interfix, lambda t: t in interfix_surname and t.lower() not in white], no),
            ("initiaal+naam", [is_initial, name_plain], dot),
            ("initiaal+interfix+naam", [is_initial, is_interfix, _like_name], dot),
        ]
        anns = set()
        for word in where.keys() & self._pattern_starts:  # every pattern starts with a prefix, initial or interfix
            # the first test is the word's own, so it is asked once per word ('van' starts one pattern of six)
            starting = [(tag, pattern, skip) for tag, pattern, skip in patterns if pattern[0](word)]
            for i in where[word]:
                for tag, pattern, skip in starting:
                    end = self._match(toks, i, pattern, 1, skip)
                    if end is not None:
                        anns.add((i, end, tag))
        anns |= {(s, e, "voornaam") for s, e in self._lookup("first_name", words, where)}
        anns |= {(s, e, "achternaam") for s, e in self._lookup("surname", words, where)}
        pseudo = {(s, e, "pseudo_name") for s, e in self._lookup("eponymous_disease", words, where)}
        anns = self._extend_names(toks, anns | pseudo)
        # PersonAnnotationConverter: resolve overlaps (pseudo first, then longest), drop the pseudo ones
        spans = sorted(anns, key=lambda a: (0 if "pseudo" in a[2] else 2, -(toks[a[1]][2] - toks[a[0]][1]),
                                            toks[a[0]][1], toks[a[1]][2], a[2]))
        taken, kept = set(), []
        for s, e, tag in spans:
            chars = range(toks[s][1], toks[e][2])
            if any(c in taken for c in chars):
                continue
            taken.update(chars)
            if "pseudo" not in tag:
                kept.append((s, e))
        return kept

    def _extend_names(self, toks, anns):
        """deduce's name_context annotator: grow name annotations left and right, repeating on what changed."""
        prefix, initial, interfix, white = (self._sets["prefix"], self._sets["initial"], self._sets["interfix"],
                                            self._whitelist)

        def name_plain(t):
            return _like_name(t) and t.lower() not in white and t not in prefix

        contexts = [  # (tags that may grow, direction, skip, pattern, new tag)
            (_NAME_TAGS, 1, {".", "-"}, [interfix.__contains__, _like_name], "{tag}+interfix+achternaam"),
            (_NAME_TAGS | {"interfix"}, -1, {"."}, [initial.__contains__], "initiaal+{tag}"),
            (_NAME_TAGS - {"initiaal"}, -1, {"-"}, [name_plain], "naam+{tag}"),
            (_NAME_TAGS | {"prefix", "interfix"}, 1, {"-"}, [name_plain], "{tag}+naam"),
            (_NAME_TAGS | {"prefix", "interfix"}, -1, {"."}, [prefix.__contains__], "prefix+{tag}"),
        ]
        result = set()
        todo = set(anns)
        while todo:
            current = set(todo)
            for tags, step, skip, pattern, new_tag in contexts:
                for ann in list(current):
                    s, e, tag = ann
                    part = tag.split("+")[-1 if step == 1 else 0]
                    if part not in tags:
                        continue
                    start = self._next(toks, e if step == 1 else s, step, skip)
                    end = self._match(toks, start, pattern, step, skip) if start is not None else None
                    if end is None:
                        continue
                    current.discard(ann)
                    current.add((s, end, new_tag.format(tag=tag)) if step == 1 else (end, e, new_tag.format(tag=tag)))
            changed = current - todo
            result |= current & todo
            todo = changed
        return result

    # -- everything ---------------------------------------------------------------------

    def annotate(self, text: str) -> list[tuple[str, int, int, str]]:
        toks = self.tokens(text)
        words = [t[0] for t in toks]
        where = self._where(words, self._starts)
        lower = [w.lower() for w in words]
        out = [("name", s, e) for s, e in self._names(toks, words, where)]
        out += [("place", s, e) for s, e in self._lookup("placename", words, where)]
        hospitals = self._tries["hospital"].children.keys()  # this trie matches lower case
        out += [("institution", s, e) for s, e in self._lookup("hospital", lower, self._where(lower, hospitals))]
        out += [("institution", s, e) for s, e in self._lookup("healthcare_institution", words, where)]
        out += [("address", s, e) for s, e in self._addresses(text, toks, words, where)]
        out = [(kind, toks[s][1], toks[e][2]) for kind, s, e in out]
        return [(kind, s, e, text[s:e]) for kind, s, e in out if text[s:e].strip()]

    def _addresses(self, text, toks, words, where):
        """A street (deduce's list or street-like word) followed by a house number (and letter)."""
        streets = set(self._lookup("street", words, where))
        # a street-like word, found in the text by one scan rather than word by word
        found = [m.span() for m in _STREET_WORD_IN_TEXT.finditer(text)]
        if found:
            index = {t[1]: i for i, t in enumerate(toks)}
            streets |= {(index[a], index[a]) for a, b in found if a in index and toks[index[a]][2] == b}
        out = set()
        for s, e in streets:
            j = e + 1
            if j >= len(toks):
                continue
            t = toks[j][0]
            if _NUMBER.match(t):
                if j + 1 < len(toks) and _LETTER.match(toks[j + 1][0]):
                    j += 1
                out.add((s, j))
            elif _NUMBER_LETTER.match(t):
                out.add((s, j))
        return out
