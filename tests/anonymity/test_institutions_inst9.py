"""Institutions named by the words around them and by how they come back (issue 10, inst9): a provider's site, a
club abbreviation, a house of prayer, a firm, a kind of residence as head, initials and later mentions, a name joined
to a found one; and the look-alikes that must stay unflagged. Every name below is made up."""

import pytest

pytestmark = pytest.mark.deduce


def institutions(detector, text):
    return {f.text for f in detector.check_text(text) if f.kind == "institution"}


def kinds_of(detector, text, span):
    return {f.kind for f in detector.check_text(text) if f.start < text.index(span) + len(span)
            and text.index(span) < f.end}


@pytest.mark.parametrize("text, name", [
    # a named site of a provider or a school, whatever deduce reads there
    ("Hij woont op leefgroep Saturnus, locatie De Wilgenhoek, sinds het voorjaar.", "De Wilgenhoek"),
    ("Ze volgt lessen op locatie Brouwersvaart van het college.", "Brouwersvaart"),
    # club abbreviations in capitals and in informal lower case
    ("Hij keept bij FC Molenwiek in de onder 15.", "FC Molenwiek"),
    ("ik train bij sv oranje-zwart '58 op dinsdag", "sv oranje-zwart '58"),
    # a name before a house of prayer in lower case
    ("Vader bidt elke vrijdag in de Ibrahimiye moskee aan de rand van de wijk.", "Ibrahimiye moskee"),
    # firms
    ("Zijn oom heeft een baan bij Vermeulen & Co geregeld.", "Vermeulen & Co"),
    ("mn vader werkt bij schildersbedrijf van der linden & zn in de buurt", "schildersbedrijf van der linden & zn"),
    # kinds of residence as a head
    ("Na de crisisplaatsing volgt Woonvorm De Zilverspar.", "Woonvorm De Zilverspar"),
    ("Ze logeert in het weekend op Landgoed Hoefslagen.", "Landgoed Hoefslagen"),
    # a name before JeugdzorgPlus
    ("Een machtiging voor De Kraaienhorst Jeugdzorgplus is aangevraagd.", "Kraaienhorst Jeugdzorgplus"),
    # a congregation, then its name; a lower-case pizzeria; a brand ending in one digit
    ("Het gezin vindt steun bij pinkstergemeente Het Mosterdzaad.", "pinkstergemeente Het Mosterdzaad"),
    ("na school werk ik bij pizzeria bella roma in het centrum", "pizzeria bella"),
    ("Voor begeleid wonen denken we aan Thuiskr4 of een kamertrainingscentrum.", "Thuiskr4"),
    # informal, after an article: only a word of its own
    ("zaterdag werk ik bij de kapsalon sharp fadez in de stad", "kapsalon sharp fadez"),
])
def test_named_institutions(detector, text, name):
    assert any(name in found for found in institutions(detector, text)), institutions(detector, text)


def test_initials_of_a_found_institution_are_the_institution_later(detector):
    text = ("Ze zit op het Maarten Kolenaar College in de tweede klas. De mentor van het MKC heeft de leerplicht "
            "ingeschakeld.")
    assert "MKC" in institutions(detector, text)


def test_a_one_word_unit_comes_back_alone(detector):
    text = ("Na twee weken crisisopvang ging ze naar leefgroep Vuurdoorn. Het contact met Vuurdoorn loopt goed; "
            "de mentor daar belt wekelijks.")
    found = [f for f in detector.check_text(text) if f.kind == "institution" and f.text == "Vuurdoorn"]
    assert len(found) == 2


def test_a_name_joined_to_a_found_institution(detector):
    text = "Voor de uitstroom kijken we naar plekken bij Woonvorm De Linnen Ster of Eikenstede."
    assert "Eikenstede" in institutions(detector, text)


def test_a_surname_ending_like_a_provider_after_a_given_name_is_a_person(detector):
    text = "Het huisbezoek doe ik samen met collega Iris Wolthuis."
    assert kinds_of(detector, text, "Wolthuis") == {"name"}


# Guards for the rules above (they pass without them too): a kind, an area or a method is no institution.
@pytest.mark.parametrize("text", [
    "ik ging naar de moskee zegt mn broer maar dat was niet zo",
    "Moeder bidt in de Turkse moskee om de hoek; vader gaat naar de Katholieke kerk.",
    "We bespreken het op locatie Zuid met het wijkteam en de GI.",
    "De jeugdreclassering en Veilig Thuis overleggen in het Zorg- en Veiligheidshuis over MDFT of FFT.",
    "Na de zitting van de Raad voor de Kinderbescherming volgt een traject bij de jeugd-GGZ en het wijkteam.",
])
def test_look_alikes_stay_unflagged(detector, text):
    assert institutions(detector, text) == set()
