"""Phone numbers, postcodes, exact dates, file numbers, addresses and e-mail addresses in the many ways Dutch
professionals, parents and young people write them (issue 10: every one must be caught), and the numbers that look
like them but identify nobody. Invented values only; deduce is not loaded."""

import pytest


def found(text, detector):
    return [(f.kind, f.text) for f in detector.check_text(text)]


def kinds_over(text, span, detector):
    """The kinds of the findings overlapping `span` in `text`."""
    start = text.index(span)
    end = start + len(span)
    return {f.kind for f in detector.check_text(text) if f.start < end and start < f.end}


@pytest.mark.parametrize("written", [
    "06 - 12 34 56 78", "06.12.34.56.78", "(06) 12345678", "06 123 456 78", "+31 (0)6 41 22 73 90",
    "0031-6-41227390", "+316 - 1829 4005", "0031 (0)10 - 498 7651", "+31 (0) 6 - 12 34 56 78", "(0299) 41 52 36",
    "0548 - 61 23 45", "06 – 11 22 33 44", "06/41227390", "0 6 1 2 3 4 5 6 7 8", "0800 - 022 44 55",
    "088 - 730 12 40", "+49 2821 123456", "06-1234567", "06 123 45 67", "06-123456789",
])
def test_phone_numbers_in_any_grouping(rules_detector, written):
    text = f"Moeder is bereikbaar op {written} na schooltijd."
    assert kinds_over(text, written, rules_detector) == {"phone"}


@pytest.mark.parametrize("text, span", [("T0612345678 | M06-12345678", "0612345678"), ("Tel. 030 123 456 (school)", "030 123 456")])
def test_phone_numbers_after_a_signature_letter_or_a_phone_word(rules_detector, text, span):
    assert kinds_over(text, span, rules_detector) == {"phone"}


def test_a_phone_number_split_over_two_lines_is_one_number(rules_detector):
    assert found("Mob: 06 -\n30 14 77 62 (werk)", rules_detector) == [("phone", "06 -\n30 14 77 62")]


def test_a_phone_number_with_its_first_digits_in_words(rules_detector):
    assert found("Haar tweede nummer: nul zes, 5 1 4 4 7 0 2 8.", rules_detector) == [
        ("phone", "nul zes, 5 1 4 4 7 0 2 8")]


def test_a_number_after_a_phone_number_does_not_hide_it(rules_detector):
    assert found("Gebeld naar 06-12345678 2x zonder gehoor.", rules_detector) == [("phone", "06-12345678")]


@pytest.mark.parametrize("logged", ["03-06-2025 09:14", "05-03-2025 14 uur", "05-03-2025 10.00 uur"])
def test_a_date_and_a_time_are_a_date_not_a_phone_number(rules_detector, logged):
    assert [k for k, _ in found(f"Verzonden {logged} door de mentor.", rules_detector)] == ["date"]


def test_national_helplines_are_not_flagged(rules_detector):
    assert found("Bel Veilig Thuis (0800-2000) of de Kindertelefoon (0800-0432).", rules_detector) == []


@pytest.mark.parametrize("text, span", [
    ("Bezoekadres: Stationsweg 14, 8011 CZ ZWOLLE", "8011 CZ"),
    ("Postcode/woonplaats: 6524 tk Nijmegen", "6524 tk"),
    ("postcode: 2512 xk", "2512 xk"),
    ("Kerkstraat 12, 2512 xk", "2512 xk"),
    ("Adres bekend (NL-3514 AB Utrecht).", "3514 AB"),
    ("Brief naar 7607-AB.", "7607-AB"),
    ("Woont in postcodegebied 3514 bij de markt.", "3514"),
])
def test_postcodes(rules_detector, text, span):
    assert "postcode" in kinds_over(text, span, rules_detector)


@pytest.mark.parametrize("written", [
    "14 / 08 / 2013", "3 mrt '25", "12-3-'83", "07.11.2011", "d.d. 12.3", "per 1/9", "3 t/m 7 maart", "de 22ste",
    "vijf juni", "zat. 8 maart", "Thursday, May 8, 2025", "7 May 2025", "Tue, 3 Jun 2025", "geb. 3 feb. '09",
    "geb. 03121999", "2025/03/04", "2025.03.04",
])
def test_exact_dates_in_any_form(rules_detector, written):
    text = f"Gesprek met moeder op {written}, daarna overleg."
    assert "date" in kinds_over(text, written, rules_detector)


def test_zo_before_a_range_means_about(rules_detector):
    assert found("Hij komt zo 3-4 keer per week en zo 2-3 gesprekken.", rules_detector) == []
    assert found("zo 9-3 – app van moeder", rules_detector) == [("date", "9-3")]


@pytest.mark.parametrize("text, span", [
    ("Zaak-ID: ZWT 2025 0931 in het systeem.", "ZWT 2025 0931"),
    ("Zie casusnummer wijkteam #44918.", "#44918"),
    ("De brief had nummer sh2025-0388.", "sh2025-0388"),
    ("Ons dossier V25-0412 loopt nog.", "V25-0412"),
    ("Ref.: 2025/RRM/231", "2025/RRM/231"),
    ("Rolnummer 24-8810 bij de rechtbank.", "24-8810"),
    ("Zie ECLI:NL:RBMNE:2025:1234 voor de uitspraak.", "ECLI:NL:RBMNE:2025:1234"),
    ("Rekening NL91 ABNA 0417 1643 00 van moeder.", "NL91 ABNA 0417 1643 00"),
    ("Paspoortnummer NX12AB345 is verlopen.", "NX12AB345"),
    ("Z-nummer 44718 staat op de brief.", "44718"),
])
def test_file_and_document_numbers(rules_detector, text, span):
    assert kinds_over(text, span, rules_detector) == {"case_number"}


@pytest.mark.parametrize("text, span", [
    ("Vader woont bij zijn broer aan de 2e Jan Steenstraat 14-III.", "2e Jan Steenstraat 14-III"),
    ("Ze zit nu aan de boerhaavelaan 40 (kamer 12).", "boerhaavelaan 40"),
    ("we wonen trouwens niet meer op de bongerd 14 maar bij oma", "bongerd 14"),
    ("De school ligt aan de Bos en Lommerweg.", "Bos en Lommerweg"),
    ("Laat 188, 1811 EK Alkmaar", "Laat 188"),
    ("Amstel 214\n1017 AJ Amsterdam", "Amstel 214"),
    ("Adres: KERKSTRAAT 12\n3514 AB UTRECHT", "KERKSTRAAT 12"),
    ("Hij woont tijdelijk Kerkstr. 12 bij een oom.", "Kerkstr. 12"),
    ("Post naar Vlietzoom 22 sturen.", "Vlietzoom 22"),
    ("adres: kerkstraat 12, achterom", "kerkstraat 12"),
    ("Brief naar Ringdijk nr 120.", "Ringdijk nr 120"),
])
def test_addresses(rules_detector, text, span):
    assert "address" in kinds_over(text, span, rules_detector)


@pytest.mark.parametrize("written", [
    "r.hoekstra(at)obs-de-wilgen.nl", "aksoy.fam [at] gmail.com", "shirleyvdberg88 @ hotmail.com",
    "tygo punt skt at gmail punt com", "jan.devries{at}gmail.com", "jan@hotmail",
])
def test_e_mail_addresses_written_to_fool_machines(rules_detector, written):
    text = f"Mail gerust naar {written} als het kan."
    assert kinds_over(text, written, rules_detector) == {"email"}


@pytest.mark.parametrize("clean", [
    "Art. 1:255 BW en art. 1:260 BW gelden, net als art. 6:162 BW.",
    "Het gesprek is om 14.30 uur en duurt tot 16.00 uur; van 9.00-12.30 uur is de school open.",
    "De huur is € 1.430,- en de schuld € 38.000; 120.000 jongeren; 12% verzuim; 80 % van het minimumloon.",
    "Versie 2.1 van het plan, release 3.4.1; schooljaar 2023-2024 en 2024/2025; groep 7/8, klas 2b.",
    "In maart 2025 en mei '24 en eind april; het 2e kwartaal; de jaren 2015-2018.",
    "De jongere woont op de groep 4 jaar en op de 3e verdieping; zo 3-4 keer per week.",
    "ICD-10 F43.1 en DSM-5 309.81 zijn besproken.",
    "Hij werkt 3 dagen op de markt 2 uur per dag.",
    "Op het schoolplein 2 jongens; de snelweg 3 keer; een zijweg 2 km verder.",
    "Telefonisch spreekuur van 9 tot 12 uur; bel 112 bij nood.",
])
def test_numbers_that_identify_nobody_stay_unflagged(rules_detector, clean):
    assert found(clean, rules_detector) == []


def test_streets_found_from_their_numbers_are_those_a_full_scan_finds():
    """address() looks for street endings only before runs of digits (speed); a full scan must find no more."""
    import random
    import re
    from pathlib import Path

    from anonymity import formats

    data = Path(__file__).parent / "data"
    marks = re.compile(r"\[\[\w+:(.*?)\]\]")
    texts = [marks.sub(r"\1", p.read_text(encoding="utf-8"))
             for folder in ("dev", "clean") for p in sorted((data / folder).glob("**/*.txt"))]
    rng = random.Random(5)
    noise = "abdeiklnorstwz .\n\t12345STRAAT"
    texts += ["".join(rng.choice(noise) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    full = re.compile(r"[a-zà-ÿ.]\s(?:n[ro]\.?\s?)?\d")
    for text in texts:
        low = text.lower()
        expected = [m.start() + 1 for m in full.finditer(low)
                    if low[max(0, m.start() - 11) : m.start() + 1].endswith(formats._NUMBERED_ENDINGS)]
        assert formats._numbered_street_ends(text, low) == expected, text


@pytest.mark.parametrize("text, span", [
    ("De zitting staat op 12mrt2025 gepland.", "12mrt2025"),
    ("Ingeschreven 3MAR24 bij de huisarts.", "3MAR24"),
    ("Uitspraak op 2 IV 2025 door de rechtbank.", "2 IV 2025"),
    ("Op 1e Kerstdag liep hij weg.", "1e Kerstdag"),
    ("Op oudejaarsavond 2023 ging het thuis mis.", "oudejaarsavond 2023"),
    ("Datum intake: 03122024. Verder niets.", "03122024"),
    ("Geboortedatum: 140309", "140309"),
    ("Moeder belt op de 8e terug over het rooster.", "de 8e"),
    ("Op eerste kerstdag liep hij weg.", "eerste kerstdag"),  # a named day without a digit in the text
    ("Op kerstavond ging het thuis mis.", "kerstavond"),
    ("Meeting on March 12 with the school.", "March 12"),  # English notes: a day and month without a year
    ("He saw the doctor on the 12th of March and was fine.", "12th of March"),
    ("Meeting on Nov. 3 with the mentor and the mother.", "Nov. 3"),
])
def test_exact_dates_written_together_by_a_named_day_or_a_roman_month(rules_detector, text, span):
    assert kinds_over(text, span, rules_detector) == {"date"}


@pytest.mark.parametrize("text", [
    "Ze woont op de 2e verdieping van de flat.",
    "Na de kerstdagen ging hij weer naar school.",
    "Het project liep van 2019 tot 2023 in fase IV van het plan.",
    "Hij was de 3e keer te laat.",
    "She has lived with the family since May and is doing well.",
])
def test_floors_holidays_in_general_and_roman_numerals_are_no_dates(rules_detector, text):
    assert "date" not in {kind for kind, _ in found(text, rules_detector)}


def test_a_postcode_typed_with_two_spaces_is_one_postcode(rules_detector):
    assert ("postcode", "1011  AB") in found("Postcode 1011  AB, dan de brug over.", rules_detector)
