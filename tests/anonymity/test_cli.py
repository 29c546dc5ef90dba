"""`manage.py anonymity_check` and its plain function `run`."""

import io
import json

import pytest
from django.core.management import call_command

from anonymity.cli import run


@pytest.fixture
def check(rules_detector):
    return rules_detector.check_fields


def test_plain_text_is_one_document(tmp_path, check):
    path = tmp_path / "casus.txt"
    path.write_text("Bel 06-12345678.\nOf mail a@b.nl.", encoding="utf-8")
    output, status = run([str(path)], as_json=True, check_fields=check)
    assert status == 1
    [doc] = [json.loads(line) for line in output.splitlines()]
    assert doc["id"] == str(path)
    assert [(f["kind"], f["start"], f["end"]) for f in doc["findings"]] == [("phone", 4, 15), ("email", 25, 31)]


def test_json_lines_with_ids_and_offsets_into_each_text(tmp_path, check):
    path = tmp_path / "casussen.jsonl"
    path.write_text(
        '{"id": "c1", "text": "BSN 123456782"}\n\n{"id": "c2", "text": "Een jongere van 16 en 17 jaar."}\n{"text": "03-11-2011"}\n',
        encoding="utf-8",
    )
    output, status = run([str(path)], as_json=True, check_fields=check)
    docs = [json.loads(line) for line in output.splitlines()]
    assert [d["id"] for d in docs] == ["c1", "c2", 4]
    assert docs[0]["findings"] == [{"start": 4, "end": 13, "kind": "bsn", "text": "123456782"}]
    assert docs[1]["findings"] == []
    assert docs[2]["findings"][0]["kind"] == "date"
    assert status == 1


def test_nothing_found_exits_zero_and_text_output(tmp_path, check):
    path = tmp_path / "schoon.txt"
    path.write_text("Een jongere tussen 12 en 16 jaar kreeg hulp van het wijkteam.", encoding="utf-8")
    output, status = run([str(path)], as_json=False, check_fields=check)
    assert status == 0
    assert "niets gevonden" in output


@pytest.mark.parametrize(
    "content, message",
    [(b"\xff\xfe\x00", "geen UTF-8"), (b'{"id": 1, "text": "a"}\n{"id": 2}\n', "regel 2")],
)
def test_unreadable_input_exits_two(tmp_path, check, content, message):
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    output, status = run([str(path)], as_json=False, check_fields=check)
    assert status == 2 and message in output


def test_missing_file_exits_two(tmp_path, check):
    output, status = run([str(tmp_path / "weg.txt")], as_json=False, check_fields=check)
    assert status == 2 and "niet gevonden" in output


def test_stdin(check):
    output, status = run(["-"], as_json=True, stdin=io.StringIO('{"id": "x", "text": "Bel 06-12345678"}\n'), check_fields=check)
    assert status == 1 and json.loads(output)["id"] == "x"


def test_management_command_through_the_checker(tmp_path, rules_detector, settings, capsys):
    import threading

    from anonymity.service import make_server

    server = make_server("127.0.0.1", 0, detector=rules_detector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.ANONYMITY_CHECK_URL = f"http://127.0.0.1:{server.server_port}"
    try:
        path = tmp_path / "casus.txt"
        path.write_text("Postcode 7413 BK.", encoding="utf-8")
        with pytest.raises(SystemExit) as exit_:
            call_command("anonymity_check", str(path), "--json")
        assert exit_.value.code == 1
        assert json.loads(capsys.readouterr().out)["findings"][0]["kind"] == "postcode"
    finally:
        server.shutdown()
        server.server_close()
