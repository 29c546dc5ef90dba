"""The printable regional report (issue 12): a stable URL per region and year with the charts, the summary, the
lessons the network accepted for the region and what happened to their actions; the same protection as the page."""

import re
from datetime import date, datetime, timezone

import pytest

from learning import followup
from learning.models import Decision, Lesson
from signals.aggregates import overview
from tests.factories import make_case, make_user
from tests.learning.conftest import decide, make_lesson, make_meeting

URL = "/signalering/rapport/utrecht-flevoland/2025/"
FILTERS = {"regio": "utrecht-flevoland", "jaar": "2025"}


def _accept(lesson, moderator, year=2025):
    decide(make_meeting(moderator), lesson, Decision.ACCEPT, "Aanvaard.", moderator=moderator)
    Lesson.objects.filter(pk=lesson.pk).update(decided_at=datetime(year, 6, 1, 12, tzinfo=timezone.utc))


@pytest.fixture
def report_data(db, member, moderator):
    """Utrecht 2025: 7 public cases on a waiting list, 6 without a fitting offer, 2 between laws (small), 5 at 18;
    3 network cases. A public lesson with a carried-out action and an obstacle, a network lesson, and a public lesson
    from another region."""
    base = dict(region="utrecht-flevoland", year=2025, problem_areas=["autisme"])
    public = [make_case(stuck_reasons=["wachtlijst"], **base) for _ in range(7)]
    for reason, n in (("geen-passend-aanbod", 6), ("financiering-tussen-wetten", 2), ("overgang-18", 5)):
        for _ in range(n):
            make_case(stuck_reasons=[reason], **base)
    network = [make_case(visibility="network", stuck_reasons=["wachtlijst"], **base) for _ in range(3)]
    elsewhere = make_case(region="limburg", year=2025)

    owner = make_user("member", username="actie-eigenaar")
    owner.first_name, owner.last_name = "Fictieve", "Actiehouder"
    owner.save()
    shared = make_lesson(member, statement="Zet de wachtlijst elke maand op de agenda van het regio-overleg.",
                         cases=[public[0]], submit=True)
    _accept(shared, moderator)
    action = followup.add_action(shared, what="Maandelijks wachtlijstoverzicht delen.",
                                 for_whom="Gemeenten in de regio", owner=owner, due_date=date(2025, 12, 1),
                                 created_by=moderator)
    followup.report(action, progress="done", obstacles="Twee gemeenten leverden laat aan.")
    members_only = make_lesson(member, statement="Deze netwerkles is alleen voor leden.", cases=[network[0]],
                               submit=True)
    _accept(members_only, moderator)
    other = make_lesson(member, statement="Deze les hoort bij een andere regio.", cases=[elsewhere], submit=True)
    _accept(other, moderator)
    return shared, members_only, other


def _numbers(html):
    return [int(n) for table in re.findall(r'<table class="data-table".*?</table>', html, re.S)
            for n in re.findall(r"<td>(\d+)</td>", table)]


def test_the_report_shows_charts_summary_and_the_regions_lessons_with_their_actions(client, report_data):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "regiorapport Utrecht en Flevoland, 2025" in html
    assert "In Utrecht en Flevoland liep de zorg in 2025 het vaakst vast op: wachttijd of wachtlijst (7 casussen), " \
           "geen passend aanbod (6 casussen)" in html
    assert html.count("<svg class=\"chart\"") == 3  # heatmap, stuck reasons, life domains
    for table in ("heatmap-table", "stuck-table", "outcome-table", "domains-table"):
        assert f'id="{table}"' in html
    assert "Zet de wachtlijst elke maand op de agenda" in html
    assert "Maandelijks wachtlijstoverzicht delen." in html and "Uitgevoerd" in html
    assert "leidde er 1 tot een actie die is uitgevoerd" in html
    assert "Deze les hoort bij een andere regio." not in html
    assert "Actiehouder" not in html  # the owner is named to moderators only
    assert 'href="/signalering/export/utrecht-flevoland/2025.csv"' in html


def test_the_overview_links_to_the_report_for_a_region_and_year(client, report_data):
    html = client.get("/signalering/", FILTERS).content.decode()
    assert f'href="{URL}"' in html
    assert URL not in client.get("/signalering/").content.decode()  # no region and year chosen: no report link


def test_the_report_is_protected_like_the_overview(client, report_data):
    html = client.get(URL).content.decode()
    numbers = _numbers(html)
    assert numbers and all(n == 0 or n >= 5 for n in numbers)
    assert not re.search(r">[1-4]</text>", html)  # nor in the charts' labels
    tables = client.get(URL).context["tables"]
    page = overview(None, FILTERS)
    for name, (_title, table) in tables.items():
        assert table.shown == page[name][1].shown  # the same cells hidden as on the filtered overview
    stuck = tables["stuck"][1]
    assert stuck.value("financiering-tussen-wetten", "cases") is None


def test_an_anonymous_visitor_sees_public_cases_and_lessons_only(client, report_data, member):
    shared, members_only, _other = report_data
    anonymous = client.get(URL)
    html = anonymous.content.decode()
    assert anonymous.context["tables"]["stuck"][1].value("wachtlijst", "cases") == 7
    assert shared.statement in html and members_only.statement not in html
    assert "Twee gemeenten leverden laat aan." not in html  # obstacles are for members
    assert "alleen over wat openbaar is" in html

    client.force_login(member)
    signed_in = client.get(URL)
    html = signed_in.content.decode()
    assert signed_in.context["tables"]["stuck"][1].value("wachtlijst", "cases") == 10
    assert members_only.statement in html and "Twee gemeenten leverden laat aan." in html


def test_the_report_prints_without_navigation_and_keeps_charts_with_their_tables(client, report_data):
    html = client.get(URL).content.decode()
    assert "css/signals-report.css" in html
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/signals-report.css"), encoding="utf-8").read()
    media_print = css[css.index("@media print"):]
    assert re.search(r"\.site-header[^{]*\{ display: none", media_print)
    assert re.search(r"\.chart-block[^{]*\{[^}]*break-inside: avoid", media_print)
    assert "break-before: page" in media_print


def test_an_unknown_region_is_not_found_and_an_empty_year_says_so(client, report_data):
    assert client.get("/signalering/rapport/atlantis/2025/").status_code == 404
    response = client.get("/signalering/rapport/utrecht-flevoland/1999/")
    assert response.status_code == 200
    assert "te weinig casussen" in response.content.decode()
