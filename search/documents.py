"""What the professional search indexes: one index (behind an alias) holding every searchable kind.

Each document has a `type` (`case`, `expert`, and `lesson` once the learning app registers its source), a
`visibility` that every query filters on, the taxonomy slugs under the interchange format's field names, and
text fields weighted title > summary > body. Documents are built only from live pages: drafts and unpublished
revisions never reach the index, because we read the page row (the published version), never a revision.
"""

import functools
from dataclasses import dataclass
from typing import Callable

from django.apps import apps
from django.db.models import Q
from elasticsearch.dsl import Document, Integer, Keyword, Text

from casebook.classification import CLASSIFICATION_FIELDS

VISIBILITY_LEVELS = ("public", "network", "restricted")
TAXONOMY_FIELDS = tuple(cf.name for cf in CLASSIFICATION_FIELDS)


def _text(**extra):
    # Offsets in the postings let the highlighter skip re-analysing the text of every hit.
    return Text(analyzer="nl_index", search_analyzer="nl_search", index_options="offsets", **extra)


class ContentDocument(Document):
    type = Keyword()
    external_id = Keyword()
    page_id = Integer()
    url = Keyword(index=False)
    title = _text(fields={"folded": Text(analyzer="nl_folded"), "raw": Keyword(ignore_above=256)})
    summary = _text()
    body = _text()
    # The case's classification in words: each term's name and the ways people say it (its search terms), so a
    # query that words a situation the way the vocabulary does finds the cases classified with it.
    labels = _text()
    visibility = Keyword()
    year = Integer()
    language = Keyword()
    # Spelling suggestions come only from what a user may see: each document's words go to the field of its
    # own visibility level, and a user's suggester reads only the fields of the levels they may see, so
    # 'bedoelde je' can never surface a word from a hidden case.
    spell_public = Text(analyzer="nl_spell")
    spell_network = Text(analyzer="nl_spell")
    spell_restricted = Text(analyzer="nl_spell")


for _name in TAXONOMY_FIELDS:
    # eager_global_ordinals: facet counts are on every search, so build ordinals at refresh, not per query.
    ContentDocument._doc_type.mapping.field(_name, Keyword(eager_global_ordinals=True))


def mapping_body():
    return ContentDocument._doc_type.mapping.to_dict()


def spell_fields(visibility, text):
    """The spell field a document of `visibility` contributes its words to (one copy per document)."""
    level = visibility if visibility in VISIBILITY_LEVELS else VISIBILITY_LEVELS[-1]
    return {f"spell_{level}": text}


def spell_fields_for(allowed):
    """The spell fields holding exactly the words of documents a user with these visibilities may see."""
    return [f"spell_{name}" for name in VISIBILITY_LEVELS if name in allowed] or ["spell_public"]


# ---- sources: which models produce documents, and how -------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """How one model becomes search documents. Other apps (learning) register theirs in AppConfig.ready()."""

    model_label: str  # "casebook.CasePage"
    type: str  # value of the `type` field
    queryset: Callable  # () -> queryset of everything that may be indexed (live only)
    to_document: Callable  # (obj) -> dict with the fields above (without _id)
    changed_field: str = "last_published_at"  # lets a rebuild catch up with changes made while it ran
    database: "DatabaseSearch | None" = None  # how the database search finds it (cases: fallback.py itself)
    # (obj) -> ids of this source's objects whose documents depend on another object's publication (a case's
    # lessons): when that object is published or unpublished, they are re-decided through the outbox too.
    follows: Callable = None

    def doc_id(self, pk):
        return f"{self.type}-{pk}"

    @property
    def model(self):
        return apps.get_model(self.model_label)


@dataclass(frozen=True, eq=False)  # holds dicts: hashed (in a Source) by identity
class DatabaseSearch:
    """How the database search (fallback_sources.py) reads a source other than cases."""

    # (allowed visibilities) -> queryset of what a user with them may find. The same rule the source's documents
    # carry in `visibility` and its pages apply, read from the same place (not a copy of it).
    visible: Callable
    text: dict  # weight "A" (title), "B" (summary), "C" (body) -> model text fields, as in the document
    taxonomy: dict  # facet field name -> (relation to TaxonomyTerm, vocabulary), as the document's taxonomy fields
    order: tuple = ("pk",)  # without a text rank (no query, or sorted by year)


SOURCES = {}


def register_source(source):
    SOURCES[source.model_label.lower()] = source


def source_for(model_or_label):
    label = model_or_label if isinstance(model_or_label, str) else model_or_label._meta.label
    return SOURCES.get(label.lower())


# ---- cases ---------------------------------------------------------------------------------------------------


def _slugs(value, many):
    if many:
        return [term.slug for term in value.all()]
    return [value.slug] if value is not None else []


def case_queryset():
    from casebook.models import CasePage

    many = [cf.attr for cf in CLASSIFICATION_FIELDS if cf.many]
    single = [cf.attr for cf in CLASSIFICATION_FIELDS if not cf.many]
    return CasePage.objects.live().select_related(*single).prefetch_related(*many, "case_lessons")


def case_document(page):
    body_parts = [text for _key, _label, text in page.narrative_sections()]
    body_parts += [page.needed, page.created, page.reflection]
    body_parts += [lesson.text for lesson in page.case_lessons.all()]
    doc = {
        "type": "case",
        "external_id": page.external_id,
        "page_id": page.pk,
        "url": page.get_url() or page.url_path,
        "title": page.title,
        "summary": page.summary,
        "body": "\n\n".join(part for part in body_parts if part),
        "visibility": page.visibility,
        "year": page.year,
        "language": page.language,
    }
    for cf in CLASSIFICATION_FIELDS:
        doc[cf.name] = _slugs(getattr(page, cf.attr), cf.many)
    # Coarsened by the editor for a small group (issue 4): not findable or faceted by age band or region.
    if page.hide_age_band:
        doc["age_band"] = []
    if page.hide_region:
        doc["region"] = []
    doc["labels"] = classification_labels(page)
    doc.update(spell_fields(page.visibility, f"{page.title}\n{page.summary}"))
    return doc


# Region and age band are left out: they are filters, and an editor may have hidden them (coarsening).
LABEL_FIELDS = ("problem_areas", "settings", "framework", "laws", "life_domains", "stuck_reasons", "interventions")


def classification_labels(page):
    """Names and search terms of the case's classification, one per line (document expansion)."""
    terms = []
    for cf in CLASSIFICATION_FIELDS:
        if cf.name in LABEL_FIELDS:
            value = getattr(page, cf.attr)
            terms += list(value.all()) if cf.many else [value] if value else []
    return _words_of(terms)


def labels_for(classification):
    """The `labels` text of a classification given as slugs ({field name: [slug, …]}), e.g. a consultation request's."""
    from casebook.models import TaxonomyTerm

    wanted = Q()
    for cf in CLASSIFICATION_FIELDS:
        slugs = classification.get(cf.name) or []
        if cf.name in LABEL_FIELDS and slugs:
            wanted |= Q(vocabulary=cf.vocabulary, slug__in=slugs if isinstance(slugs, list) else [slugs])
    return _words_of(TaxonomyTerm.objects.filter(wanted).order_by("vocabulary", "slug")) if wanted else ""


def _words_of(terms):
    lines = []
    for term in terms:
        lines.append(term.label_nl)
        if term.search_terms:
            lines.append(term.search_terms.replace(";", "\n"))
    return "\n".join(lines)


# ---- expertise profiles (members only) -------------------------------------------------------------------------


def expert_queryset():
    from casebook.models import ExpertProfilePage

    return ExpertProfilePage.objects.live().prefetch_related("expertise_areas", "interventions", "regions")


def visible_experts(allowed):
    """Profiles a user with these visibilities may find: what ExpertProfilePage.serve lets them read."""
    from casebook.models import ExpertProfilePage

    return expert_queryset() if ExpertProfilePage.visibility in allowed else ExpertProfilePage.objects.none()


def expert_document(page):
    visibility = page.visibility  # profiles are for signed-in members (MembersOnlyPage)
    summary = " · ".join(part for part in [page.job_title, page.organisation_type] if part)
    doc = {
        "type": "expert",
        "external_id": f"expert-{page.slug}",
        "page_id": page.pk,
        "url": page.get_url() or page.url_path,
        "title": page.title,
        "summary": summary,
        "body": page.bio,
        "visibility": visibility,
        "problem_areas": [t.slug for t in page.expertise_areas.all()],
        "interventions": [t.slug for t in page.interventions.all()],
        "region": [t.slug for t in page.regions.all()],
    }
    doc.update(spell_fields(visibility, f"{page.title}\n{summary}"))
    return doc


register_source(Source("casebook.CasePage", "case", case_queryset, case_document))
_CLASSIFICATION = {cf.name: cf for cf in CLASSIFICATION_FIELDS}
register_source(Source(
    "casebook.ExpertProfilePage", "expert", expert_queryset, expert_document,
    database=DatabaseSearch(
        visible=visible_experts,
        text={"A": ("title",), "B": ("job_title", "organisation_type"), "C": ("bio",)},
        taxonomy={name: (attr, _CLASSIFICATION[name].vocabulary) for name, attr in
                  (("problem_areas", "expertise_areas"), ("interventions", "interventions"), ("region", "regions"))},
        order=("title", "pk"),
    ),
))


def record_document(record, *, visibility, url):
    """A case document straight from an interchange record (bulk benchmarks; same shape as case_document)."""
    body = [record.get(name, "") for name in ("situation", "stuck_points", "approach", "outcome", "needed", "created",
                                               "reflection")]
    body += record.get("lessons", [])
    doc = {
        "type": "case",
        "external_id": record["external_id"],
        "url": url,
        "title": record["title"],
        "summary": record["summary"],
        "body": "\n\n".join(part for part in body if part),
        "visibility": visibility,
        "year": record["year"],
        "language": record.get("language", "nl"),
    }
    terms = _terms_by_slug()
    for cf in CLASSIFICATION_FIELDS:
        value = record.get(cf.name)
        doc[cf.name] = value if isinstance(value, list) else ([value] if value else [])
    doc["labels"] = _words_of(terms[(cf.vocabulary, slug)] for cf in CLASSIFICATION_FIELDS
                              if cf.name in LABEL_FIELDS for slug in doc[cf.name] if (cf.vocabulary, slug) in terms)
    doc.update(spell_fields(visibility, f"{record['title']}\n{record['summary']}"))
    return doc


@functools.lru_cache(maxsize=1)
def _terms_by_slug():
    from casebook.models import TaxonomyTerm

    return {(t.vocabulary, t.slug): t for t in TaxonomyTerm.objects.all()}
