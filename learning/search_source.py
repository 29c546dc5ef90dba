"""How published lessons become documents of the professional search (registered in LearningConfig.ready()).

Only the lessons the site may show are indexed (`learning.visibility.shown_lessons`: accepted, published, no case
of theirs withdrawn); search picks them up through Wagtail's `published`/`unpublished` signals (search/signals.py),
and through their cases' signals (`lessons_following`): a case withdrawn or published again re-decides its lessons'
documents. A document carries the visibility the meeting gave the lesson (learning.visibility).
"""

from casebook.classification import CLASSIFICATION_FIELDS

_FIELD_FOR_VOCABULARY = {cf.vocabulary: cf.name for cf in CLASSIFICATION_FIELDS}


def lesson_queryset():
    from .visibility import shown_lessons

    return shown_lessons().prefetch_related("themes", "cases")


def lessons_following(obj):
    """Ids of the published lessons that name `obj` as their case: their documents follow its publication."""
    from casebook.models import CasePage

    from .models import Lesson

    if not isinstance(obj, CasePage):
        return []
    return list(Lesson.objects.published().filter(cases=obj).values_list("pk", flat=True))


def lesson_document(lesson):
    from search.documents import spell_fields

    visibility = lesson.visibility
    doc = {
        "type": "lesson",
        "external_id": f"lesson-{lesson.pk}",
        "page_id": lesson.pk,
        "url": lesson.get_url(),
        "title": lesson.statement,
        "summary": lesson.statement,
        "body": lesson.explanation,
        "visibility": visibility,
        "year": lesson.first_published_at.year if lesson.first_published_at else None,
        "language": "nl",
    }
    for term in lesson.themes.all():
        name = _FIELD_FOR_VOCABULARY.get(term.vocabulary)
        if name:
            doc.setdefault(name, []).append(term.slug)
    doc.update(spell_fields(visibility, lesson.statement))
    return doc


def visible_lessons(allowed):
    """What the database search may show: the lessons learning.visibility lets such a user read."""
    from .visibility import lessons_visible_to

    return lessons_visible_to(allowed).prefetch_related("themes", "cases")


def register():
    from search.documents import DatabaseSearch, Source, register_source

    database = DatabaseSearch(
        visible=visible_lessons,
        text={"A": ("statement",), "C": ("explanation",)},
        taxonomy={cf.name: ("themes", cf.vocabulary) for cf in CLASSIFICATION_FIELDS},
        order=("-first_published_at", "pk"),
    )
    register_source(Source("learning.Lesson", "lesson", lesson_queryset, lesson_document, database=database,
                           follows=lessons_following))
