"""Dutch analysis for professional youth-care text.

index: standard tokens → lowercase → ASCII folding → split compounds (jeugdhulpaanbieder → jeugd, hulp,
       aanbieder) → Dutch stop words → Dutch (Snowball) stemming
search: the same, but instead of splitting compounds it expands jargon and abbreviations with a synonym
       graph (ASS ↔ autisme, LVB ↔ licht verstandelijk beperkt, …). Synonyms live at search time only and are
       `updateable`, so editing search/data/synonyms.txt needs a reload, not a reindex.

Synonyms come from a file in Elasticsearch's config dir (`analysis/doorbraak_synonyms.txt`, copied there by
scripts/elasticsearch.sh and `manage.py search_synonyms --reload`) or, when settings.SEARCH_SYNONYMS_SET names
one, from a synonyms set managed through the Synonyms API (ES ≥ 8.10 with its full module set; no file access).
"""

from pathlib import Path

from elasticsearch.dsl import analyzer, token_filter

from . import client
from .compound_parts import read_parts

DATA = Path(__file__).resolve().parent / "data"
SYNONYMS_FILE = DATA / "synonyms.txt"
SYNONYMS_PATH_IN_ES = "analysis/doorbraak_synonyms.txt"

dutch_stop = token_filter("nl_stop", "stop", stopwords="_dutch_")
dutch_stem = token_filter("nl_stem", "stemmer", language="dutch")


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
    # Inline word list: nothing to copy into the cluster, and the list is versioned with the mapping.
    return token_filter(
        "nl_decompound",
        "dictionary_decompounder",
        word_list=read_parts(),
        min_word_size=8,
        min_subword_size=4,
        max_subword_size=15,
        only_longest_match=False,
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
        filter=["lowercase", "asciifolding", _synonym_filter(), dutch_stop, dutch_stem],
    )


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
    for an in (dutch_index_analyzer(), dutch_search_analyzer(), folded, spell):
        for section, items in an.get_analysis_definition().items():
            merged.setdefault(section, {}).update(items)
    return merged
