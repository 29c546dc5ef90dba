"""The public page /expertteams/: one GET form, no JavaScript, finds the team for a municipality."""

import datetime

import pytest
from django.utils import timezone

from consultation.lookup import normalise
from consultation.models import ExpertiseArea, JeugdRegion

pytestmark = pytest.mark.django_db
URL = "/expertteams/"


def test_normalise_ignores_case_accents_apostrophes_and_hyphens():
    assert normalise("  'S-HERTOGENBOSCH ") == normalise("s hertogenbosch")
    assert normalise("Súdwest-Fryslân") == "sudwest fryslan"


def test_page_renders_without_javascript_with_a_labelled_get_form_map_and_all_regions(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script" not in html
    assert '<form method="get"' in html
    assert '<label for="id_gemeente">' in html and 'id="id_gemeente" name="gemeente"' in html
    assert html.count("<polygon") == 8
    assert 'aria-describedby="kaart-uitleg"' in html and 'id="kaart-uitleg"' in html
    for area in ExpertiseArea.objects.all():
        assert f'href="#gebied-{area.slug}"' in html and f'id="gebied-{area.slug}"' in html
    for region in JeugdRegion.objects.all():
        assert region.name in html


@pytest.mark.parametrize("typed", ["amsterdam", "AMSTERDAM", " Amsterdam "])
def test_lookup_is_case_insensitive(client, typed):
    response = client.get(URL, {"gemeente": typed})
    html = response.content.decode()
    assert "Voor gemeente Amsterdam" in html
    assert "Expertteam Amsterdam-Amstelland" in html
    assert "Expertisecentrum Noord-Holland" in html


@pytest.mark.parametrize("typed, name, team", [
    ("sudwest-fryslan", "Súdwest-Fryslân", "Expertteam Friesland"),
    ("Den Bosch", "&#x27;s-Hertogenbosch", "Expertteam Noordoost-Brabant"),
    ("s hertogenbosch", "&#x27;s-Hertogenbosch", "Expertteam Noordoost-Brabant"),
    ("den haag", "&#x27;s-Gravenhage", "Expertteam Haaglanden"),
    ("nuenen", "Nuenen, Gerwen en Nederwetten", "Expertteam Zuidoost-Brabant"),
])
def test_lookup_ignores_accents_and_knows_aliases(client, typed, name, team):
    html = client.get(URL, {"gemeente": typed}).content.decode()
    assert f"Voor gemeente {name}" in html
    assert team in html


def test_an_ambiguous_name_asks_which_one(client):
    html = client.get(URL, {"gemeente": "Bergen"}).content.decode()
    assert "Welke gemeente bedoelt u?" in html
    assert "Bergen (NH.)" in html and "Bergen (L.)" in html


def test_no_match_says_so_and_suggests_close_names(client):
    html = client.get(URL, {"gemeente": "Amsterdm"}).content.decode()
    assert "Geen gemeente gevonden" in html
    assert "We kennen geen gemeente met de naam 'Amsterdm'" in html
    assert "Bedoelt u:" in html and "?gemeente=Amsterdam#resultaat" in html


def test_no_match_and_nothing_close_still_says_so(client):
    html = client.get(URL, {"gemeente": "Xyzzyqq"}).content.decode()
    assert "Geen gemeente gevonden" in html
    assert "Bedoelt u:" not in html


def test_the_typed_text_is_escaped(client):
    html = client.get(URL, {"gemeente": "<b>x</b>"}).content.decode()
    assert "<b>x</b>" not in html


def test_contact_details_and_who_may_ask_are_shown(client):
    region = JeugdRegion.objects.get(slug="twente")
    region.phone = "053 000 0000"
    region.email = "expertteam@example.org"
    region.for_parents = True
    region.response_time = "binnen 5 werkdagen"
    region.last_verified = timezone.localdate()
    region.save()
    html = client.get(URL, {"gemeente": "Enschede"}).content.decode()
    assert 'href="tel:0530000000"' in html
    assert "mailto:expertteam@example.org" in html
    assert "professionals, ouders" in html
    assert "binnen 5 werkdagen" in html


def test_stale_verification_warns_and_a_recent_one_does_not():
    region = JeugdRegion.objects.get(slug="twente")
    today = timezone.localdate()
    region.last_verified = None
    assert region.is_stale
    region.last_verified = today - datetime.timedelta(days=366)
    assert region.is_stale
    region.last_verified = today - datetime.timedelta(days=300)
    assert not region.is_stale


def test_the_page_shows_the_verouderd_warning_only_for_stale_details(client):
    region = JeugdRegion.objects.get(slug="twente")
    region.last_verified = timezone.localdate() - datetime.timedelta(days=400)
    region.save()
    area = region.area
    area.last_verified = timezone.localdate()
    area.save()
    html = client.get(URL, {"gemeente": "Enschede"}).content.decode()
    assert html.count("stale-warning") == 1
    assert "Verouderd:" in html and "meer dan een jaar geleden" in html


def test_the_main_menu_links_to_the_directory(client):
    html = client.get("/").content.decode()
    assert 'href="/expertteams/"' in html
