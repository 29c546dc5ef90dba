"""Importing interchange records as case pages: all or nothing, idempotent per external_id."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.db import transaction
from tqdm import tqdm

from anonymity.service import check_url

from .. import signals
from ..classification import CLASSIFICATION_FIELDS, COARSENABLE
from ..models import CaseIndexPage, CaseLesson, CasePage, TaxonomyTerm
from .. import anonymity_gate as anonymity  # the anonymity gate before publishing
from . import bulk
from ..visibility import most_restrictive
from .export import case_to_record, current_version
from .schema import OPTIONAL_SCALARS, TEXT_FIELDS, normalise, parse_lines


BATCH = 250  # new cases per batch: one checker request, a few INSERTs per table


class ImportRejected(Exception):
    """The file has problems; nothing was written."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class ImportSummary:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    published: list = field(default_factory=list)
    # Issue 4: (external_id, {field: [Finding]}) kept as drafts, waiting for the anonymity check.
    held_back: list = field(default_factory=list)

    def __str__(self):
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.published)} published"
        ) + (f", {len(self.held_back)} held back by the anonymity check" if self.held_back else "")


def known_slugs():
    slugs = {}
    for vocabulary, slug in TaxonomyTerm.objects.values_list("vocabulary", "slug"):
        slugs.setdefault(vocabulary, set()).add(slug)
    return slugs


def import_lines(lines, *, visibility=None, publish=False, user=None, progress=False, skip_anonymity_check=False):
    """Validate every line, then write all records in one transaction. Raises ImportRejected on any problem."""
    records, problems = parse_lines(lines, known_slugs())
    if problems:
        raise ImportRejected(problems)
    terms = {(term.vocabulary, term.slug): term for term in TaxonomyTerm.objects.all()}  # looked up once
    index = CaseIndexPage.objects.get()
    summary = ImportSummary()
    options = dict(visibility=visibility, publish=publish, user=user, skip_check=skip_anonymity_check)
    # tqdm shows the rate and the time left; the texts of each case are checked once (remembering_checks).
    with transaction.atomic(), anonymity.remembering_checks(), ThreadPoolExecutor(max_workers=1) as checker, \
            tqdm(total=len(records), desc="import", unit="case", disable=not progress) as bar:
        existing = set(CasePage.objects.values_list("external_id", flat=True))
        if bulk.supported():
            existing |= bulk.taken_slugs(index, [_slug_for(r) for _, r in records if r["external_id"] not in existing])
        steps = list(_steps([record for _line, record in records], existing))
        # With the checker process (ANONYMITY_CHECK_URL) the next batch is checked there while this one is written.
        ahead = checker if publish and not skip_anonymity_check and check_url() else None
        prepared = _prepare(steps, 0, index, terms, ahead, visibility)
        for i, (kind, batch) in enumerate(steps):
            if kind == "one":
                _import_one(batch, index, terms, summary, **options)
                bar.update()
                continue
            current, prepared = prepared, _prepare(steps, i + 1, index, terms, ahead, visibility)
            _import_batch(batch, *current, index, summary, **options)
            bar.update(len(batch))
    return summary


def _steps(records, existing):
    """("one", record) for a case that exists already (updated one by one, as before); ("batch", records) for runs of
    new cases, at most BATCH long, in file order (issue 13)."""
    batch = []
    for record in records:
        if record["external_id"] in existing or _slug_for(record) in existing or not bulk.supported():
            if batch:
                yield "batch", batch
                batch = []
            yield "one", record
        else:
            batch.append(record)
            if len(batch) == BATCH:
                yield "batch", batch
                batch = []
    if batch:
        yield "batch", batch


def _prepare(steps, start, index, terms, ahead, visibility):
    """The pages of the first batch from `start` on, and (with `ahead`) their anonymity check under way."""
    for kind, records in steps[start:]:
        if kind == "batch":
            pages = [apply_record(CasePage(live=False, visibility=_visibility(record, visibility)
                                           or CasePage._meta.get_field("visibility").default), record, terms)
                     for record in records]
            return pages, ahead.submit(anonymity.check_pages, pages) if ahead else None
    return None, None


def _import_batch(records, pages, checking, index, summary, *, visibility, publish, user, skip_check):
    """New cases, many at a time: one call to the anonymity checker, rows and revisions inserted in bulk."""
    # Issue 4: every case checked before saving, as import_gate does one by one; a finding keeps it a draft.
    held = (anonymity.import_gate_many(pages, user, skip_check=skip_check,
                                       results=checking.result() if checking else None)
            if publish else [{}] * len(pages))
    bulk.create(index, pages, held, user=user, publish=publish)
    for record, page, unresolved in zip(records, pages, held):
        summary.created.append(page.external_id)
        if publish and unresolved:
            summary.held_back.append((page.external_id, unresolved))
        elif publish:
            summary.published.append(page.external_id)
    # The records' lessons go to the network's review, for the whole batch at once (learning listens).
    signals.cases_imported.send(sender=CasePage, items=[(page, record.get("lessons", []))
                                                         for record, page in zip(records, pages)], user=user)


def _import_one(record, index, terms, summary, *, visibility, publish, user, skip_check=False):
    external_id = record["external_id"]
    page = CasePage.objects.filter(external_id=external_id).first()
    if page is None:
        page = CasePage(live=False, visibility=_visibility(record, visibility)
                        or CasePage._meta.get_field("visibility").default)
        apply_record(page, record, terms)
        index.add_child(instance=page)
        summary.created.append(external_id)
    else:
        working = current_version(page)
        wanted_visibility = _visibility(record, visibility) or working.visibility
        if _as_stored(working, record) == normalise(record) and working.visibility == wanted_visibility:
            if publish and (not page.live or page.has_unpublished_changes):
                revision = page.get_latest_revision()
                # Issue 4: the stored draft passes the anonymity check (or an earlier skip) before it goes live.
                held = {} if skip_check else anonymity.unresolved_findings(revision.as_object())
                if held:
                    summary.held_back.append((external_id, held))
                else:
                    _publish(revision, user, summary)
            summary.unchanged.append(external_id)
            return
        apply_record(working, record, terms)
        working.visibility = wanted_visibility
        page = working
        summary.updated.append(external_id)
    # Issue 4: check before saving, so the revision carries the outcome ('wacht op anonimiteitscontrole').
    held = anonymity.import_gate(page, user, skip_check=skip_check) if publish else {}
    revision = page.save_revision(user=user, log_action=True)
    if publish and held:
        summary.held_back.append((external_id, held))
    elif publish:
        _publish(revision, user, summary)
    # The record's lessons go to the network's review (learning listens; idempotent: never duplicated).
    signals.case_imported.send(sender=CasePage, page=page, lessons=record.get("lessons", []), user=user)


def _visibility(record, chosen):
    """The record's visibility narrowed by the command's --visibility: an import never widens what a record says."""
    given = [v for v in (record.get("visibility"), chosen) if v]
    return most_restrictive(given) if given else None


def _as_stored(page, record):
    """The page as a record, for comparison with `record`: fields an older file lacks (visibility, coarsened) are
    left to the installation, so they do not count as changes."""
    stored = case_to_record(page)
    for name in ("visibility", "coarsened"):
        if name not in record:
            stored.pop(name, None)
    return stored


def _publish(revision, user, summary):
    revision.publish(user=user)
    summary.published.append(revision.content_object.external_id)


def apply_record(page, record, terms):
    """Copy an interchange record onto a (possibly unsaved) CasePage, relations included."""
    coarsened = "coarsened" in record
    record = normalise(record)
    if coarsened:
        record.setdefault("coarsened", [])  # an empty list (nothing hidden) is meaningful, keep it
    page.external_id = record["external_id"]
    page.title = record["title"]
    for name in TEXT_FIELDS:
        setattr(page, name, record.get(name, ""))
    for name in OPTIONAL_SCALARS:
        setattr(page, name, record.get(name, "" if name == "consent" else None))
    page.year = record["year"]
    page.language = record["language"]
    for cf in CLASSIFICATION_FIELDS:
        if cf.many:
            getattr(page, cf.attr).set([terms[(cf.vocabulary, slug)] for slug in record.get(cf.name, [])])
        else:
            slug = record.get(cf.name)
            setattr(page, cf.attr, terms[(cf.vocabulary, slug)] if slug else None)
    if "coarsened" in record:  # older files say nothing about it: the page keeps what its editor chose
        for name, flag in COARSENABLE.items():
            setattr(page, flag, name in record["coarsened"])
    page.case_lessons = [CaseLesson(text=text, sort_order=i) for i, text in enumerate(record.get("lessons", []))]
    page.slug = page.slug or _slug_for(record)
    return page


def _slug_for(record):
    # The external id is stable and unique, so URLs survive title edits and never collide.
    return record["external_id"]
