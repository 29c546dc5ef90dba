"""Ages written the ways professionals, parents, young people and expat families write them (anonymity/age_cues.py
and the age parts of grammar_cues.py, context_rules.py, rules.py): what an editor would see flagged, and the numbers
near the same cue words that must stay unflagged."""

import pytest


def covered(detector, text, span, kind="age"):
    start = text.index(span)
    return any(f.kind == kind and f.start <= start and start + len(span) <= f.end for f in detector.check_text(text))


def ages(detector, text):
    return [f.text for f in detector.check_text(text) if f.kind == "age"]


@pytest.mark.parametrize("text, span", [
    # English notes
    ("Intake notes for the family. Father (aged 45) works in Utrecht.", "45"),
    ("The daughter, aged 8, is in Year 4.", "8"),
    ("He was diagnosed at the age of seven in the UK.", "seven"),
    ("The school sees a 13-year-old boy who refuses school.", "13-year-old"),
    ("He has refused school since he turned twelve and the parents worry.", "twelve"),
    ("His friend, who is 14 and lives nearby, moved to the UK.", "14"),
    ("They moved here when the eldest was ten.", "ten"),
    ("The mother says: He's 13 going on 30.", "13"),
    # short forms in reports
    ("Betrokkene, een 14-jr jongen, is aangehouden.", "14-jr"),
    ("Meisje 16 jr uit hetzelfde netwerk valt erbuiten.", "16 jr"),
    ("jongen 15jr, woont bij zijn tante", "15jr"),
    ("Samen met een medeverdachte (j. 16) aangehouden.", "j. 16"),
    ("Kinderen: dochter 9 jaar, zoon 12 jaar.\n", "12 jaar"),
    # after a birth date, an apposition, two ordinals, a baby's weeks, a grandparent
    ("Jongere, geboren 2-11-2008, nu zeventien.\n", "zeventien"),
    ("Hij is eind 2009 geboren en nu 15.", "15"),
    ("Noah heeft een halfzusje, Kiki, van 2; zij woont bij oma.", "2"),
    ("Eerder: tussen zijn 14e en 15e had hij een traject.", "15e"),
    ("De baby dronk slecht. Gewicht bij 4 weken: 3,6 kilo.", "4 weken"),
    ("mn opa van 66 is eigenlijk de enige die belt", "66"),
    # an ellipsis after an age
    ("Vader is 53, moeder 46. Ze wonen apart.", "46"),
    ("Moeder Esther is 25, vader Tim 27.\n", "27"),
    # subjects and adverbs the older rules did not accept
    ("Haar vriendje is 17! Vader maakt zich zorgen.", "17"),
    ("mn man is 51, veel ouder dan ik", "51"),
    ("R.D. is 14 en is leerplichtig.", "14"),
    ("De grootmoeder is 81 jaar.", "81"),
    ("Opa is zeventig en heeft hartklachten.", "zeventig"),
    ("Hij wordt over twee maanden 16 en wil dan werken.", "16"),
    ("ga niet wachten tot je kind 15 is, vraag eerder hulp", "15"),
    ("Hij schrijft over zijn dochter, die pas 13 is maar zich ouder voelt.", "13"),
    ("Ze is ondertussen 13.", "13"),
    ("Hij was destijds 12.", "12"),
    ("Hij heeft een zus van 19 en een broer van 21.", "19"),
    ("Zij hebben zelf twee kinderen van 11 en 15 en nog een pleegkind.", "11"),
    ("Zijn ouders zijn 45 en 47.", "45"),
    ("Ze waren 19 en 20 toen ze trouwden.", "19"),
    ("Sara (15 jaar, 4 havo) is aangemeld door de huisarts.", "15 jaar"),
    ("Aanmelding: jongen, 15 j., LVB.", "15 j."),
    ("De jongen van nu 17 jaar woont op kamers.", "17"),
    ("Sem van 14 en Lotte van 12 wonen bij vader.", "14"),
    ("wij zijn 2 meiden van 15 en 16", "15"),
    ("Met 12 jaar is ze naar Nederland gekomen.", "12"),
])
def test_ages_written_every_way(detector, text, span):
    assert covered(detector, text, span)


@pytest.mark.parametrize("text", [
    "When the plan was 3 months old, the family asked for a review.",
    "The school offers support to pupils aged 11 to 16 in small groups.",
    "The waiting list was 30 in the spring and is 18 now.",
    "The team is 5 people and the score is 14 and was 20 in the spring.",
    "De wachtlijst voor 18+ zorg was in het voorjaar 40, nu 25.",
    "De evaluatie wordt over twee maanden gehouden, de rapportage is over 3 weken klaar.",
    "Een plek die pas 12 maanden bestaat, is nog in opbouw.",
    "Bij 6 weken afwezigheid volgt een gesprek; met 4 weken vertraging start de dagbesteding.",
    "Kinderen tussen 4 en 12 jaar krijgen voorrang; hulp na het 18e jaar via de Wmo.",
    "Jongeren van 16 tot 23 jaar, kinderen van 12 en ouder.",
    "De ouder werkt 16 uur per week, 3 keer per week school, 9 sessies MDFT, Jeugdwet artikel 7.",
    "Een tante van de jongere komt 1 keer per maand.",
    "Volgens de Jeugdwet (7, tweede lid) en Team van 12 medewerkers; met 3 jaar ervaring in de jeugdzorg.",
    "Met 2 jaar vertraging is het project gestart.",
    "Een groep voor een jongere van 16 en 17 jaar; Milan van 16 en 17 jaar is geen leeftijd.",
])
def test_numbers_near_age_cues_are_no_age(detector, text):
    assert ages(detector, text) == []

