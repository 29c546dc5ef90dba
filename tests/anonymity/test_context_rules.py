"""Institutions, ages, addresses and places read from their context (anonymity/context_rules.py): what an editor
would see flagged, and what must stay unflagged in anonymised professional prose."""

import pytest


def kinds_of(detector, text):
    return {f.text: f.kind for f in detector.check_text(text)}


@pytest.mark.parametrize("text, span", [
    ("Ze woont in Leefgroep Zeester sinds de zomer.", "Leefgroep Zeester"),
    ("Hij heeft een bijbaan bij Visserij Dekker.", "Visserij Dekker"),
    ("Vader bidt in de Yeni Camii op vrijdag.", "Yeni Camii"),
    ("De oom heeft een bedrijf, Bulut Transport & Logistiek, in de haven.", "Bulut Transport & Logistiek"),
    ("Zijn zusje zit op cbs De Wegwijzer.", "cbs De Wegwijzer"),
    ("ik werk bij snackbar de frietkoning op zaterdag", "snackbar de frietkoning"),
    ("ze zit nu op het mauritius college", "mauritius college"),
    ("De jongere is eerder doorverwezen naar Kinderlicht, daar liep het vast.", "Kinderlicht"),
    ("Na een traject bij Vitanova en daarna bij Zorgbrug bleef het onrustig.", "Zorgbrug"),
    ("Zijn dochter gaat naar de kinderopvang, Hummeltje, drie dagen per week.", "Hummeltje"),
    ("Er is gezinsbegeleiding via Thuiskracht020.", "Thuiskracht020"),
    ("Na de crisisopname in Kalmerhof ging het beter.", "Kalmerhof"),
    ("Toen ging hij naar Mindara voor een intake.", "Mindara"),
    ("Hij studeert aan de Windesvliet Hogeschool.", "Windesvliet Hogeschool"),
    ("Ze gaat naar Kwetternest (kdv) op maandag.", "Kwetternest"),
    ("Hij speelt bij Blauw Wit '34.", "Blauw Wit '34"),
    ("Namens Kwadrivo, ambulant hulpverlener", "Kwadrivo"),
])
def test_institutions_from_context(detector, text, span):
    assert kinds_of(detector, text).get(span) == "institution"


def test_an_introduced_acronym_is_the_institution_wherever_it_recurs(detector):
    text = "Stichting Opvoedsteun Zaanstreek (verder: SOZ) begeleidt moeder. SOZ ziet vooruitgang."
    found = [(f.kind, f.text) for f in detector.check_text(text)]
    assert found.count(("institution", "SOZ")) == 2


@pytest.mark.parametrize("text, span", [
    ("Cliënt: Lotte Vermeer, 13 jr, woont bij vader.", "13 jr"),
    ("Haar broertje, Finn, wordt volgende week zes.", "zes"),
    ("zijn moeder is 37 en werkt in de zorg", "37"),
    ("Vader was drie toen hij voor het eerst werd geplaatst.", "drie"),
    ("Het zusje, dat nu een jaar en vier maanden is, blijft bij oma.", "een jaar en vier maanden"),
    ("Lars zit in groep 5 en is 8.", "8"),
    ("Het pleeggezin heeft zelf twee kinderen van 4 en 11 jaar.", "11"),
    ("Kind 2: 4 jaar", "4 jaar"),
    ("Leeftijden kinderen: 3, 7 en 9.", "7"),
    ("De oudste is 16, de jongste 4.", "4"),
    ("Hij viert volgende week zijn zestiende verjaardag.", "zestiende verjaardag"),
    ("Moeder heeft twee kinderen (3 en 5) uit een eerdere relatie.", "5"),
    ("De kinderen zijn 8 en 10.", "8"),
])
def test_ages_in_more_grammars(detector, text, span):
    assert kinds_of(detector, text).get(span) == "age"


@pytest.mark.parametrize("text, span, kind", [
    ("Het gezin woont in een flat aan de Reigerlaan.", "Reigerlaan", "address"),
    ("mn opa woont op de dorpsstraat 41", "dorpsstraat 41", "address"),
    ("jongens uit de kievitbuurt pesten hem", "kievitbuurt", "place"),
    ("Woonadres: Brink 7a, Emmen", "Brink 7a", "address"),
    ("Mailtje van dossier IJ 2023 / 10492 ontvangen.", "IJ 2023 / 10492", "case_number"),
    ("Bel +31 (0)20 - 345 67 89 voor een afspraak.", "+31 (0)20 - 345 67 89", "phone"),
])
def test_addresses_places_numbers(detector, text, span, kind):
    assert kinds_of(detector, text).get(span) == kind


def test_tempting_generic_prose_stays_unflagged(detector):
    text = ("Kinderen van 0 tot 4 jaar gaan naar de opvang. Leerlingen in groep 7 en 8 zitten in een combinatieklas. "
            "Het traject wordt 12 weken. De termijn werd 6. Zijn vader is 2 jaar weg geweest. "
            "Ze woont aan de rand van de stad; het huis aan de overkant staat leeg; ze wonen aan de Veluwe. "
            "De jongere werd doorverwezen naar Jeugdzorg Plus en daarna naar de GGZ; een traject bij MST en daarna "
            "bij FFT. Intake bij de Raad voor de Kinderbescherming. Werkgroep Jeugd bespreekt het. "
            "ze woont in de woonwijk, niet in de achterstandswijk. De school (SO) werkt samen met het wijkteam. "
            "Ze woonde op Kamer 3 van de groep. Adres: onbekend. Jongeren (VSO) en ouders (PO). Namens de Raad, de "
            "voorzitter. Het was in '98 dat ze kwam. Ze zijn 2 en 3 keer geweest. Na je achttiende verjaardag "
            "verandert de zorg.")
    assert detector.check_text(text) == []


@pytest.mark.parametrize("text, span", [
    ("hij zit nu op de velthoorn, dat is een vmbo", "velthoorn"),
    ("mn zusje zit op de zonnebloem in groep 3", "zonnebloem"),
    ("ik zat op de mgr. bekkersschool", "bekkersschool"),
    ("ik ben bij kwadrio geweest", "kwadrio"),
    ("ik voetbal bij vv oosterkwartier", "vv oosterkwartier"),
])
def test_institutions_in_lower_case_informal_text(detector, text, span):
    assert kinds_of(detector, text).get(span) == "institution"


def test_lower_case_kinds_and_words_stay_unflagged(detector):
    text = ("ik zit op het vmbo en het gaat slecht. ze zit op de bank te gamen. ik ben bij de huisarts geweest en "
            "ik zat bij jeugdzorg. ik heb therapie bij mn oude psycholoog gehad. ik zit op de basisschool in groep 7.")
    assert [f for f in detector.check_text(text) if f.kind == "institution"] == []
