"""The shipped directory: every Dutch municipality of 1 January 2025 in one jeugdregio and one expertisecentrum."""

import datetime
import json

import pytest

from casebook.models import TaxonomyTerm, Vocabulary
from consultation.models import ExpertiseArea, JeugdRegion, Municipality
from consultation.seed import DATA, reference_date, sync_directory

pytestmark = pytest.mark.django_db


def test_the_data_file_states_its_reference_date_and_counts():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert reference_date() == datetime.date(2025, 1, 1)
    assert len(data["municipalities"]) == 342
    assert len(data["regions"]) == 42
    assert len(data["areas"]) == 8


def test_seeded_directory_has_342_municipalities_42_regions_8_areas():
    assert Municipality.objects.count() == 342
    assert JeugdRegion.objects.count() == 42
    assert ExpertiseArea.objects.count() == 8


def test_every_municipality_maps_to_exactly_one_region_and_one_area():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    names = [m["name"] for m in data["municipalities"]]
    assert len(names) == len(set(names)), "a municipality is listed twice"
    region_slugs = {r["slug"] for r in data["regions"]}
    area_slugs = {a["slug"] for a in data["areas"]}
    for item in data["municipalities"]:
        assert item["region"] in region_slugs, item["name"]
    for region in data["regions"]:
        assert region["area"] in area_slugs, region["name"]
    for municipality in Municipality.objects.select_related("region__area"):
        assert municipality.region.area.slug in area_slugs
    # Every region and every area covers at least one municipality.
    assert not JeugdRegion.objects.filter(municipalities__isnull=True).exists()
    assert not ExpertiseArea.objects.filter(regions__isnull=True).exists()


@pytest.mark.parametrize("name, region, area", [
    ("Amsterdam", "amsterdam-amstelland", "noord-holland"),
    ("'s-Hertogenbosch", "noordoost-brabant", "brabant-zeeland"),
    ("Súdwest-Fryslân", "friesland", "noord"),
    ("Maastricht", "zuid-limburg", "limburg"),
    ("Almere", "flevoland", "utrecht-flevoland"),
    ("Enschede", "twente", "overijssel"),
    ("Arnhem", "centraal-gelderland", "gelderland"),
    ("'s-Gravenhage", "haaglanden", "zuid-holland"),
])
def test_well_known_municipalities_are_in_their_region(name, region, area):
    municipality = Municipality.objects.select_related("region__area").get(name=name)
    assert (municipality.region.slug, municipality.region.area.slug) == (region, area)


def test_areas_link_to_the_casebook_region_of_the_same_area():
    linked = {a.slug: a.region_term.slug for a in ExpertiseArea.objects.select_related("region_term")}
    regions = set(TaxonomyTerm.objects.filter(vocabulary=Vocabulary.REGIONS).values_list("slug", flat=True))
    assert linked == {slug: slug for slug in regions}


def test_reseeding_keeps_what_editors_changed_and_adds_what_is_missing():
    region = JeugdRegion.objects.get(slug="twente")
    region.phone = "010-0000000"
    region.save()
    Municipality.objects.filter(name="Losser").delete()
    sync_directory(json.loads(DATA.read_text(encoding="utf-8")))
    assert JeugdRegion.objects.get(slug="twente").phone == "010-0000000"
    assert Municipality.objects.get(name="Losser").region.slug == "twente"
    assert Municipality.objects.count() == 342
