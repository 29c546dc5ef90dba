"""Finding 8: no 500s and no unbounded input. Draft previews work while search runs on the database; the importer
reports deep nesting, control characters and huge fields per line; forms refuse oversized text; the embedded SQLite
survives simultaneous writers."""

import json
import threading
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.utils import ConnectionHandler
from django.urls import reverse

from casebook.models import CasePage
from learning.forms import DecisionForm, LessonForm, ReflectionForm
from learning.models import Reflection
from tests.factories import case_record, make_case, make_user

pytestmark = pytest.mark.django_db


def test_draft_preview_with_database_search(client, settings):
    settings.ELASTICSEARCH_URL = ""
    make_case(title="Een vergelijkbare casus")  # shares problem areas, so 'vergelijkbare casussen' has work to do
    page = make_case()
    page.title = "Nieuwe, nog niet gepubliceerde titel"
    page.save_revision()
    client.force_login(make_user("editor"))
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200 and "nog niet gepubliceerde titel" in response.content.decode()


def _import(tmp_path, text):
    path = tmp_path / "cases.jsonl"
    path.write_text(text, encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("import_cases", str(path), stdout=out, stderr=err)
    return exited.value.code, err.getvalue()


def test_import_reports_deep_nesting_without_a_traceback(tmp_path):
    status, err = _import(tmp_path, "[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"a": [[[["x"]]]]}) + "\n")
    assert status == 2
    assert "line 1: (json): nested too deeply" in err and "line 2: (record): nested too deeply" in err
    assert "Traceback" not in err and CasePage.objects.count() == 0


def test_import_rejects_control_characters_and_huge_fields(tmp_path):
    lines = [json.dumps(case_record(situation="Het begon \x00 thuis.")),
             json.dumps(case_record(lessons=["Een les met een \x1b escape erin."])),
             json.dumps(case_record(outcome="x" * 12_000_000))]
    status, err = _import(tmp_path, "\n".join(lines) + "\n")
    assert status == 2
    assert "line 1: situation: contains control character U+0000 at position 11" in err
    assert "line 2: lessons[0]: contains control character U+001B" in err
    assert "line 3: (json): line too long" in err
    assert len(err) < 5_000 and CasePage.objects.count() == 0

    status, err = _import(tmp_path, json.dumps(case_record(outcome="x" * 20_001)) + "\n")
    assert status == 2 and "line 1: outcome: too long: 20001 characters, at most 20000" in err


def test_forms_refuse_oversized_text_and_control_characters(member, case):
    big = "Dit is een lange tekst. " * 200_000  # ~4.8 MB
    lesson = LessonForm({"statement": "Een les.", "explanation": big}, user=member)
    assert not lesson.is_valid() and "explanation" in lesson.errors
    lesson = LessonForm({"statement": "Een les met \x07 een bel.", "explanation": ""}, user=member)
    assert not lesson.is_valid() and "stuurteken" in str(lesson.errors["statement"])
    reflection = ReflectionForm({"body": big, "sign_as": "anonymous"}, instance=Reflection(case=case))
    assert not reflection.is_valid() and "body" in reflection.errors
    decision = DecisionForm({"decision": "revise", "minutes": big})
    assert not decision.is_valid() and "minutes" in decision.errors


def test_case_admin_refuses_control_characters_in_the_title(case):
    case.title = "Titel met \x0b verticale tab"
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        case.full_clean()
    assert "title" in refused.value.message_dict


def test_embedded_sqlite_survives_simultaneous_writers(tmp_path):
    """Eight writers that each read, think, then write, all at once: none gets 'database is locked'."""
    from doorbraak.settings.base import database_config

    handler = ConnectionHandler({"default": database_config(f"sqlite:///{tmp_path / 'concurrent.sqlite3'}")})
    setup = handler["default"]
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, n INTEGER)")
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    errors = []

    def writer():
        connection = handler["default"]  # one connection per thread, as under a threaded server
        try:
            for _ in range(5):
                # What transaction.atomic() does on this connection, with the project's settings.
                connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
                with connection.cursor() as cursor:
                    cursor.execute("SELECT count(*) FROM visit")
                    seen = cursor.fetchone()[0]
                    time.sleep(0.01)
                    cursor.execute("INSERT INTO visit (n) VALUES (%s)", [seen])
                connection.commit()
                connection.set_autocommit(True)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=writer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with setup.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM visit")
        assert cursor.fetchone()[0] == 40
    setup.close()


def test_an_oversized_search_query_is_refused_without_being_copied_into_the_page(client):
    response = client.get("/zoeken/", {"q": "wachtlijst " * 20_000})
    body = response.content.decode()
    assert response.status_code == 400 and "De zoekvraag is te lang" in body
    # The sign-in link and the language switch lead back to the search page, not to a 220 KB address.
    assert len(body) < 60_000
    assert 'name="next" type="hidden" value="/zoeken/"' in body
