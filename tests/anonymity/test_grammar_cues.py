"""Ages and institutions read from grammar the older rules missed (anonymity/grammar_cues.py): what an editor would
see flagged, and the durations, counts, ranges and generic services that must stay unflagged."""

import pytest


def covered(detector, text, span, kind):
    start = text.index(span)
    return any(f.kind == kind and f.start <= start and start + len(span) <= f.end for f in detector.check_text(text))


@pytest.mark.parametrize("text, span", [
    ("Moeder is 38, vader is 44 en werkt in de haven.", "44"),
    ("sanne is elf, ze zit in groep 7.", "elf"),
    ("Zijn broer werd in de zomervakantie 14.", "14"),
    ("Toen hij pas 10 was, overleed zijn opa.", "10"),
    ("Het gaat om een tweeling van 6, twee jongens.", "6"),
    ("Moeder woont samen met een vrouw van 52 met psychische klachten.", "52"),
    ("Leeftijd bij aanmelding: 9 jaar", "9 jaar"),
    ("De jongste in dat gezin is 4 en gaat naar de opvang.", "4"),
    ("De baby woog op 3 maanden nog maar vier kilo.", "3 maanden"),
    ("Zij logeert bij een tante (zus van moeder, 45) in het weekend.", "45"),
    ("hoi ik ben milan ben 14 en ik woon bij mn oma", "14"),
])
def test_ages_in_more_grammars(detector, text, span):
    assert covered(detector, text, span, "age")


@pytest.mark.parametrize("text", [
    "Vader is 3 keer gebeld over de afspraak.",
    "Moeder is 2 dagen per week aan het werk.",
    "De groep is 12 jongeren groot.",
    "Leeftijd doelgroep: 12-18 jaar",
    "De oudste groep is 12 tot 16 jaar.",
    "Het gaat om een vrouw van 2 meter lang.",
])
def test_counts_durations_and_ranges_are_no_age(detector, text):
    assert [f for f in detector.check_text(text) if f.kind == "age"] == []


@pytest.mark.parametrize("text, span", [
    ("Zijn zusje gaat drie dagen naar kinderopvang Snoezelhoek.", "Snoezelhoek"),
    ("volgens mij komt er iemand van kwadriant om te helpen", "kwadriant"),
    ("De maatschappelijk werker van Sociovia helpt met de schulden.", "Sociovia"),
])
def test_institutions_in_more_grammars(detector, text, span):
    assert covered(detector, text, span, "institution")


def test_a_clubs_own_name_used_alone_later_is_the_club(detector):
    text = "Hij traint drie keer per week bij Fight Club Ferox in de wijk. Bij Ferox leert hij zich te beheersen."
    later = text.rindex("Ferox")
    assert any(f.kind == "institution" and f.start == later for f in detector.check_text(text))


@pytest.mark.parametrize("text", [
    "Hij zit op t moment gewoon thuis.",
    "Er kwam iemand van de gemeente langs.",
    "Ze gaat naar de kinderopvang op maandag.",
    "Een medewerker van Veilig Thuis deed het onderzoek.",
    "Er is iemand van MST betrokken.",
    "Het FACT-team overlegt met iemand van het wijkteam.",
])
def test_generic_services_and_words_are_no_institution(detector, text):
    assert detector.check_text(text) == []


@pytest.mark.parametrize("text, span", [
    ("Ze haalde haar diploma aan het Albeda en werkt nu in de zorg.", "Albeda"),
    ("De jongerenwerker van Combiwel kent hem al jaren.", "Combiwel"),
])
def test_mbo_colleges_and_welzijn_organisations_from_the_list(detector, text, span):
    assert covered(detector, text, span, "institution")


def test_a_listed_youth_institution_after_a_placement_is_the_institution_not_the_neighbourhood(detector):
    placed = "Hij is geplaatst in de Hunnerberg."
    lives = "Het gezin woont in de Hunnerberg, vlak bij het park."
    assert [(f.kind, f.text) for f in detector.check_text(placed)] == [("institution", "Hunnerberg")]
    assert [(f.kind, f.text) for f in detector.check_text(lives)] == [("place", "Hunnerberg")]


def test_a_kind_of_school_in_lower_case_then_its_name(detector):
    assert covered(detector, "Ze danst twee keer per week bij dansschool Step Up.", "Step Up", "institution")
