"""CasePage → interchange record (the inverse of importing.apply_record)."""

from ..classification import CLASSIFICATION_FIELDS, COARSENABLE
from .schema import OPTIONAL_SCALARS, TEXT_FIELDS, normalise


def current_version(page):
    """The newest content of a page: its latest revision when it has unpublished changes."""
    if page.has_unpublished_changes:
        return page.get_latest_revision_as_object()
    return page


def exportable(include_drafts=False):
    """(page, version to write) pairs. By default what is published, as published: a live page's row is its live
    content. Drafts, withdrawn cases and unpublished changes only on request (issue 9, finding 6)."""
    from ..models import CasePage

    pages = CasePage.objects.order_by("external_id")
    if not include_drafts:
        return ((page, page) for page in pages.live())
    return ((page, current_version(page)) for page in pages)


def case_to_record(page):
    record = {"external_id": page.external_id, "title": page.title}
    for name in TEXT_FIELDS:
        record[name] = getattr(page, name)
    record["lessons"] = [lesson.text for lesson in page.case_lessons.all()]
    for field in CLASSIFICATION_FIELDS:
        value = getattr(page, field.attr)
        if field.many:
            record[field.name] = [term.slug for term in value.all()]
        else:
            record[field.name] = value.slug if value is not None else None
    for name in OPTIONAL_SCALARS:
        record[name] = getattr(page, name)
    record["year"] = page.year
    record["language"] = page.language
    # Who may read it and what is hidden travel with the case, so no other installation shows more.
    record["visibility"] = page.visibility
    record["coarsened"] = sorted(name for name, flag in COARSENABLE.items() if getattr(page, flag))
    return normalise(record)
