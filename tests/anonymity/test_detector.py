"""The detector's API and the behaviour the issue names, with deduce loaded."""

import pytest

from anonymity import Finding, check_fields, check_text

pytestmark = pytest.mark.deduce


def kinds(text, detector):
    return [(f.kind, f.text) for f in detector.check_text(text)]


def test_check_text_uses_the_in_process_detector(detector, monkeypatch):
    monkeypatch.delenv("ANONYMITY_CHECK_URL", raising=False)
    found = check_text("Sanne van der Meulen woont in Zwolle.")
    assert [f.kind for f in found] == ["name", "place"]
    assert all(isinstance(f, Finding) for f in found)


def test_check_fields_keeps_field_names(detector, monkeypatch):
    monkeypatch.delenv("ANONYMITY_CHECK_URL", raising=False)
    result = check_fields({"summary": "Een jongere tussen 12 en 16 jaar.", "situation": "Bel 06-12345678."})
    assert result["summary"] == []
    assert [f.kind for f in result["situation"]] == ["phone"]


def test_findings_are_sorted_merged_and_point_into_the_text(detector):
    text = "Mevrouw J. van der Berg van Pluryn belde op 14 maart 2009 vanuit Deventer."
    found = detector.check_text(text)
    assert found == sorted(found, key=lambda f: f.start)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all(text[f.start : f.end] == f.text for f in found)
    assert ("institution", "Pluryn") in [(f.kind, f.text) for f in found]


def test_deterministic(detector):
    text = "Daan (14) uit Oss belde juf Annelies van De Tweemaster op 3/11."
    assert detector.check_text(text) == detector.check_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "De Raad voor de Kinderbescherming en Veilig Thuis deden onderzoek.",
        "Het Juiste Loket, JeugdzorgPlus, SAVE en het OZJ waren betrokken; de gecertificeerde instelling ook.",
        "Zij heeft het syndroom van Down; haar broer de ziekte van Crohn.",
        "De bakker en een visser uit het netwerk dachten mee.",
        "In 2019 woonde ze al drie jaar in het gezinshuis.",
        "Jongeren tussen 12 en 16 jaar en jongeren van 16 en 17 jaar.",
        "De jongere woont in Gelderland, in de regio Brabant-Zeeland of in Noord-Holland.",
        "Best is om eerst te bellen. Putten uit ervaring helpt. Hoek van de kamer.",
        "Het wijkteam bood hulp op grond van de Jeugdwet en later de Wlz.",
    ],
)
def test_allowed_text_is_not_flagged(detector, text):
    assert kinds(text, detector) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ze verhuisde naar Best.", ("place", "Best")),
        ("Hij woont in Veenendaal.", ("place", "Veenendaal")),
        ("Mevrouw De Bakker belde.", ("name", "Mevrouw De Bakker")),
        ("Zijn bijnaam was 'Stoepie'.", ("name", "Stoepie")),
        ("De 14-jarige liep weg.", ("age", "14-jarige")),
        ("Zij is 15 jaar oud.", ("age", "15 jaar oud")),
        ("Sinds haar 12e woont ze bij oma.", ("age", "12e")),
        ("Hij zat op basisschool De Regenboog.", ("institution", "De Regenboog")),
    ],
)
def test_identifying_text_is_flagged(detector, text, expected):
    assert expected in kinds(text, detector)


def test_allowlist_file_is_used(detector):
    # 'syndroom van Down' is on the allow-list; 'Down' alone after a name context is not.
    assert kinds("Het syndroom van Down.", detector) == []


# Issue 10: generalising detectors (fictional names and numbers throughout)

def test_neighbourhoods_and_lower_case_towns_are_places(detector):
    found = {(f.kind, f.text) for f in detector.check_text(
        "ik woon in overvecht maar mn oma woont in schilderswijk. We verhuizen naar Lunetten.")}
    assert {("place", "overvecht"), ("place", "schilderswijk"), ("place", "Lunetten")} <= found


def test_neighbourhood_names_that_are_words_need_a_place_cue(detector):
    assert detector.check_text("De zuilen van het oude gebouw staan er nog.") == []


def test_ages_in_every_grammar(detector):
    for text in ("ik ben 16 en ik hou van dansen.", "Toen ik veertien was, ging het mis.",
                 "Op mijn vijftiende ben ik gestopt met school.", "Sem (twee) speelt buiten.", "leeftijd: 14"):
        assert any(f.kind == "age" for f in detector.check_text(text)), text


def test_durations_and_bands_are_no_ages(detector):
    for text in ("Het traject duurde 3 jaar, daarna ging het beter.", "Kinderen tussen 12 en 16 jaar.",
                 "Tot zijn achttiende verjaardag liep de jeugdhulp door."):
        assert not any(f.kind == "age" for f in detector.check_text(text)), text


def test_institutions_without_a_generic_word(detector):
    kinds = {f.text: f.kind for f in detector.check_text(
        "Hij werkt bij Bakkerij Zonneveld en zat op de Merelschool. Eerder crisisopvang Het Baken; "
        "begeleiding via JOU&CO en ZorgKracht-Noord.")}
    assert kinds.get("Bakkerij Zonneveld") == "institution"
    assert kinds.get("Merelschool") == "institution"
    assert kinds.get("Het Baken") == "institution"
    assert kinds.get("JOU&CO") == "institution"
    assert kinds.get("ZorgKracht-Noord") == "institution"


def test_client_numbers_in_letter_digit_groups_and_handles(detector):
    found = {(f.kind, f.text) for f in detector.check_text(
        "Dossier XKB/23/0412, verwijzing QRT-R-51933. Parketnummer: 05/771234-23. Insta: @lisa_op_straat")}
    assert ("case_number", "XKB/23/0412") in found and ("case_number", "QRT-R-51933") in found
    assert ("case_number", "05/771234-23") in found and ("url", "@lisa_op_straat") in found


def test_lower_case_names_with_cues_and_later_mentions(detector):
    text = "mn vriendin sanne zegt dat ik moet praten. ik ga morgen met jayden naar de stad. Sanne belt later."
    names = [f.text for f in detector.check_text(text) if f.kind == "name"]
    assert "sanne" in names and "jayden" in names and "Sanne" in names


def test_phone_with_spaces_around_a_dash_and_postcode_letters_that_are_words(detector):
    found = {(f.kind, f.text) for f in detector.check_text("Bel 06 – 1234 5678. Adres: Dorpsweg 4, 8921 EN Leeuwarden.")}
    assert ("phone", "06 – 1234 5678") in found and ("postcode", "8921 EN") in found
