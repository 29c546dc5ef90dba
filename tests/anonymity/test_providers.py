"""Named institutions without a generic word: the provider gazetteer, school-name grammar and care context
(issue 10). Every name below is fictional or a provider's public name; no person is real."""

import pytest

from anonymity import allowlist, providers

pytestmark = pytest.mark.deduce


def found(detector, text):
    return {(f.kind, f.text) for f in detector.check_text(text)}


def test_a_listed_provider_is_an_institution_anywhere(detector):
    assert ("institution", "Lindenhout") in found(detector, "Na de zomer nam Lindenhout het traject over.")
    assert ("institution", "Den Hey-Acker") in found(detector, "Hij verbleef een half jaar in Den Hey-Acker.")


def test_a_provider_named_with_an_ordinary_word_needs_a_care_cue(detector):
    assert ("institution", "Karakter") in found(detector, "Ze is sinds maart in behandeling bij Karakter.")
    assert not any(kind == "institution" for kind, _ in found(detector, "Karakter is wat haar moeder bewondert."))


def test_a_provider_with_a_town_or_compass_word_is_one_institution(detector):
    assert ("institution", "Buurtzorg Jong Oost") in found(detector, "ik heb gebeld met Buurtzorg Jong Oost.")
    assert ("institution", "Woonstede Apeldoorn") in found(
        detector, "Het gezin huurt een woning van Woonstede Apeldoorn.")


@pytest.mark.parametrize("text, name", [
    ("Hij zit op de Dr. Schaepmanschool in de bovenbouw.", "Dr. Schaepmanschool"),
    ("Zij ging naar Mytylschool De Brug.", "Mytylschool De Brug"),
    ("Zijn broertje zit op De Klimop-school.", "De Klimop-school"),
    ("Ze zit in de derde klas van Wiarda Montessori.", "Wiarda Montessori"),
    ("Crisisdienst jeugd Kustlicht GGZ nam de melding aan.", "Kustlicht GGZ"),
    ("De jongen is aangemeld bij Zonnewende en staat op de wachtlijst.", "Zonnewende"),
    ("De behandelaar van Het Kompas belde terug.", "Het Kompas"),
])
def test_school_names_and_care_context(detector, text, name):
    assert any(kind == "institution" and name in span or span in name and kind == "institution"
               for kind, span in found(detector, text)), found(detector, text)


@pytest.mark.parametrize("text", [
    "Het FACT-team en de MDFT-therapeut overlegden met het wijkteam en Veilig Thuis.",
    "Hij kreeg Specialistische GGZ en daarna Gesloten Jeugdzorg; de Basis GGZ was niet genoeg.",
    "Ze is aangemeld bij Jeugdhulp en in behandeling bij de GGZ.",
    "De Vrije School en het Montessori-onderwijs werken anders.",
    "Het meisje zit op het PrO en heeft een LVB.",
])
def test_team_types_methods_and_generic_care_words_stay_unflagged(detector, text):
    assert found(detector, text) == set()


@pytest.mark.parametrize("text, name", [
    ("Nour Al-Hassan belde over de afspraak.", "Al-Hassan"),
    ("Het gesprek was met mevrouw Tjon-A-Fong.", "Tjon-A-Fong"),
])
def test_hyphenated_surnames_are_names_not_brands(detector, text, name):
    assert any(kind == "name" and name in span for kind, span in found(detector, text)), found(detector, text)


def test_providers_are_kept_apart_from_the_allow_list():
    """A provider on the allow-list would never be flagged; a team type in the gazetteer would always be."""
    pattern = allowlist.default_pattern()
    listed = [entry for options in providers._entries().values() for entry, _ in options]
    assert listed
    assert [e for e in listed if pattern.fullmatch(e)] == []


@pytest.mark.parametrize(
    "text, name",
    [("Het gezin gaat over naar Jeugdgroep Zuidwest.", "Jeugdgroep Zuidwest"),
     ("Haar broer traint bij Sportclub Vitesse-Oost.", "Sportclub Vitesse-Oost"),
     ("Ze werd begeleid via Buurtzorg-Jong.", "Buurtzorg-Jong"),
     ("De huisarts noemde Dokter Bosch Praktijken.", "Dokter Bosch Praktijken"),
     ("Hij is overgeplaatst naar De Sterrenberg.", "De Sterrenberg")],
)
def test_named_providers_after_a_move_or_club_cue_and_brand_compounds(detector, text, name):
    assert ("institution", name) in found(detector, text)


def test_a_move_or_club_cue_before_a_method_or_team_type_flags_nothing(detector):
    text = ("De casus is overgedragen aan Veilig Thuis en daarna aan de Raad voor de Kinderbescherming. Het gezin gaat "
            "over naar het FACT-team; eerder liep MST, daarna MDFT en FFT. Vader is overgestapt naar Signs of "
            "Safety-gesprekken met het wijkteam en de IAG. Moeder doet vrijwilligerswerk bij 10 voor Toekomst. De zaak "
            "is overgeplaatst naar Jeugdzorg Plus. Team Jeugd en de GGZ-instelling werken samen met de "
            "JeugdzorgPlus-instelling.")
    assert found(detector, text) == set()


def test_a_care_cue_inside_a_longer_one_still_starts_a_name(detector):
    """The care and role patterns are tried only where their opening words stand (a pre-scan for speed): a cue
    inside a longer one that did not lead to a name must still be tried on its own."""
    assert ("institution", "Kompas Noord") in found(detector, "Eerst in behandeling geweest; behandeling bij Kompas Noord.")


@pytest.mark.parametrize(
    "text, name",
    [("Hij komt van De Zandloper, een SBO in de buurt.", "De Zandloper"),
     ("de club van jesse (de Zwaluwen) belde", "de Zwaluwen"),
     ("Zij zit op de Anna Boerma VSO in de bovenbouw.", "Anna Boerma VSO"),
     ("Begeleiding door Kidz2Grow Jeugd, daarna naar huis.", "Kidz2Grow Jeugd"),
     ("Dagbesteding bij Z@nd, vier dagen.", "Z@nd"), ("Ambulante hulp van MEERkracht ging door.", "MEERkracht"),
     ("Ze gaat naar Arvanto-Oost voor therapie.", "Arvanto-Oost"),
     ("ik zat op de kees jansen school in groep 5", "de kees jansen school"),
     ("hij werkt nu bij hoveniersbedrijf van dam", "hoveniersbedrijf van dam"),
     ("ik ging naar lumiq-jong voor therapie", "lumiq-jong")],
)
def test_institutions_named_by_the_sentence_around_them(detector, text, name):
    assert ("institution", name) in [(f.kind, f.text) for f in detector.check_text(text)]


def test_an_institution_named_once_is_found_again_alone(detector):
    text = "Hij is aangemeld bij Orvalis Kind & Jeugd. Orvalis belt binnen twee weken terug."
    kinds = [(f.kind, f.text) for f in detector.check_text(text)]
    assert ("institution", "Orvalis") in kinds


@pytest.mark.parametrize("text", ["De IJssel stroomt door de stad en zijn ADHDers zijn welkom.",
                                  "Het GGDrapport kwam binnen.", "Ze woont in de familie Smit-Boonstra al jaren."])
def test_dutch_ij_abbreviations_and_family_names_are_no_brand(detector, text):
    assert [f for f in detector.check_text(text) if f.kind == "institution"] == []


@pytest.mark.parametrize(
    "text, name",
    [("Hij heeft een bijbaantje bij de Lidl in het dorp.", "Lidl"), ("Ze werkt sinds kort bij Bakkerij Vos.", "Bakkerij Vos"),
     ("Hij werkt parttime bij de KRUIDVAT.", "KRUIDVAT"), ("Zij woont in Huize Ravenstein.", "Huize Ravenstein"),
     ("Het behandelteam van Zonnehoeve adviseert een opname.", "Zonnehoeve"),
     ("Hij volgt een opleiding bij het Rijnvest.", "Rijnvest"), ("Hij zit op de Willem Drees.", "Willem Drees"),
     ("Ze heeft dagbesteding bij De Schakelaar.", "De Schakelaar")],
)
def test_employers_schools_and_programmes_after_their_cues(detector, text, name):
    assert ("institution", name) in [(f.kind, f.text) for f in detector.check_text(text)]


@pytest.mark.parametrize("text", ["Ze woont bij Fatima en haar moeder.", "De mentor van Yohannes belde."])
def test_a_person_after_a_cue_stays_a_person(detector, text):
    assert [f for f in detector.check_text(text) if f.kind == "institution"] == []
