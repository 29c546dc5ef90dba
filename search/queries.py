"""Elasticsearch queries: faceted search, did-you-mean, autocomplete, similar cases.

Every query carries the user's visibility filter in its main (non-post) filter, so results, totals, facet
counts and highlights only ever see documents the user may see; suggestions read a spell field that only
holds words from visible documents (documents.spell_fields_for).
"""

import re
import time
from dataclasses import replace

from elasticsearch.dsl import A, MultiSearch, Q, Search

from . import client, compounds, concepts as concept_layer, documents, labels
from .params import FILTER_FIELDS

# Weighed on the development set of bench/relevance/ (make bench-relevance), not by guess: title^2 summary^1.5
# beat title^4 summary^2, and 'where it got stuck' / 'what broke through' as fields of their own added nothing.
TEXT_FIELDS = ["title^2", "summary^1.5", "body"]
FACET_FIELDS = ("type",) + FILTER_FIELDS
FACET_SIZE = 100
RESCORE_WINDOW = 20
SOURCE_FIELDS = ["type", "external_id", "title", "url", "summary", "year"]


def _search():
    return Search(using=client.get_client(), index=client.alias_name())


def visibility_filter(allowed):
    return Q("terms", visibility=list(allowed))


# Typos: one edit from five letters, two from eight; the first letter must be right (keeps expansion cheap).
FUZZINESS = "AUTO:5,8"
FUZZY_BOOST = 0.3
CONCEPT_BOOST = 6.0
LABELS_BOOST = 1.0
COMPOUND_BOOST = 0.8


def concept_clauses(concepts):
    """Cases classified with a concept the query names ('wiet' → verslaving) score as if they said it."""
    return [
        Q("constant_score", filter=Q("term", **{c.field: c.slug}), boost=CONCEPT_BOOST * c.weight)
        for c in concepts
    ]


def compound_clauses(q):
    """A compound in the query also finds its parts written apart ('woonbegeleider' → begeleider bij het wonen),
    but only all of them together; cases that write it whole hold the parts too (split at index time)."""
    clauses = []
    for word in dict.fromkeys(re.findall(r"\w+", concept_layer.fold(q))):
        parts = compounds.split(word)
        if parts:
            clauses.append(Q("combined_fields", query=" ".join(parts), fields=TEXT_FIELDS, operator="and",
                             boost=COMPOUND_BOOST))
    return clauses


def fuzzy_clauses(q):
    """Typos match within an edit or two, for the words that are not Dutch words as typed: fuzzy expansion of
    every word costs more than the rest of the query, and a correctly spelled word needs none."""
    unknown = concept_layer.unknown_words(q)
    if not unknown:
        return []
    return [Q("multi_match", query=" ".join(unknown), fields=["title", "summary", "body"], fuzziness=FUZZINESS,
              prefix_length=1, max_expansions=20, analyzer="nl_fuzzy", boost=FUZZY_BOOST)]


CORRECTION_BOOST = 1.0


def correction_clauses(q):
    """The correction applied, not only offered: a typo of a word the concept vocabulary knows ("psygose",
    "weigerd") also searches that word as if typed (concepts.corrections), not only the concept it names. Dev typo
    nDCG@10 .825 -> .837 at 1.0 (0.5 added nothing)."""
    corrected = concept_layer.corrections(q)
    if not corrected or not CORRECTION_BOOST:
        return []
    return [Q("combined_fields", query=" ".join(corrected), fields=TEXT_FIELDS, operator="or", boost=CORRECTION_BOOST)]


# Rare words weigh more in a question asked as a sentence. Of its many words, those most cases share ("jongere",
# "ouders", "hulp", "behandeling") each add a little, and together outweigh the two or three that say what the
# situation is; BM25's idf alone does not keep them apart. So the words at most RARE_SHARE of the documents hold
# count once more, as a bonus (a more_like_this of the query itself, which picks its terms by document frequency;
# its max_doc_freq is a number of documents, hence the cached count). Dev (ES) sentence nDCG@10 .751 -> .771
# (sen-14/21 +.20, sen-16 +.08, sen-12/13/18 +.01-.02, sen-09 -.08; better in 36 of 40 random halves); shares .05-.3
# and weights .3-1 all measured .760-.771. Only for queries of 8+ meaningful words that are not pasted descriptions.
RARE_MIN_WORDS = 8
RARE_SHARE = 0.2
RARE_BOOST = 0.5
COUNT_SECONDS = 60
_counts = {}


def document_count():
    """Documents in the index (all kinds and visibility levels, as document frequencies are), cached a minute."""
    alias, now = client.alias_name(), time.monotonic()
    cached = _counts.get(alias)
    if cached is None or now - cached[1] > COUNT_SECONDS:
        cached = _counts[alias] = (client.get_client().count(index=alias)["count"], now)
    return cached[0]


def rare_words_clauses(q):
    if len(concept_layer.words(q)) < RARE_MIN_WORDS:
        return []
    return [Q("more_like_this", fields=["title", "summary", "body"], like=[q], min_term_freq=1, min_doc_freq=1,
              max_doc_freq=max(1, int(RARE_SHARE * document_count())), max_query_terms=25,
              minimum_should_match="1", boost=RARE_BOOST)]


def reads_like(like, boost=1.0):
    """Cases whose narrative reads like `like` (a text, or an indexed document): its 40 most salient terms, 10 % of
    them to match. Similar cases and pasted descriptions both use it."""
    return Q("more_like_this", fields=["title", "summary", "body"], like=[like], min_term_freq=1, min_doc_freq=2,
             max_query_terms=40, minimum_should_match="10%", boost=boost)


def classified_like(like, boost=None):
    """Cases whose classification in words (the `labels` field) reads like `like` (an indexed document, or an
    artificial one with a `labels` text)."""
    return Q("more_like_this", fields=["labels"], like=[like], min_term_freq=1, min_doc_freq=1, max_query_terms=60,
             minimum_should_match="0%", boost=SIMILAR_LABELS_BOOST if boost is None else boost)


def text_query(params, concepts=()):
    q = params.q
    if not q:
        return Q("match_all")
    if params.is_description:
        # A pasted case description: find cases that read like it, as similar cases are found. On the dev set
        # that beat 25 terms / 30 %: pasted nDCG@10 0.734 → 0.784; a description names its situation in other
        # words than the case that resembles it.
        return Q("bool", should=[reads_like(q), *concept_clauses(concepts)], minimum_should_match=1)
    # Ranked OR (BM25F over title, summary and body as one field): any meaningful word finds a case, and
    # cases matching more of the words, or rarer ones, rank higher. Question words never need to match (the
    # search analyzer drops them), typos match within an edit or two, and a case classified with a concept
    # the query names is found even when its text words it differently.
    found_by = [
        Q("combined_fields", query=q, fields=TEXT_FIELDS, operator="or"),
        *compound_clauses(q),
        *fuzzy_clauses(q),
        *correction_clauses(q),
        *concept_clauses(concepts),
    ]
    # Bonuses among what was found: unstemmed title words, and the case's classification in words
    # (documents.classification_labels) — a question worded the way the taxonomy's vocabulary is matches there,
    # even in part. As a bonus, not a way to be found, it costs nothing when only counts are asked and does not
    # widen the set of matches (the same nDCG on the dev set as a finding clause). A bonus for covering most of
    # the query's words measured slightly worse on the dev set once concepts were in, and cost 6 ms.
    return Q(
        "bool",
        must=[Q("bool", should=found_by, minimum_should_match=1)],
        should=[Q("match", **{"title.folded": {"query": q}}),
                Q("match", labels={"query": q, "boost": LABELS_BOOST}),
                *rare_words_clauses(q)],
    )


def phrase_rescore(params):
    return {
        "window_size": RESCORE_WINDOW,
        "query": {
            "rescore_query": Q("multi_match", query=params.q, type="phrase", fields=TEXT_FIELDS, slop=3).to_dict(),
            "query_weight": 1.0,
            "rescore_query_weight": 2.0,
        },
    }


def _filters_for(filters, skip=None):
    return [Q("terms", **{name: values}) for name, values in filters.items() if name != skip]


def _base(params, allowed, concepts=(), feedback=()):
    base = [visibility_filter(allowed)]
    if params.types:
        base.append(Q("terms", type=params.types))
    main = text_query(params, concepts)
    if feedback:
        # Multiplied, so the bonus is the same share of a more_like_this score (descriptions) as of a BM25F one.
        main = Q("function_score", query=main, functions=[{"weight": 1.0}, *feedback], score_mode="sum",
                 boost_mode="multiply")
    s = _search().query(Q("bool", must=[main], filter=base))
    if params.filters:
        s = s.post_filter(Q("bool", filter=_filters_for(params.filters)))
    return s


def build_hits(params, allowed, concepts=(), feedback=()):
    """The page of hits with highlights (`feedback`: see feedback_functions). No totals or facets: build_overview
    has those."""
    s = _base(params, allowed, concepts, feedback)
    if params.sort == "year":
        s = s.sort({"year": {"order": "desc", "missing": "_last"}}, "_score")
    elif not params.q:
        s = s.sort({"year": {"order": "desc", "missing": "_last"}}, {"title.raw": "asc"})
    if len(params.q.split()) > 1 and not params.is_description and params.sort == "relevance":
        s = s.extra(rescore=phrase_rescore(params))
    if params.q:
        # Highlight the words as written: rewriting the typo-tolerant clause per hit costs more than the search.
        words = Q("combined_fields", query=params.q, fields=TEXT_FIELDS, operator="or")
        s = s.highlight_options(
            encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], fragment_size=160, number_of_fragments=2,
            highlight_query=words.to_dict(),
        ).highlight("summary").highlight("body")
    s = s.source(SOURCE_FIELDS).extra(track_total_hits=False, track_scores=params.sort == "year")
    return s[params.offset : params.offset + params.page_size]


def build_overview(params, allowed, concepts=()):
    """Total and facet counts: size 0, so Elasticsearch's request cache can answer repeats."""
    s = _base(params, allowed, concepts)
    # Facet filters sit in post_filter, and each facet's counts apply all *other* facet filters:
    # a checked box does not zero its siblings (readthedocs' FacetedSearch does the same).
    for name in FACET_FIELDS:
        inner = A("terms", field=name, size=FACET_SIZE)
        others = _filters_for(params.filters, skip=name)
        if others:
            s.aggs.bucket(name, "filter", filter=Q("bool", filter=others)).bucket("terms", inner)
        else:
            s.aggs.bucket(name, inner)
    return s.extra(size=0, track_total_hits=True).params(request_cache=True)


def build_suggest(q, allowed):
    """'Bedoelde je …': one phrase suggester per visible level; the best-scored correction across them wins."""
    s = _search().extra(size=0).query(Q("bool", filter=[visibility_filter(allowed)]))
    for field in documents.spell_fields_for(allowed):
        s = s.suggest(
            f"didyoumean_{field}",
            q[:300],
            phrase={
                "field": field,
                "size": 1,
                "gram_size": 2,
                "max_errors": 2,
                "confidence": 1.0,
                "direct_generator": [{"field": field, "suggest_mode": "missing", "min_word_length": 4}],
                "highlight": {"pre_tag": "<em>", "post_tag": "</em>"},
            },
        )
    return s


def _hit_to_result(hit):
    highlight = getattr(hit.meta, "highlight", None)
    snippets = []
    if highlight is not None:
        for name in ("summary", "body"):
            snippets += list(getattr(highlight, name, []))
    return {
        "external_id": hit.external_id,
        "type": hit.type,
        "title": hit.title,
        "url": hit.url,
        "summary": hit.summary,
        "year": getattr(hit, "year", None),
        "score": round(hit.meta.score, 4) if hit.meta.score is not None else None,
        "highlights": snippets,
    }


def _facets(response):
    facets = {}
    aggs = response.aggregations.to_dict()
    for name in FACET_FIELDS:
        agg = aggs.get(name, {})
        buckets = agg.get("terms", agg).get("buckets", [])
        facets[name] = labels.facet_entries(name, [(b["key"], b["doc_count"]) for b in buckets])
    return facets


def _suggestion(response, q):
    suggest = response.to_dict().get("suggest") or {}
    best = None
    for name, entries in suggest.items():
        if not name.startswith("didyoumean"):
            continue
        for entry in entries:
            for option in entry["options"]:
                if option["text"].strip().lower() != q.strip().lower() and (best is None or option["score"] > best["score"]):
                    best = option
    if best is None:
        return None
    return {"text": best["text"], "html": best.get("highlighted", best["text"])}


def _worth_offering(suggestion, offered):
    """The spelling suggestion, unless it is only stop words ('Daan' → 'dan') or names a concept already offered as a
    filter ('eetstornis' → 'Bedoel je: Eetstoornis' says it once)."""
    if suggestion is None:
        return None
    words = concept_layer.fold(suggestion["text"]).split()
    if all(word in concept_layer.STOP_WORDS for word in words):
        return None
    if concept_layer.fold(suggestion["text"]) in {concept_layer.fold(c["label"]) for c in offered}:
        return None
    return suggestion


FEW_RESULTS = 3  # below this, 'bedoelde je' is worth a look (and applied when nothing was found)


# Pseudo-relevance feedback on the classification: a question asked in a sentence, or a pasted description, names
# its situation in many words, and the first ten cases it finds mostly share the problem area it is about even when
# the words that name it are not the ones the query used. A problem area at least half of them carry multiplies the
# score of every case classified with it by 1 + 0.3 × its share. Dev (ES) sentence nDCG@10 .736 -> .751, pasted
# .801 -> .827 (better in 39 of 40 random halves); k 8-10, share .4-.5, weight .3-.5 and from 4 to 12 words measure
# alike. Stuck reasons (and settings) as well measured lower (.744, .748 against .749 at weight .5), an additive
# bonus lower still (.721-.748). Costs a first pass of ten hits without highlights or rescore (about 6-10 ms `took`
# here), only for queries of 8+ meaningful words.
FEEDBACK_MIN_WORDS = 8
FEEDBACK_K = 10
FEEDBACK_SHARE = 0.5
FEEDBACK_WEIGHT = 0.3


def wants_feedback(params):
    return bool(params.q) and params.sort == "relevance" and len(concept_layer.words(params.q)) >= FEEDBACK_MIN_WORDS


def _first_pass(params, allowed, concepts):
    # Without the phrase rescore: the same problem areas on the dev set, for less.
    return _base(params, allowed, concepts).source(["problem_areas"]).extra(track_total_hits=False)[:FEEDBACK_K]


def feedback_functions(first):
    """The problem areas shared by at least FEEDBACK_SHARE of the first pass's hits, as score multipliers."""
    hits = list(first.hits)
    counts = {}
    for hit in hits:
        for slug in _as_list(hit.to_dict().get("problem_areas")):
            counts[slug] = counts.get(slug, 0) + 1
    return [{"filter": Q("term", problem_areas=slug).to_dict(), "weight": FEEDBACK_WEIGHT * n / len(hits)}
            for slug, n in sorted(counts.items()) if n >= FEEDBACK_SHARE * len(hits)]


def _run(params, allowed, concepts):
    if wants_feedback(params):
        first = _first_pass(params, allowed, concepts).execute()
        hits, overview = (
            MultiSearch(using=client.get_client(), index=client.alias_name())
            .add(build_hits(params, allowed, concepts, feedback_functions(first)))
            .add(build_overview(params, allowed, concepts))
            .execute(raise_on_error=True)
        )
        hits.took += first.took  # the first pass is part of this search's time
        return hits, overview
    hits, overview = (
        MultiSearch(using=client.get_client(), index=client.alias_name())
        .add(build_hits(params, allowed, concepts))
        .add(build_overview(params, allowed, concepts))
        .execute(raise_on_error=True)
    )
    return hits, overview


def search(params, allowed):
    found = concept_layer.concepts_for(params.q)
    hits, overview = _run(params, allowed, found)
    took = max(hits.took, overview.took)
    suggestion = corrected = None
    if params.q and not params.is_description and overview.hits.total.value < FEW_RESULTS:
        # (a concept filter is offered only beside results; with none, the correction is still searched)
        offered = concept_layer.suggestions(found, params.filters) if overview.hits.total.value else []
        suggestion = _worth_offering(_suggestion(build_suggest(params.q, allowed).execute(), params.q), offered)
        if suggestion and overview.hits.total.value == 0:
            # Nothing as typed: search for the correction straight away, and say so — unless it finds nothing either.
            retry = replace(params, q=suggestion["text"])
            retry_found = concept_layer.concepts_for(retry.q)
            retry_hits, retry_overview = _run(retry, allowed, retry_found)
            took += max(retry_hits.took, retry_overview.took)
            suggestion = None
            if retry_overview.hits.total.value:
                hits, overview, found = retry_hits, retry_overview, retry_found
                corrected = {"from": params.q, "to": retry.q}
    return {
        "backend": "elasticsearch",
        "mode": "description" if params.is_description else "text",
        "total": overview.hits.total.value,
        "took": took,
        "page": params.page,
        "page_size": params.page_size,
        "sort": params.sort,
        "results": [_hit_to_result(hit) for hit in hits.hits],
        "facets": _facets(overview),
        "suggestion": suggestion,
        "corrected": corrected,
        "concepts": concept_layer.suggestions(found, params.filters),
    }


def autocomplete(q, allowed, limit=8):
    if not q.strip():
        return []
    s = (
        _search()
        .query(Q("bool", must=[Q("match_phrase_prefix", **{"title.folded": {"query": q[:200], "max_expansions": 30}})], filter=[visibility_filter(allowed)]))
        .source(["title", "url", "type", "external_id"])[:limit]
    )
    return [{"text": h.title, "url": h.url, "type": h.type, "external_id": h.external_id} for h in s.execute()]


# Per shared value, so two shared problem areas count more than one; the problem is what makes a case "alike".
SIMILAR_FIELDS = {"problem_areas": 5.0, "stuck_reasons": 2.0, "age_band": 1.5, "settings": 1.0}
# On top, per shared problem area that the source case's title names: of its three or four problem areas, that is
# the one the case is about ("Autisme, agressie en een gezin dat het thuis volhoudt" is about autism and aggression
# more than about its school absence). Dev similar P@5 0.747 -> 0.780; 8 to 20 measured alike.
SIMILAR_CORE_BOOST = 8.0
SIMILAR_TEXT_BOOST = 1.0
# The whole classification in words (the `labels` field: every facet's names and search terms), compared as text: a
# softer likeness over all facets at once, each word weighed by its rarity. Dev similar P@5 0.780 -> 0.820 at 0.25
# (0.1-0.35 measure alike; better in 40 of 40 random halves of the sources); exact per-facet weights tuned the same
# way did not carry over between halves.
SIMILAR_LABELS_BOOST = 0.25


def _as_list(value):
    if not value:
        return []
    return value if isinstance(value, list) else [value]


def core_problem_areas(title, classification):
    """The problem areas of a case (classification) that its title names, through the concept layer."""
    areas = set(_as_list(classification.get("problem_areas")))
    if not title or not areas:
        return set()
    return {c.slug for c in concept_layer.concepts_for(title) if c.field == "problem_areas"} & areas


def similar_weight(name, value, core):
    return SIMILAR_FIELDS[name] + (SIMILAR_CORE_BOOST if name == "problem_areas" and value in core else 0.0)


def similar_cases(doc_id, classification, allowed, limit=5, like_text=None, title=""):
    """Cases like this one: narrative similarity plus shared problem areas, stuck reasons, age band, setting, the
    problem areas its `title` names counting most.

    With `like_text` (and doc_id None) the narrative is a text that is not indexed, e.g. a consultation request."""
    core = core_problem_areas(title, classification)
    shared = [
        Q("term", **{name: {"value": value, "boost": similar_weight(name, value, core)}})
        for name in SIMILAR_FIELDS
        for value in _as_list(classification.get(name))
    ]
    # more_like_this scores run to ~150 on a narrative; scaled down, it orders cases within the same kind of
    # situation instead of outweighing it (measured on the judged set: bench/relevance/).
    indexed = {"_index": client.alias_name(), "_id": doc_id}
    mlt = reads_like(like_text if like_text is not None else indexed, boost=SIMILAR_TEXT_BOOST)
    labels_like = indexed if like_text is None else {"doc": {"labels": documents.labels_for(classification)}}
    query = Q(
        "bool",
        should=[mlt, classified_like(labels_like), *shared],
        minimum_should_match=1,
        filter=[visibility_filter(allowed), Q("term", type="case")],
        must_not=[Q("ids", values=[doc_id])] if doc_id else [],
    )
    s = _search().query(query).source(SOURCE_FIELDS)[:limit]
    return [_hit_to_result(hit) for hit in s.execute()]
