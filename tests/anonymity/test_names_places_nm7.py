"""Names and places written the hard ways (issue 10, names7): a lower-case first name as the subject of any verb,
streets as areas, signature blocks, compass regions. Every name is fictional; the texts are not from any test set."""

import pytest

pytestmark = pytest.mark.deduce


def found(detector, text):
    return {(f.kind, f.text) for f in detector.check_text(text)}


@pytest.mark.parametrize("text, name", [
    ("[20:14] mama: merel vergeet altijd haar jas", "merel"),
    ("[20:15] papa: iris en jade komen morgen pas", "iris"),
    ("[20:15] papa: iris en jade komen morgen pas", "jade"),
    ("ok. amber logeerde gisteren bij oma", "amber"),
    ("[21:02] oma: heeft hazel haar tas al?", "hazel"),
])
def test_lower_case_first_name_that_is_a_word_as_the_subject_of_a_verb(detector, text, name):
    assert ("name", name) in found(detector, text), found(detector, text)


@pytest.mark.parametrize("text", [
    "ik vind de merel mooi zingen. de iris van het oog is blauw.",
    "amber en jade zijn edelstenen, zegt de juf",
])
def test_lower_case_words_with_an_article_or_as_a_plain_noun_stay_words(detector, text):
    assert not any(kind == "name" for kind, _ in found(detector, text)), found(detector, text)


@pytest.mark.parametrize("text, place", [
    ("Hij hangt vaak rond op de Nieuwe Binnenweg en bij het Bospolderplein.", "Bospolderplein"),
    ("Ze zwierf 's nachts rond de Beijerlandselaan.", "Beijerlandselaan"),
    ("De jongens spraken af op het Mercatorplein.", "Mercatorplein"),
])
def test_a_street_without_a_number_where_someone_hangs_out_is_a_place(detector, text, place):
    assert ("place", place) in found(detector, text), found(detector, text)


def test_a_street_where_someone_lives_stays_an_address(detector):
    assert ("address", "Hoefbladlaan") in found(detector, "Het gezin woont in een flat aan de Hoefbladlaan.")
