"""The signalering page and its exports, on fictional cases."""

import csv
import io
import json
import re

import pytest

from signals.aggregates import overview
from tests.factories import make_case


def _many(n, **fields):
    return [make_case(**fields) for _ in range(n)]


def _numbers(tables):
    return [v for _title, table in tables.values() for v in table.values()]


@pytest.fixture
def cases(db):
    """Utrecht 2025: 7 cases stuck on a waiting list, 6 without a fitting offer, 5 at 18, 2 (a small group)
    between laws;
    plus 3 network-only cases and 5 public cases whose region an editor hid."""
    base = dict(region="utrecht-flevoland", year=2025, problem_areas=["autisme"])
    _many(7, stuck_reasons=["wachtlijst"], **base)
    _many(6, stuck_reasons=["geen-passend-aanbod"], **base)
    _many(2, stuck_reasons=["financiering-tussen-wetten"], **base)
    _many(5, stuck_reasons=["overgang-18"], **base)  # the smallest other count: hidden beside the 2
    _many(3, visibility="network", stuck_reasons=["wachtlijst"], **base)
    hidden = _many(5, stuck_reasons=["wachtlijst"], **base)
    for page in hidden:
        page.hide_region = True
        page.save_revision().publish()
    make_case(publish=False, stuck_reasons=["wachtlijst"], **base)  # a draft counts nowhere


def test_anonymous_counts_come_only_from_public_cases(cases, member):
    anonymous = overview(None, {})
    assert anonymous["stuck"][1].value("wachtlijst", "cases") == 12  # 7 + 5 coarsened, not the 3 network cases
    members = overview(member, {})
    assert members["stuck"][1].value("wachtlijst", "cases") == 15


def test_a_coarsened_region_counts_as_niet_vermeld_and_never_under_its_region(cases):
    by_region = overview(None, {})["region_by_year"][1]
    assert by_region.value("niet-vermeld", 2025) == 5
    assert by_region.value("utrecht-flevoland", 2025) == 20  # 7 + 6 + 2 + 5 public cases with the region shown
    # filtering on the region leaves the coarsened cases out
    assert overview(None, {"regio": "utrecht-flevoland"})["stuck"][1].value("wachtlijst", "cases") == 7


def test_no_count_below_five_is_shown_and_the_small_group_is_not_recoverable(cases):
    tables = overview(None, {})
    assert all(v == 0 or v >= 5 for v in _numbers(tables))
    stuck = tables["stuck"][1]
    assert stuck.value("financiering-tussen-wetten", "cases") is None
    assert stuck.value("overgang-18", "cases") is None  # complementary: the smallest other count
    # the column total would give the 2 away: so a second count (or the total) is hidden as well
    shown = [stuck.value(k, "cases") for k, _ in stuck.rows]
    assert stuck.grand_total is None or shown.count(None) >= 2


def test_nested_filter_choices_never_show_totals_that_differ_by_one_to_four(cases, member):
    make_case(region="utrecht-flevoland", year=2025, age_band="16-17", stuck_reasons=["wachtlijst"],
              problem_areas=["autisme"])  # one case outside the 12–15 age band
    everything = overview(None, {"regio": "utrecht-flevoland"})
    narrowed = overview(None, {"regio": "utrecht-flevoland", "leeftijd": "12-15"})
    for name in everything:
        wide, narrow = everything[name][1], narrowed[name][1]
        for key, value in narrow.shown.items():
            other = wide.shown.get(key)
            if value is not None and other is not None:
                assert not 0 < other - value < 5, (name, key, other, value)
    assert narrowed["stuck"][1].value("wachtlijst", "cases") is None  # 8 versus 7 would reveal the one case


def test_the_page_renders_without_and_with_filters(cases, client):
    response = client.get("/signalering/")
    assert response.status_code == 200
    html = response.content.decode()
    # Trial 10 F8: the headline counts cases, the heatmap's totals count case x problem area; both say so.
    assert "het vaakst vast op: wachttijd of wachtlijst (12 casussen)" in html
    heatmap = re.search(r'<table class="data-table" id="heatmap-table".*?</table>\s*</div>\s*<p[^>]*>(.*?)</p>',
                        html, re.S)
    assert heatmap.group(0).count("Totaal vermeldingen") == 2 and "geen casussen" in heatmap.group(1)
    assert "<svg" in html and 'id="heatmap-table"' in html
    # coordinates are not localised to Dutch decimal commas (the browser would drop the shapes)
    assert not re.search(r'(?:x|y|width|height)="\d+,\d', html)
    assert not re.search(r"translate\(\d+,\d", html)

    response = client.get("/signalering/", {"regio": "utrecht-flevoland", "jaar": "2025"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "In Utrecht en Flevoland liep de zorg in 2025 het vaakst vast op: wachttijd of wachtlijst (7 casussen), " \
           "geen passend aanbod (6 casussen)." in html
    assert 'href="/signalering/export/utrecht-flevoland/2025.csv"' in html
    # the data tables show nothing from 1 to 4
    for table in re.findall(r'<table class="data-table".*?</table>', html, re.S):
        numbers = [int(n) for n in re.findall(r"<td>(\d+)</td>", table)]
        assert all(n == 0 or n >= 5 for n in numbers)


def test_an_unknown_filter_value_is_named_in_a_clear_error(cases, client):
    response = client.get("/signalering/", {"regio": "atlantis"})
    assert response.status_code == 400
    assert "atlantis" in response.content.decode()


def test_csv_export_parses_and_shows_nothing_small(cases, client):
    response = client.get("/signalering/export/utrecht-flevoland/2025.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows and set(rows[0]) == {"tabel", "rij", "rij_label", "kolom", "kolom_label", "aantal", "afgeschermd"}
    for row in rows:
        if row["aantal"]:
            assert int(row["aantal"]) == 0 or int(row["aantal"]) >= 5, row
        else:
            assert row["afgeschermd"] == "ja"
    waiting = next(r for r in rows if r["tabel"] == "stuck" and r["rij"] == "wachtlijst")
    assert waiting["aantal"] == "7"


def test_json_export_matches_the_page(cases, client):
    data = json.loads(client.get("/signalering/export.json", {"regio": "utrecht-flevoland"}).content)
    stuck = data["tables"]["stuck"]
    keys = [r["key"] for r in stuck["rows"]]
    assert stuck["cells"][keys.index("wachtlijst")] == [7]
    assert stuck["cells"][keys.index("financiering-tussen-wetten")] == [None]
    values = [v for t in data["tables"].values() for row in t["cells"] for v in row] + \
             [v for t in data["tables"].values() for v in t["row_totals"] + t["column_totals"] + [t["total"]]]
    assert all(v is None or v == 0 or v >= 5 for v in values)


def test_a_member_sees_network_cases_counted_on_the_page(cases, client, member):
    client.force_login(member)
    html = client.get("/signalering/").content.decode()
    assert "wachttijd of wachtlijst (15 casussen)" in html


def test_unknown_region_or_format_in_an_export_url_is_not_found(cases, client):
    assert client.get("/signalering/export/atlantis/2025.csv").status_code == 404
    assert client.get("/signalering/export/utrecht-flevoland/2025.xlsx").status_code == 404
    response = client.get("/signalering/export.csv", {"leeftijd": "99-100"})
    assert response.status_code == 400 and "99-100" in response.content.decode()


def test_a_region_filter_beside_one_other_region_answers_and_hides_the_small_group(db):
    """Regression: with every other entry already hidden or known, suppression looped for ever and the page hung."""
    utrecht = dict(region="utrecht-flevoland", year=2025, problem_areas=["autisme"])
    _many(7, stuck_reasons=["wachtlijst"], **utrecht)
    _many(2, stuck_reasons=["financiering-tussen-wetten"], **utrecht)
    _many(5, region="limburg", year=2025, stuck_reasons=["wachtlijst"], problem_areas=["lvb"])
    tables = overview(None, {"regio": "utrecht-flevoland"})
    assert tables["stuck"][1].value("financiering-tussen-wetten", "cases") is None
    assert all(v == 0 or v >= 5 for v in _numbers(tables))
