"""Pattern rules, allow-list and suggestions: fast, deduce is not loaded."""

import pytest

from anonymity import allowlist, formats, rules
from anonymity.findings import Finding, merge
from anonymity.suggestions import age_band, suggestions


def found(text, detector):
    return [(f.kind, f.text) for f in detector.check_text(text)]


@pytest.mark.parametrize("digits, valid", [("123456782", True), ("111222333", True), ("123456789", False), ("000000000", False)])
def test_elfproef(digits, valid):
    assert formats.elfproef(digits) is valid


@pytest.mark.parametrize("written", ["123456782", "123.456.782", "1234 56 782", "123-45-6782"])
def test_bsn_in_any_spacing(rules_detector, written):
    assert found(f"BSN {written} staat in het dossier.", rules_detector) == [("bsn", written)]


def test_nine_digits_failing_the_elfproef_are_not_a_bsn(rules_detector):
    assert [k for k, _ in found("Nummer 123456789.", rules_detector)] == ["case_number"]


@pytest.mark.parametrize(
    "written",
    ["06-12345678", "06 1234 5678", "020-7654321", "(030) 123 45 67", "+31 6 1234 5678", "+31 (0)6 2345 6789",
     "0031 20 1234567", "+32 470 12 34 56", "0800-1234567"],
)
def test_phone_numbers(rules_detector, written):
    assert found(f"Bel {written} vandaag.", rules_detector) == [("phone", written)]


@pytest.mark.parametrize("written", ["14 maart 2009", "03-11-2011", "3/11", "2011-11-03", "7 november", "21 dec. 2022", "03-11"])
def test_exact_dates(rules_detector, written):
    assert found(f"Het gebeurde op {written} bij het gezin.", rules_detector) == [("date", written)]


@pytest.mark.parametrize(
    "text",
    ["In 2019 en 2020 ging het beter.", "Twee derde (2/3) van de jongeren.", "Hulp 24/7 bereikbaar.",
     "Kinderen van 10-12 jaar.", "In maart 2020 startte het traject.", "De periode 2019-2021."],
)
def test_years_fractions_and_ranges_are_not_dates(rules_detector, text):
    assert found(text, rules_detector) == []


@pytest.mark.parametrize(
    "text, age",
    [("De 14-jarige jongen.", "14-jarige"), ("Hij is 15 jaar oud.", "15 jaar oud"), ("Sinds haar 12e.", "12e"),
     ("Een zestienjarige.", "zestienjarige"), ("Een meisje van 14 ging mee.", "14"), ("Hij is 17 en wil.", "17"),
     ("Toen hij 9 was.", "9"), ("Vanaf zijn vijftiende ging het mis.", "vijftiende")],
)
def test_exact_ages(rules_detector, text, age):
    assert ("age", age) in found(text, rules_detector)


@pytest.mark.parametrize(
    "text",
    ["Jongeren tussen 12 en 16 jaar.", "Voor 16 en 17 jaar geldt iets anders.", "Ze woont al 3 jaar in het gezin.",
     "Een 2-jarige opleiding.", "De 12-jarigen in de groep.", "Na 5 jaar stopte de hulp.", "Een kind van 12 tot 16 jaar.",
     "Hij is 3 jaar in zorg geweest."],
)
def test_durations_and_age_bands_are_not_ages(rules_detector, text):
    assert found(text, rules_detector) == []


def test_contact_and_numbers(rules_detector):
    text = "Mail a.b@voorbeeld.nl of zie www.voorbeeld.nl/x. Dossiernummer JZ-2021-0456, postcode 7413 BK."
    assert found(text, rules_detector) == [
        ("email", "a.b@voorbeeld.nl"),
        ("url", "www.voorbeeld.nl/x"),
        ("case_number", "JZ-2021-0456"),
        ("postcode", "7413 BK"),
    ]


def test_merge_joins_overlaps_and_keeps_the_specific_kind():
    text = "x 123456782 y"
    merged = merge(text, [Finding("case_number", 2, 11, "123456782"), Finding("bsn", 2, 11, "123456782")])
    assert merged == [Finding("bsn", 2, 11, "123456782")]


def test_allowlist_is_case_sensitive_except_first_letter():
    pattern = allowlist.parse(["de bakker  # occupation", "re:Team \\d+", "", "# comment"])
    assert allowlist.allowed_spans("De bakker en de bakker", pattern) == [(0, 9), (13, 22)]
    assert allowlist.allowed_spans("mevrouw De Bakker", pattern) == []
    assert allowlist.allowed_spans("Team 12", pattern) == [(0, 7)]


@pytest.mark.parametrize("age, band", [(0, "0 tot 4 jaar"), (3, "0 tot 4 jaar"), (4, "4 tot 12 jaar"), (11, "4 tot 12 jaar"),
                                       (12, "12 tot 16 jaar"), (15, "12 tot 16 jaar"), (16, "16 en 17 jaar"),
                                       (17, "16 en 17 jaar"), (18, "18 tot 23 jaar"), (22, "18 tot 23 jaar"), (23, None)])
def test_age_bands(age, band):
    assert age_band(age) == band


def test_suggestions_per_kind():
    text = "Zijn moeder Petra (14-jarige) uit Deventer en Lutjebroek, op 14 maart 2009 en 3/11."
    def first(kind, snippet):
        start = text.index(snippet)
        return suggestions(Finding(kind, start, start + len(snippet), snippet), text)

    assert first("name", "Petra")[0] == "de moeder"
    assert set(first("name", "Petra")) == {"de moeder", "de vader", "de jongere", "een pleegvader", "een pleegmoeder", "de hulpverlener"}
    assert first("age", "14-jarige") == ["12 tot 16 jaar"]
    assert first("place", "Deventer")[0] == "in de regio Overijssel"
    assert first("place", "Lutjebroek") == ["in de regio"]
    assert first("date", "14 maart 2009")[0] == "in 2009"
    assert first("date", "3/11") == ["in dat jaar"]


# Ages, dates and file numbers by their grammar (issue 10): the shapes the first rules missed.
@pytest.mark.parametrize(
    "text, age",
    [("Hij is net 7 geworden.", "7"), ("ik ben vorige week vijftien geworden!!", "vijftien"),
     ("sinds mn twaalfde praat ik niet meer met haar", "twaalfde"), ("Op haar 14e werd ze opgenomen.", "14e"),
     ("Noor uit mn klas is 16 en zij mag alles.", "16"), ("Rohan (inmiddels 14) blijft thuis.", "14"),
     ("Zijn halfbroer van 19 woont zelfstandig.", "19"), ("Een buurjongen van twaalf belde aan.", "twaalf"),
     ("Ze is nog maar 13 en wil al uit huis.", "13"), ("Toen mijn dochter 12 was, begon het.", "12"),
     ("Met zijn 16 jaar woont hij al alleen.", "16 jaar"), ("Daan, 14, zit in de tweede klas.", "14"),
     ("Leeftijd kind: 9", "9"), ("Een meid van 15 uit de buurt.", "15")],
)
def test_exact_ages_in_more_grammars(rules_detector, text, age):
    assert ("age", age) in [(k, t.strip()) for k, t in found(text, rules_detector)]


@pytest.mark.parametrize(
    "text",
    ["Het is haar tweede poging dit jaar.", "Een vriend van 10 jaar geleden belde.",
     "Het aantal aanmeldingen is 16 per maand.", "Er zijn 5 gesprekken geweest."],
)
def test_counts_ordinals_and_durations_are_not_ages(rules_detector, text):
    assert [k for k, _ in found(text, rules_detector) if k == "age"] == []


@pytest.mark.parametrize("text, date", [("Huisbezoek op maandag 4-3 om tien uur.", "4-3"),
                                        ("Evaluatie ma 6-5, daarna verder.", "6-5"),
                                        ("De zitting was op 17-01.", "17-01"), ("Gesprek do 14/3.", "14/3")])
def test_day_month_after_a_weekday_or_preposition(rules_detector, text, date):
    assert ("date", date) in found(text, rules_detector)


@pytest.mark.parametrize("text", ["Ze wonnen met 4-3 van de andere club.", "Dat gebeurt zo 3-4 keer per week.",
                                  "Op 2-3 dagen per week gaat hij naar school."])
def test_scores_and_ranges_are_not_dates(rules_detector, text):
    assert found(text, rules_detector) == []


@pytest.mark.parametrize("text, number", [("Mijn dossiernummer (CL4471-B) staat op de brief.", "CL4471-B"),
                                          ("Het nummer AB12-345 hoort bij haar.", "AB12-345")])
def test_letter_digit_file_numbers(rules_detector, text, number):
    assert ("case_number", number) in found(text, rules_detector)


@pytest.mark.parametrize(
    "text, age",
    [("mijn broertje sem is bijna 9 en hij snapt het niet", "9"), ("haar dochter Lina was toen pas vier.", "vier"),
     ("Het kindje is nu acht weken en drinkt slecht.", "acht weken"), ("toen daan zes was gingen ze scheiden", "zes"),
     ("van zn 11e tot zn 13e woonde hij bij oma.", "13e"), ("Haar zus, zeven jaar, logeert bij tante.", "zeven jaar"),
     ("Broer Mehmet, 2 jaar en 5 maanden. Hij praat nog niet.", "2 jaar en 5 maanden")],
)
def test_ages_after_a_relation_a_name_or_a_lower_case_subject(rules_detector, text, age):
    assert ("age", age) in [(k, t.strip()) for k, t in found(text, rules_detector)]


@pytest.mark.parametrize("text", ["toen groep 8 was afgelopen, ging hij naar het vmbo.",
                                  "Het traject duurde drie jaar, te lang.", "tot mijn 18e kreeg ik hulp."])
def test_counters_and_the_age_of_majority_are_not_ages(rules_detector, text):
    assert [k for k, _ in found(text, rules_detector) if k == "age"] == []


@pytest.mark.parametrize("text, date", [("Intake op 3 febr. in de middag.", "3 febr."),
                                        ("Datum: 11-04-'23", "11-04-'23")])
def test_more_date_spellings(rules_detector, text, date):
    assert ("date", date) in found(text, rules_detector)


@pytest.mark.parametrize("text, number", [("Cliëntnr.: KB 23 0871 (intake)", "KB 23 0871"),
                                          ("de beschikking (c/05/33182 jz) kwam binnen", "c/05/33182 jz")])
def test_file_numbers_in_groups_and_court_numbers_in_any_case(rules_detector, text, number):
    assert ("case_number", number) in found(text, rules_detector)


def test_house_number_additions_are_part_of_the_address_not_a_file_number(rules_detector):
    kinds = found("Zij woont aan de Lijsterbeslaan 88-III sinds de zomer.", rules_detector)
    assert kinds == [("address", "Lijsterbeslaan 88-III")]


@pytest.mark.parametrize(
    "text, age",
    [("Zij wordt volgende week 14 en wil een feest.", "14"), ("Het meisje, 13, woont bij oma.", "13"),
     ("Kofi, nu 15, traint elke dag.", "15"), ("Aanmelding Roy (m, 14) door de huisarts.", "14"),
     ("Lotte (12/v) wacht op een plek.", "12"), ("Baby (5 mnd) huilt veel.", "5 mnd"),
     ("De tweeling is 7 en slaapt slecht.", "7"), ("Hij is een jonge vader van 18.", "18"),
     ("Leeftijd 16, zit in 4 vmbo.", "16"), ("Ze zit in de brugklas en is 12 jaar.", "12 jaar"),
     ("Zijn broertje van anderhalf logeert bij oma.", "anderhalf"), ("Fatima 17 jr. woont zelfstandig.", "17 jr.")],
)
def test_ages_in_forms_brackets_and_appositions(rules_detector, text, age):
    assert ("age", age) in [(k, t.strip()) for k, t in found(text, rules_detector)]


@pytest.mark.parametrize("text", ["De moeder van 4 kinderen belde.", "De groep, 12, is vol.", "Het team bestaat nu 5 jaar.",
                                  "Het aantal (m/v) stijgt.", "Horizon 25 jaar: een feest."])
def test_counts_groups_and_anniversaries_are_not_ages(rules_detector, text):
    assert [k for k, _ in found(text, rules_detector) if k == "age"] == []


def test_a_role_with_an_age_is_not_a_name(rules_detector):
    assert found("Vader is 44 en werkt in ploegen.", rules_detector) == [("age", "44")]


@pytest.mark.parametrize("text, date", [("Het was 29-12 rond middernacht.", "29-12"),
                                        ("Op donderdag de 7e komt de voogd.", "donderdag de 7e")])
def test_a_day_above_twelve_and_a_weekday_ordinal_are_dates(rules_detector, text, date):
    assert ("date", date) in found(text, rules_detector)


@pytest.mark.parametrize("text", ["De stand was 14-2 in de rust.", "Hij scoorde 15-6 in de laatste set.",
                                  "Jongeren van 12-18 jaar."])
def test_scores_and_climbing_ranges_are_not_dates(rules_detector, text):
    assert [k for k, _ in found(text, rules_detector) if k == "date"] == []


def test_a_house_number_with_a_floor_is_an_address_not_a_date(rules_detector):
    assert found("Ze woont aan het Kastanjeplein 17-2 sinds mei.", rules_detector) == [("address", "Kastanjeplein 17-2")]


@pytest.mark.parametrize("text, number", [("het dossier (nr. 55912) ligt bij de GI", "55912"),
                                          ("Pupilnummer: P-3318", "P-3318")])
def test_a_bare_nr_and_a_pupil_number(rules_detector, text, number):
    assert ("case_number", number) in found(text, rules_detector)


def test_a_house_number_after_nr_is_no_file_number(rules_detector):
    assert found("Hij woont op nr. 12 in de straat.", rules_detector) == []
