"""Names of many origins, neighbourhoods of the largest municipalities, and the clean prose that must stay
unflagged (issue 10, step 2). Every name is fictional."""

import pytest

pytestmark = pytest.mark.deduce


def found(detector, text):
    return {(f.kind, f.text) for f in detector.check_text(text)}


@pytest.mark.parametrize("text, name", [
    ("ik ging met yohannes en merhawi naar de stad.", "merhawi"),
    ("gisteren was ik bij soukaina thuis.", "soukaina"),
    ("thomas zn moeder zegt dat ik mag blijven eten", "thomas"),
    ("wouter was anders. hij appte gewoon.", "wouter"),
    ("Ik vond het fijn dat je ook naar Dani luisterde.", "Dani"),
    ("Leerling: Iris Nijhof, groep 4", "Iris Nijhof"),
])
def test_names_of_many_origins_and_without_capitals(detector, text, name):
    assert ("name", name) in found(detector, text), found(detector, text)


@pytest.mark.parametrize("text, place", [
    ("Het gezin woont in Heechterp-Schieringen.", "Heechterp-Schieringen"),
    ("Ze verhuisden naar Stroinkslanden.", "Stroinkslanden"),
    ("Hij hangt vaak rond in Kattenbroek.", "Kattenbroek"),
])
def test_more_neighbourhoods_of_the_largest_municipalities(detector, text, place):
    assert ("place", place) in found(detector, text), found(detector, text)


@pytest.mark.parametrize("text", [
    "Het Rijk, de Provincie en de Burgemeester; een Advocaat en de Rechtbank.",
    "De Kinderrechter sprak een OTS uit en het Gerechtshof bevestigde dat.",
    "Regio Rivierenland en Regio Twente kopen samen in.",
    "Medicatie: Ritalin en later Concerta.",
    "Het Leger des Heils bood beschermd wonen; Stichting Leergeld hielp met een laptop.",
    "Met vriendelijke groet,\nGezinscoach Team Jeugd\nAfdeling Jeugd, gemeente",
    "Les 8. Suïcidaliteit bespreekbaar maken helpt\nLes 9. Anonimiseer zorgvuldig bij publicatie",
    "Medicatie vraagt om uitleg aan ouders en jongere\nOuders stopten zelf met de medicatie.",
    "Ik sprak geen Nederlands en geen Engels.",
])
def test_clean_professional_prose_stays_unflagged(detector, text):
    assert found(detector, text) == set()


@pytest.mark.parametrize("text, place", [("wij wonen sinds kort in west, dichtbij school", "west"),
                                         ("Hij groeide op in Zuidoost bij zijn oma.", "Zuidoost"),
                                         ("Postadres: Beukstraat 4, 6821 ab Arnhem", "6821 ab")])
def test_districts_by_compass_name_and_lower_case_postcodes(detector, text, place):
    assert place in [f.text for f in detector.check_text(text)]


@pytest.mark.parametrize("text", ["Het verschil tussen Noord en Zuid is groot.", "We werken in Oost-Nederland.",
                                  "In 2020 en 2021 liep het traject."])
def test_compass_words_as_regions_stay_unflagged(detector, text):
    assert detector.check_text(text) == []


def test_a_first_name_in_an_apposition_is_a_person_not_a_town(detector):
    kinds = [(f.kind, f.text) for f in detector.check_text("de mentor, wessel, zei dat het goed ging")]
    assert ("name", "wessel") in kinds
