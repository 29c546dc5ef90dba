"""Dutch analysis for professional youth-care text.

index: standard tokens → lowercase → ASCII folding → split compounds (jeugdhulpaanbieder → jeugd, hulp,
       aanbieder; see compounds.py) → Dutch stop words → Dutch (Snowball) stemming
search: the same without the split, plus a synonym graph that expands jargon and abbreviations (ASS ↔ autisme,
       LVB ↔ licht verstandelijk beperkt, …) and, after the stop words, the question words of a query asked as a
       sentence ("welke aanpak werkt als …"), which say nothing about the case. A compound in a query is split
       by queries.py instead (compounds.split), into a clause that needs *all* its parts: stacked parts in the
       analyzer would let "gezinshuis" find every case that mentions a "huis". Synonyms live at search time
       only and are `updateable`, so editing search/data/synonyms.txt needs a reload, not a reindex.
fuzzy: the index chain without splitting, for typo-tolerant matching (fuzziness cannot ride on a synonym graph).

Synonyms come from a file in Elasticsearch's config dir (`analysis/doorbraak_synonyms.txt`, copied there by
scripts/elasticsearch.sh and `manage.py search_synonyms --reload`) or, when settings.SEARCH_SYNONYMS_SET names
one, from a synonyms set managed through the Synonyms API (ES ≥ 8.10 with its full module set; no file access).
"""

from pathlib import Path

from elasticsearch.dsl import analyzer, token_filter

from . import client
from . import compounds

DATA = Path(__file__).resolve().parent / "data"
SYNONYMS_FILE = DATA / "synonyms.txt"
SYNONYMS_PATH_IN_ES = "analysis/doorbraak_synonyms.txt"

dutch_stop = token_filter("nl_stop", "stop", stopwords="_dutch_")
dutch_stem = token_filter("nl_stem", "stemmer", language="dutch")
QUESTION_WORDS_FILE = DATA / "question_words.txt"


def question_words(path=QUESTION_WORDS_FILE):
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]


question_stop = token_filter("nl_question_stop", "stop", stopwords=question_words())


def synonym_rules(path=SYNONYMS_FILE):
    """The synonym lines (Solr format) without comments or blanks."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _synonym_filter():
    options = {"updateable": True, "lenient": True}
    if client.synonyms_set_name():
        options["synonyms_set"] = client.synonyms_set_name()
    else:
        options["synonyms_path"] = SYNONYMS_PATH_IN_ES
    return token_filter("nl_synonyms", "synonym_graph", **options)


def _decompounder():
    # Inline lists: nothing to copy onto every node, and the parts are versioned with the mapping.
    return token_filter(
        "nl_decompound",
        "doorbraak_decompounder",
        word_list=sorted(compounds.parts()),
        never_split=sorted(compounds.never_split()),
        min_word_size=compounds.MIN_WORD,
        min_part_size=compounds.MIN_PART,
    )


def dutch_index_analyzer():
    return analyzer(
        "nl_index",
        tokenizer="standard",
        filter=["lowercase", "asciifolding", _decompounder(), dutch_stop, dutch_stem],
    )


def dutch_search_analyzer():
    return analyzer(
        "nl_search",
        tokenizer="standard",
        filter=["lowercase", "asciifolding", _synonym_filter(), dutch_stop, question_stop, dutch_stem],
    )


def dutch_fuzzy_analyzer():
    return analyzer("nl_fuzzy", tokenizer="standard", filter=["lowercase", "asciifolding", dutch_stop, question_stop,
                                                              dutch_stem])


# Folded, unstemmed words: autocomplete prefixes and exact-ish title matches.
folded = analyzer("nl_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])

# Word shingles for the phrase suggester ('bedoelde je …').
spell = analyzer(
    "nl_spell",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", token_filter("nl_shingle", "shingle", min_shingle_size=2, max_shingle_size=2)],
)


def analysis_settings():
    """The `analysis` section of the index settings, collected from the analyzers above."""
    merged = {}
    for an in (dutch_index_analyzer(), dutch_search_analyzer(), dutch_fuzzy_analyzer(), folded, spell):
        for section, items in an.get_analysis_definition().items():
            merged.setdefault(section, {}).update(items)
    return merged
