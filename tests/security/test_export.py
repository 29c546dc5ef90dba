"""Finding 6: export writes what is published (drafts and withdrawn cases only with --include-drafts), and carries
visibility and coarsening, so a re-import elsewhere neither widens a case nor shows a hidden region."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from casebook.interchange.schema import validator
from casebook.models import CasePage
from tests.factories import case_record, make_case

from .conftest import coarsened_case

pytestmark = pytest.mark.django_db


def export(*args):
    out = StringIO()
    call_command("export_cases", "-", *args, stdout=out)
    return {record["external_id"]: record for record in map(json.loads, out.getvalue().splitlines())}


def run_import(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_cases", str(path), *args, stdout=out, stderr=err)
    return out.getvalue()


def test_only_published_cases_and_their_published_text_by_default():
    published = make_case(title="Gepubliceerde titel van de casus")
    published.title = "Onuitgebrachte concepttitel met een naam"
    published.save_revision()
    never = make_case(publish=False, title="Nooit gepubliceerd concept")
    withdrawn = make_case(title="Ingetrokken casus")
    withdrawn.unpublish()

    records = export()
    assert set(records) == {published.external_id}
    assert records[published.external_id]["title"] == "Gepubliceerde titel van de casus"

    everything = export("--include-drafts")
    assert set(everything) == {published.external_id, never.external_id, withdrawn.external_id}
    assert everything[published.external_id]["title"] == "Onuitgebrachte concepttitel met een naam"


def test_records_carry_visibility_and_coarsening_and_stay_valid():
    restricted = make_case(visibility="restricted")
    hidden = coarsened_case()
    records = export()
    assert records[restricted.external_id]["visibility"] == "restricted"
    assert records[hidden.external_id]["coarsened"] == ["age_band", "region"]
    for record in records.values():
        assert list(validator().iter_errors(record)) == []


def test_reimport_elsewhere_keeps_restriction_and_hidden_region(tmp_path):
    restricted = make_case(visibility="restricted")
    hidden = coarsened_case()
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in export().values()), encoding="utf-8")
    # 'Elsewhere': an installation that does not have these cases yet.
    CasePage.objects.filter(pk__in=[restricted.pk, hidden.pk]).delete()

    run_import(path, "--publish", "--visibility", "public")  # the flag never widens what the record says
    again = CasePage.objects.get(external_id=restricted.external_id)
    assert again.visibility == "restricted"
    shown = CasePage.objects.get(external_id=hidden.external_id)
    assert shown.hide_region and shown.hide_age_band


def test_old_files_without_the_new_fields_stay_valid_and_change_nothing(tmp_path):
    hidden = coarsened_case(visibility="network")
    old = {k: v for k, v in export()[hidden.external_id].items() if k not in ("visibility", "coarsened")}
    assert list(validator().iter_errors(old)) == []
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps(old) + "\n", encoding="utf-8")
    assert "1 unchanged" in run_import(path, "--publish")
    hidden.refresh_from_db()
    assert hidden.hide_region and hidden.hide_age_band and hidden.visibility == "network"


def test_schema_rejects_unknown_visibility_and_coarsening():
    for bad in ({"visibility": "everyone"}, {"coarsened": ["name"]}):
        assert list(validator().iter_errors(case_record(**bad)))
