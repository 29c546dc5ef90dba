"""CasePage → interchange record (the inverse of importing.apply_record)."""

from ..classification import CLASSIFICATION_FIELDS
from .schema import OPTIONAL_SCALARS, TEXT_FIELDS, normalise


def current_version(page):
    """The newest content of a page: its latest revision when it has unpublished changes."""
    if page.has_unpublished_changes:
        return page.get_latest_revision_as_object()
    return page


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
    return normalise(record)
