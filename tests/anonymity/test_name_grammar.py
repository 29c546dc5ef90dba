"""Names the grammar gives away (issue 10): lists of people with their roles, greetings and sign-offs, chat
speakers, possessives, initials, first names that are also words, lower-case names in informal text; and the
roles, team names and abbreviations in the same places that must stay unflagged. Every name is fictional."""

import pytest

pytestmark = pytest.mark.deduce


def names(detector, text):
    return {f.text for f in detector.check_text(text) if f.kind == "name"}


@pytest.mark.parametrize("text, name", [
    # a role in brackets after a name, in a list of who was there
    ("Aanwezig: Beer (pleegvader), Marit (gedragswetenschapper)", "Beer"),
    ("Afwezig met bericht: HT (mentor)", "HT"),
    # greetings and sign-offs, also when the name is an ordinary word
    ("Hoi Merel,\n\nKun je morgen bellen?", "Merel"),
    ("Dat is goed.\n\nGroet,\nLinde", "Linde"),
    ("tot morgen\n\ngroetjes, jade", "jade"),
    ("ik kom niet\n\npeace\nTB", "TB"),
    # a chat speaker who speaks twice, though the name is also a word
    ("Marjolein: hij slaapt.\nbegeleider: fijn.\nMarjolein: ja.", "Marjolein"),
    # a possessive before a role
    ("Er is ruzie. Ayaans juf zegt dat hij goed leert.", "Ayaans"),
    # a first name that is also a word, at a sentence start, before what only a person does
    ("Het was onrustig. Storm werd er wakker van.", "Storm"),
    ("Het gaat beter. Bloem uit haar klas speelt met haar.", "Bloem"),
    # nicknames and initials
    ("zijn vrienden noemen hem dirre, ook op school.", "dirre"),
    ("ik heet Jaylano maar iedereen zegt JL.", "JL"),
    ("De jongere WK kwam niet. Later belde WK zelf.", "WK"),
    ("RB en zijn moeder kwamen te laat.", "RB"),
    # lower-case names after a cue in informal text
    ("mn oma riet zegt dat ik bij haar mag wonen", "riet"),
    ("toen kreeg ik een gesprek met mevrouw bakker van de jeugdbescherming", "mevrouw bakker"),
    ("juf linde zei dat ik goed was", "juf linde"),
    ("roos en ik gingen naar de stad", "roos"),
    # a spelling no list holds, where the sentence says it is a person
    ("ik was bij mn vriendin shaquienta en toen belde mn moeder", "shaquienta"),
    ("dyllaro zn moeder kwam me halen", "dyllaro"),
    # a proper noun at a sentence start before a verb
    ("Het was laat. Sterre appte om elf uur.", "Sterre"),
    ("Op school is het stil. Daisy heeft gebeld over haar zus.", "Daisy"),
    ("Juf Hyacint gaf het door aan de intern begeleider.", "Hyacint"),
    ("Tot morgen.\n\nCheers,\nBas", "Bas"),
    # a form field for a person, the value alone on its line
    ("Naam: Roos\nGeboortejaar: 2011", "Roos"),
    ("Jeugdige: Storm\nSchool: voortgezet onderwijs", "Storm"),
    ("Naam moeder: Hemel", "Hemel"),
    ("Acties\nActiehouder: Merel\nTermijn: twee weken", "Merel"),
    ("Aanwezig: Storm, moeder en de gezinscoach", "Storm"),
    # initials with an age, after 'hierna', before a possessive
    ("MK (15) woont bij moeder.", "MK"),
    ("de jongere (hierna: TK) werd opgenomen.", "TK"),
    ("Gisteren belde TK's moeder.", "TK"),
    # names of many origins without a cue
    ("mijn vriend kwabena en ik gingen naar de stad.", "kwabena"),
    ("Volgens Krzysztof ging het goed, maar Stoyan belde af.", "Stoyan"),
    ("Viktor verzuimt en Radost huilt vaak op school.", "Radost"),
    # initials with a tussenvoegsel in a person field, a dash signature under a reflection
    ("Verslag MDO\nNotulen: JvdB\n\n1. Opening", "JvdB"),
    ("Nu woon ik op mezelf en dat gaat goed.\n\n- DK", "DK"),
    ("ik ben blij dat het voorbij is\n\n~ noor", "noor"),
    # a first name that is also a word, in the middle of a sentence, after speaking or before a role apposition
    ("Gisteren belde Mehari, een neef van vader, over de post.", "Mehari"),
    ("Het plan is klaar, zei Roos tegen moeder.", "Roos"),
    ("hoi bas,\n\nkun je me ff bellen", "bas"),
    ("die jongen heet storm en hij is aardig", "storm"),
    ("toen zei mila dat ze niet meer wou", "mila"),
    ("gisteren was sem jarig", "sem"),
    ("nou fleur was boos op me", "fleur"),
    ("ik mis papa en oma riek", "riek"),
    ("Het ging mis. Roos' moeder belde de politie.", "Roos"),
    ("Zie bijlage.\n\nVerstuurd vanaf mijn telefoon\n\nFleur", "Fleur"),
    ("Het gezin is groot. Lente is de jongste.", "Lente"),
    ("Het was stil in huis. Winter appte om tien uur.", "Winter"),
])
def test_names_the_grammar_gives_away(detector, text, name):
    assert any(name in n for n in names(detector, text)), names(detector, text)


def test_initials_found_once_are_the_person_everywhere(detector):
    text = "Aanwezig: PV (jongere), moeder.\n\nPV vertelde over school. Moeder zegt dat PV beter slaapt."
    assert [f.text for f in detector.check_text(text) if f.kind == "name"] == ["PV", "PV", "PV"]


def test_the_first_name_or_initial_of_a_full_name_names_its_later_mentions(detector):
    text = ("Aanwezig: J. Terpstra (jeugdbeschermer), Bas de Wit (wijkteam)\n\n"
            "J. licht de verlenging toe.\n\nActies\n- Bas: gesprek met vader plannen\n- J.: rapportage")
    found = [f.text for f in detector.check_text(text) if f.kind == "name"]
    assert found.count("J.") == 2 and found.count("Bas") == 1, found


@pytest.mark.parametrize("text", [
    "Aanwezig: jeugdbeschermer, gedragswetenschapper (GI), moeder, vader, MST (therapeut)",
    "Aanwezig: RvdK\nNotulen: OvJ",
    "hoi allemaal,\nhey schat!\nhallo daar,\nlieve mama,",
    "toen zei hij dat het niet kon. gisteren was het druk. het is nou eenmaal zo. mn oma ook.",
    "het kind heet nog niet officieel zo. toen kwam de zorg weer op gang.",
    "Het was druk. Zomer is de drukste tijd. Hoop is de rode draad.",
    "Wat we leerden:\n\nRust\n\nStructuur\n\nHoop",
    "Tot slot.\n\nJeugdwet",
    "De doelen voor dit jaar zijn helder.\n\n- MST",
    "Het gezin volgt de training Positive Parenting en daarna Family Group Conference.",
    "Daarna zei de mentor dat Hoop en Rust belangrijk zijn, een ouder knikte.",
    "Contact (moeder) verliep goed. Overleg (vader) volgt.",
    "Het overleg over Kanaleneiland (wijkagent, jongerenwerker) is verplaatst.",
    "Hoi allemaal,\n\nBeste collega's,\n\nLieve ouders,",
    "Groet,\nHet wijkteam",
    "Met vriendelijke groet,\nTeamleider Jeugd",
    "Groet,\nTeam Jeugd Oost",
    "Mvg\nJeugdbeschermer regio Noord",
    "Bedankt!\nGGD",
    "Moeder: ik weet het niet.\nBegeleider: zullen we morgen praten?\nMoeder: goed.\nBegeleider: fijn.",
    "Van: mentor\nAan: wijkteam\n\nVan: wijkteam\nAan: mentor",
    "Doel: rust in huis.\nDoel: school.\nActie: gesprek.\nActie: plan.",
    "De jongere AMV kreeg een voogd. Een jongere LVB'er. De cliënt VG woont begeleid.",
    "Hoop is er nog steeds. Zorg is nodig. Rust kwam pas laat.",
    "mn moeder boeit het niet. mn vader nooit thuis. mn broer ofzo. mn zus vind het stom.",
    "juf was boos. meneer zegt niks. mevrouw heeft gebeld.",
    "Jongere: Wil graag naar huis.\nMoeder: Ik weet het niet.\nVader: Akkoord.\nNaam: Onbekend",
    "Mentor: Nog niet bekend\nNaam instelling: Zorg Oost\nNaam: Team Noord",
    "Van: Gezinscoach\nAan: Jeugdbeschermer\nCc: Leerplicht\nWie: Moeder\nActie: Gesprek plannen\nDoor: Onbekend",
])
def test_roles_teams_and_abbreviations_in_the_same_places_stay_unflagged(detector, text):
    assert names(detector, text) == set()
