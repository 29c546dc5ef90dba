"""A policy officer in headless Chromium: the signalering page, a filter, a chart's data table and the CSV."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import serious_violations
from tests.factories import make_case

pytestmark = pytest.mark.browser


@pytest.fixture
def cases(live_site):
    utrecht = dict(region="utrecht-flevoland", year=2025, problem_areas=["autisme"])
    for _ in range(7):
        make_case(stuck_reasons=["wachtlijst"], **utrecht)
    for _ in range(6):
        make_case(stuck_reasons=["geen-passend-aanbod"], **utrecht)
    for _ in range(2):  # a small group: never shown, not even in the CSV
        make_case(stuck_reasons=["financiering-tussen-wetten"], **utrecht)
    for _ in range(5):
        make_case(region="limburg", year=2025, stuck_reasons=["wachtlijst"], problem_areas=["lvb"])


def _row(page, table_id, label):
    return page.locator(f"#{table_id}-table tbody tr").filter(has=page.get_by_role("rowheader", name=label))


def test_filter_read_a_data_table_and_download_the_csv(live_site, browser, cases):
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844}, bypass_csp=True,
                                  accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(live_site.url + "/signalering/")
        # All regions: 7 + 5 cases stuck on a waiting list.
        assert _row(page, "stuck", "Wachttijd of wachtlijst").locator("td").first.inner_text() == "12"

        page.get_by_label("Regio", exact=True).select_option("utrecht-flevoland")
        page.get_by_role("button", name="Toon").click()
        expect(page).to_have_url(re.compile("regio=utrecht-flevoland"))
        # The chart's data table, as a screen-reader user reads it: row heading → count ("•" = hidden small group).
        shown = {}
        for row in page.locator("#stuck-table tbody tr").all():
            shown[row.get_by_role("rowheader").inner_text()] = row.locator("td").first.inner_text()
        assert shown["Financiering tussen wetten"] == "•"
        assert shown["Geen passend aanbod"] in ("6", "•") and shown["Wachttijd of wachtlijst"] in ("7", "•")
        assert all(v == "•" or int(v) == 0 or int(v) >= 5 for v in shown.values())
        assert serious_violations(page) == []

        with page.expect_download() as download:
            page.get_by_role("link", name="CSV", exact=True).click()
        rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
        # The CSV holds exactly what the page showed for the same filter.
        in_csv = {r["rij_label"]: (r["aantal"] or "•") for r in rows
                  if r["tabel"] == "stuck" and r["kolom"] == "cases" and r["rij"] != "totaal"}
        assert {label: in_csv[label] for label in shown} == shown
        assert all(r["aantal"] == "" or int(r["aantal"]) == 0 or int(r["aantal"]) >= 5 for r in rows)
    finally:
        context.close()
