"""Issue 13: new cases are imported in batches (casebook/interchange/bulk.py). A batch import leaves the same pages,
tree, revisions, log entries, relations, search outbox rows and reviewed lessons as the one-by-one path did."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from casebook import anonymity_gate
from casebook.interchange import bulk, importing
from casebook.interchange.importing import import_lines
from casebook.models import CaseIndexPage, CasePage
from anonymity.findings import Finding
from search.models import IndexOutbox
from tests.factories import case_record, make_case, make_user

pytestmark = pytest.mark.django_db

VOLATILE = {"pk", "id", "page_ptr", "translation_key", "latest_revision", "live_revision", "latest_revision_created_at",
            "first_published_at", "last_published_at", "created_at", "updated_at", "submitted_at", "page", "cases"}


@pytest.fixture
def checker(monkeypatch):
    """Flags 'Jansen'; counts the calls and the field sets the checker is asked about."""
    asked = []

    def check(fields):
        asked.append(dict(fields))
        return {name: ([Finding(kind="naam", text="Jansen", start=text.index("Jansen"), end=text.index("Jansen") + 6)]
                       if "Jansen" in text else []) for name, text in fields.items()}

    calls = []
    monkeypatch.setattr(anonymity_gate, "_check_fields", check)
    monkeypatch.setattr(anonymity_gate, "_check_many", lambda batch: calls.append(len(batch)) or list(map(check, batch)))
    return {"asked": asked, "calls": calls}


def records():
    return [
        case_record(external_id="bulk-a", lessons=["Eén plan werkt.", "Vraag de jongere zelf."]),
        case_record(external_id="bulk-b", visibility="restricted", title="Tweede doorbraak"),
        case_record(external_id="bulk-c", situation="De familie Jansen woonde in de regio."),  # held back
        case_record(external_id="bulk-d", coarsened=["region"]),
    ]


def _clean(data):
    if isinstance(data, dict):
        return {k: _clean(v) for k, v in data.items() if k not in VOLATILE}
    if isinstance(data, list):
        return [_clean(v) for v in data]
    return data


def differences(a, b, where=""):
    """Where two snapshots differ, as readable paths (a failure names the field, not just 'not equal')."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(set(a) | set(b), key=str) for d in differences(a.get(k), b.get(k), f"{where}.{k}")]
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{where}[{i}]")]
    return [] if a == b else [f"{where}: {a!r} != {b!r}"]


def _lesson(lesson):
    """A reviewed lesson from the record (learning): row, themes, revisions, log entries."""
    from wagtail.models import ModelLogEntry

    return {
        "row": (lesson.statement, lesson.status, lesson.author_id, lesson.live, lesson.has_unpublished_changes,
                lesson.submitted_at is not None, lesson.latest_revision_id is not None),
        "themes": sorted(lesson.themes.values_list("slug", flat=True)),
        "revisions": [(_clean(r.content), r.user_id, r.object_str) for r in lesson.revisions.all()],
        "logs": sorted((e.action, e.label, e.user_id, e.content_changed)
                       for e in ModelLogEntry.objects.filter(object_id=str(lesson.pk), content_type__model="lesson")),
        "outbox": IndexOutbox.objects.filter(object_id=lesson.pk, model_label__iexact="learning.lesson").count(),
    }


def snapshot(user):
    """What the import left behind, by external id, without ids and timestamps."""
    index = CaseIndexPage.objects.get()
    page_type = ContentType.objects.get_for_model(Page)
    pages = {}
    for page in CasePage.objects.filter(external_id__startswith="bulk-").order_by("path"):
        revisions = Revision.page_revisions.filter(object_id=str(page.pk))
        page_data = _clean(page.serializable_data())
        pages[page.external_id] = {
            "page": page_data,
            "path_step": int(page.path[-4:], 36) - int(index.path[-4:], 36) * 0,
            "live_is_latest": page.live_revision_id == page.latest_revision_id if page.live else None,
            "revisions": [(_clean(r.content), r.user_id, r.object_str) for r in revisions],
            "logs": sorted((e.action, e.label, e.user_id, e.revision_id == page.latest_revision_id, e.content_changed)
                           for e in PageLogEntry.objects.filter(page_id=page.pk)),
            "outbox": sorted(IndexOutbox.objects.filter(object_id=page.pk, model_label="casebook.CasePage")
                             .values_list("action", flat=True)),
            "lessons": [_lesson(lesson) for lesson in page.network_lessons.order_by("statement")],
            "references": sorted(ReferenceIndex.objects.filter(object_id=str(page.pk), base_content_type=page_type)
                                 .values_list("model_path", "content_path")),
        }
    index.refresh_from_db()
    return {"pages": pages, "numchild": index.numchild, "tree_problems": [len(p) for p in Page.find_problems()]}


def import_both_ways(monkeypatch, lines, **options):
    """The same lines one by one (then rolled back) and in batches; returns both snapshots."""
    user = make_user("superuser")
    make_case(title="Er stond al een casus")  # the batch starts after an existing child
    with transaction.atomic():
        with monkeypatch.context() as m:
            m.setattr(bulk, "supported", lambda: False)
            one_by_one = import_lines(lines, user=user, **options)
        before = snapshot(user)
        transaction.set_rollback(True)
    assert not CasePage.objects.filter(external_id__startswith="bulk-").exists()
    batched = import_lines(lines, user=user, **options)
    return one_by_one, before, batched, snapshot(user)


def test_a_batch_import_leaves_what_the_one_by_one_import_left(monkeypatch, checker):
    lines = [json.dumps(r) for r in records()]
    one_by_one, before, batched, after = import_both_ways(monkeypatch, lines, visibility="network", publish=True)

    assert str(batched) == str(one_by_one) == "4 created, 0 updated, 0 unchanged, 3 published, 1 held back by the anonymity check"
    assert batched.held_back[0][0] == "bulk-c"
    assert not (diff := differences(after, before)), "\n".join(diff)
    assert after["tree_problems"] == [0, 0, 0, 0, 0]  # Page.fix_tree would find nothing
    assert after["pages"]["bulk-a"]["outbox"] == ["index"] and after["pages"]["bulk-c"]["outbox"] == []
    assert not CasePage.objects.get(external_id="bulk-c").live
    assert len(after["pages"]["bulk-a"]["lessons"]) == 2
    assert checker["calls"][-1] == 4  # the batch asked the checker once, about all four cases


def test_a_draft_import_in_batches_matches_too(monkeypatch, checker):
    lines = [json.dumps(r) for r in records()]
    _, before, _, after = import_both_ways(monkeypatch, lines, visibility="public")
    assert not (diff := differences(after, before)), "\n".join(diff)
    # no --publish: nothing checked, as before (only the case published beforehand by make_case was)
    assert [fields["title"] for fields in checker["asked"]] == ["Er stond al een casus"] and checker["calls"] == []


def test_importing_the_file_again_updates_and_keeps_the_batch_pages(checker):
    lines = [json.dumps(r) for r in records()]
    import_lines(lines, visibility="network", publish=True)
    changed = records()
    changed[1]["title"] = "Tweede doorbraak, bijgewerkt"
    summary = import_lines([json.dumps(r) for r in changed], visibility="network", publish=True)
    assert summary.updated == ["bulk-b"] and len(summary.unchanged) == 3
    assert CasePage.objects.get(external_id="bulk-b").title == "Tweede doorbraak, bijgewerkt"
    assert CasePage.objects.filter(external_id__startswith="bulk-").count() == 4
    assert [len(p) for p in Page.find_problems()] == [0, 0, 0, 0, 0]


def test_a_failing_batch_imports_nothing(monkeypatch, checker):
    lines = [json.dumps(r) for r in records()]

    def broken(*args, **kwargs):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(bulk.Revision.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        import_lines(lines, visibility="network", publish=True)
    assert not CasePage.objects.filter(external_id__startswith="bulk-").exists()
    assert not IndexOutbox.objects.exists()


def test_new_cases_are_batched_between_existing_ones(monkeypatch, checker):
    import_lines([json.dumps(records()[1])], visibility="network", publish=True)
    batches = []
    real = bulk.create
    monkeypatch.setattr(bulk, "create", lambda index, pages, *a, **k: batches.append(
        [p.external_id for p in pages]) or real(index, pages, *a, **k))
    monkeypatch.setattr(importing, "BATCH", 1000)
    summary = import_lines([json.dumps(r) for r in records()], visibility="network", publish=True)
    assert batches == [["bulk-a"], ["bulk-c", "bulk-d"]]
    assert summary.created == ["bulk-a", "bulk-c", "bulk-d"] and summary.unchanged == ["bulk-b"]


def test_one_drain_of_the_outbox_per_import_not_one_per_case(monkeypatch, checker, django_capture_on_commit_callbacks):
    from search import client, signals as search_signals, tasks

    drains = []
    monkeypatch.setattr(client, "is_configured", lambda: True)
    monkeypatch.setattr(tasks, "drain_quietly", lambda: drains.append(IndexOutbox.objects.count()))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        import_lines([json.dumps(r) for r in records()], visibility="network", publish=True)
    assert callbacks.count(search_signals._drain_after_commit) == 3  # one per published case, as before
    assert drains == [3]  # but one drain sends the three published cases' rows; the other callbacks return at once
    with django_capture_on_commit_callbacks(execute=True):
        make_case(title="Daarna nog een")
    assert drains == [3, 4]  # a later change gets its own drain


def test_with_the_checker_process_the_next_batch_is_checked_while_this_one_is_written(monkeypatch, settings, checker):
    import threading

    settings.ANONYMITY_CHECK_URL = "http://127.0.0.1:9/niet-gebruikt"  # _check_many is the stand-in here
    in_main_thread, second_asked, overlapped = [], threading.Event(), []
    real_check, real_create = anonymity_gate._check_many, bulk.create

    def check(batch):
        in_main_thread.append(threading.current_thread() is threading.main_thread())
        if len(in_main_thread) == 2:
            second_asked.set()
        return real_check(batch)

    def create(index, pages, *args, **kwargs):
        if not overlapped:  # the first batch waits to be written until the second is being checked
            overlapped.append(second_asked.wait(timeout=10))
        return real_create(index, pages, *args, **kwargs)

    monkeypatch.setattr(anonymity_gate, "_check_many", check)
    monkeypatch.setattr(bulk, "create", create)
    monkeypatch.setattr(importing, "BATCH", 2)
    summary = import_lines([json.dumps(r) for r in records()], visibility="network", publish=True)

    assert in_main_thread == [False, False] and overlapped == [True]
    assert sorted(summary.published) == ["bulk-a", "bulk-b", "bulk-d"]
    assert [external_id for external_id, _ in summary.held_back] == ["bulk-c"]
    assert not CasePage.objects.get(external_id="bulk-c").live


def test_when_the_checker_cannot_be_asked_nothing_is_imported(monkeypatch, checker):
    from anonymity.service import AnonymityCheckUnavailable

    def unavailable(batch):
        raise AnonymityCheckUnavailable("De anonimiteitscontrole is niet bereikbaar")

    monkeypatch.setattr(anonymity_gate, "_check_many", unavailable)
    with pytest.raises(AnonymityCheckUnavailable):
        import_lines([json.dumps(r) for r in records()], visibility="network", publish=True)
    assert not CasePage.objects.filter(external_id__startswith="bulk-").exists()
