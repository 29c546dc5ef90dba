"""Notes written in English for an international family: English words are words there, not names or places, and
the dates and ages in them are still found (anonymity/words.written_in_english)."""

from anonymity.words import written_in_english


def ages(detector, text):
    return [f.text for f in detector.check_text(text) if f.kind == "age"]


def names(detector, text):
    return [f.text for f in detector.check_text(text) if f.kind == "name"]


def test_has_and_will_are_english_words_not_lower_case_names(detector):
    text = ("The family has two children in primary school. The young person has had 8 sessions and the mother "
            "has a job with the council.")
    assert written_in_english(text.lower())
    assert names(detector, text) == []
    assert names(detector, "mn vriend has zegt dat hij niet komt") == ["has"]  # in Dutch, a lower-case name


def test_an_english_pronoun_before_an_age_is_no_name(detector):
    """'She is 14': the age is found; 'She' is a pronoun, not a person's name ('Roos is 15' still names Roos)."""
    assert ages(detector, "She is 14 and lives with her mother.") != []
    assert [f.text for f in detector.check_text("She is 14 and lives with her mother.") if f.kind == "name"] == []
    assert [f.text for f in detector.check_text("Roos is 15.") if f.kind == "name"] == ["Roos"]


def test_in_notes_written_in_english_a_word_at_a_sentence_start_is_no_place_or_name(detector):
    """'Born on the 3rd of May …' in English notes: deduce lists Born (a village) and May (a first name); at a sentence
    start of an English text they are words, as 'Best' is in Dutch. The date and the age are still found."""
    text = ("Born on the 3rd of May 2010 in the hospital. The family has two children and the mother is a nurse "
            "with the council. She is 14.")
    assert sorted(f.kind for f in detector.check_text(text)) == ["age", "date"]
