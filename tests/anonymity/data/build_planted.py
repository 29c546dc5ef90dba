"""Writes planted.jsonl from the marked-up texts below: run it after editing them.

    .venv/bin/python tests/anonymity/data/build_planted.py

Markup: [[kind:text]] plants an identifier of that kind. Every name, number, address and
date here is made up; BSNs pass the elfproef but belong to nobody we know of.
"""

import json
import re
from pathlib import Path

DOCS = [
    # 1 names with tussenvoegsels, a BSN, a town
    "Bij de aanmelding was [[name:Sanne van der Meulen]] [[age:15 jaar oud]]. Haar moeder "
    "[[name:Petra]] belde het wijkteam in [[place:Zwolle]] met het verzoek om hulp. BSN van de jongere: "
    "[[bsn:908301662]]. De jeugdbeschermer, [[name:mevrouw De Groot]], had het dossier al sinds "
    "[[date:14 maart 2009]].",
    # 2 initials, phone, e-mail
    "Contactpersoon is [[name:J.P. de Wit]], bereikbaar op [[phone:06-12345678]] of via "
    "[[email:jp.dewit@jeugdteam-voorbeeld.nl]]. Zijn collega [[name:A. Yilmaz]] neemt waar.",
    # 3 address, postcode, place
    "Het gezin woonde aan de [[address:Lindelaan 14]], [[postcode:7413 BK]] [[place:Deventer]], tot de "
    "verhuizing naar [[place:Apeldoorn]] in 2019.",
    # 4 BSN spacing variants
    "In het verwijsbericht staan twee burgerservicenummers: [[bsn:131.860.914]] (jongere) en "
    "[[bsn:3909 96 038]] (broertje).",
    # 5 case numbers
    "Dossiernummer [[case_number:JZ-2021-0456]], zaaknummer [[case_number:Z/88213]] en het "
    "cliëntnummer [[case_number:884521]] horen bij dezelfde jongere. Kenmerk: [[case_number:VT-2020-11873]].",
    # 6 exact dates in other notations
    "De ondertoezichtstelling ging in op [[date:03-11-2011]] en werd verlengd op [[date:3/11]]. De "
    "eerste zitting was op [[date:2011-11-03]].",
    # 7 exact ages
    "De [[age:14-jarige]] jongen was [[age:sinds haar 12e]] niet meer op school geweest, schreef de mentor over zijn zus. "
    "Toen hij [[age:9]] was, verhuisde het gezin.",
    # 8 nicknames and family
    "Thuis noemen ze hem [[name:Bink]]. Zijn zusje [[name:Roosje]] [[age:(7)]] en opa [[name:Kees]] "
    "wonen in het huis ernaast. Zijn bijnaam op straat was '[[name:Stoepie]]'.",
    # 9 international phone, URL
    "De vader woont in België en is bereikbaar op [[phone:+32 470 12 34 56]]; de moeder op "
    "[[phone:+31 (0)6 2345 6789]]. Foto's van het gezin stonden op [[url:www.familie-bakkerman.nl]] en "
    "[[url:https://instagram.com/sanne.vdmeulen]].",
    # 10 schools and institutions
    "Hij zat op [[institution:basisschool De Regenboog]] en daarna kort op het [[institution:Stedelijk Lyceum]]. "
    "Na een crisisopname in het [[institution:Wilhelmina Kinderziekenhuis]] volgde behandeling bij "
    "[[institution:Karakter]] en later bij [[institution:Stichting De Zonnebloemhoeve]].",
    # 11 municipalities and villages
    "Het meisje groeide op in [[place:Oss]], ging naar school in [[place:Veghel]] en woont nu bij een "
    "pleeggezin in [[place:Uden]]. Haar vader zit in [[place:Rotterdam]].",
    # 12 ambiguous places in place context
    "De familie verhuisde van [[place:Putten]] naar [[place:Best]] en later naar [[place:Son]].",
    # 13 more names
    "Mevrouw [[name:Fatima el Amrani]] en haar partner [[name:Youssef]] kregen hulp van [[name:Kevin Janssen]] "
    "van het wijkteam. [[name:Daan]] zegt dat het beter gaat sinds [[name:Anouk]] er is.",
    # 14 phone notations
    "Het crisisnummer van het gezin: [[phone:(030) 123 45 67]], werk: [[phone:020-7654321]], mobiel "
    "[[phone:06 98 76 54 32]].",
    # 15 exact ages written out
    "Een [[age:zestienjarige]] jongen en zijn broer van [[age:twaalf]] werden uit huis geplaatst. "
    "Hij is [[age:17]] en wil op kamers.",
    # 16 streets and PO box
    "Post naar [[address:Postbus 1234]], [[postcode:3500 AB]] [[place:Utrechtse Heuvelrug]] of langs brengen op "
    "[[address:Burgemeester Visserstraat 112a]].",
    # 17 dates with weekday
    "Op maandag [[date:7 november]] was het netwerkberaad; de tweede bijeenkomst was op [[date:21 dec. 2022]].",
    # 18 mixed
    "[[name:Lotte]] ([[age:16 jaar]]) uit [[place:Hoogeveen]] heeft cliëntnummer [[case_number:CL-440912]] bij "
    "[[institution:Accare]]. Haar BSN is [[bsn:948 219 932]].",
    # 19 names after roles
    "Pleegmoeder [[name:Ineke]] en pleegvader [[name:Gerrit Hoekstra]] vingen haar op. Mentor "
    "[[name:Bas]] van school zag het als eerste.",
    # 20 numbers in running text
    "Veilig Thuis registreerde de melding onder nummer [[case_number:2019-004587]]. De jongere is [[age:13]] "
    "en woont met haar moeder [[name:Marieke]] in [[place:Emmen]].",
    # 21 initials only surname
    "Het rapport van drs. [[name:H. van Leeuwen]] en [[name:dr. M. Bos]] was leidend.",
    # 22 more institutions
    "Ze volgde dagbesteding bij [[institution:Zorgboerderij De Hoge Akker]] en speelde voetbal bij "
    "[[institution:Voetbalvereniging Rood-Wit]].",
    # 23 age band allowed around a planted age
    "De jongeren in deze groep zijn tussen 12 en 16 jaar; [[name:Milan]] was net [[age:14]].",
    # 24 address without number
    "Ze hingen vaak rond op het [[address:Stationsplein]] en bij de [[address:Kerkstraat]] in [[place:Meppel]].",
    # 25 date with ordinal and year
    "Geboren op [[date:2 januari 2008]], ingeschreven op [[date:01-09-2014]].",
    # 26 email and URL variants
    "Mail naar [[email:gezin.jansen@outlook.com]] of kijk op [[url:http://www.jeugdhulp-zuidwest.nl/aanmelden]].",
    # 27 names with apostrophes and hyphens
    "De familie [[name:Van 't Hek]] en [[name:Anne-Marie Smit-Bakker]] zaten aan tafel.",
    # 28 place names with hyphens and compounds
    "Het gezin kwam uit [[place:Capelle aan den IJssel]] en verhuisde naar [[place:Alphen aan den Rijn]].",
    # 29 age in apposition and leeftijd van
    "[[name:Noah]], [[age:17 jaar]], woont in een gezinshuis. Hij kwam op de leeftijd van [[age:elf]] in zorg.",
    # 30 BSN without label, phone service numbers
    "Op het formulier stond [[bsn:518190936]] en het nummer [[phone:0800-1234567]].",
]

# Written after the rules were tuned on the texts above, and measured once before any further
# tuning (first figure reported in the issue), so the suite also tracks text the rules never saw.
DOCS_HELDOUT = [
    "Aanmelding door [[name:Wendy Kuipers]], moeder van [[name:Jayden]]. Adres: [[address:Oranjestraat 7]], "
    "[[postcode:2011 VS]] [[place:Haarlem]]. Telefoon [[phone:023 5 123 456]].",
    "[[name:Jayden]] is geboren op [[date:12-06-2009]] en zit in groep 8 van [[institution:OBS Het Kompas]] in [[place:Heemstede]].",
    "Volgens [[name:dhr. R. Brouwer]] (wijkteam) heeft de jongen sinds [[date:1 oktober]] niet meer geslapen.",
    "Het BSN [[bsn:786579754]] staat verkeerd in het systeem; het juiste nummer is [[bsn:432 319 487]].",
    "[[name:Fleur]] en haar vriendin [[name:Esra Demir]] liepen samen weg naar [[place:Amsterdam]].",
    "Zijn oom [[name:Henk]] woont aan de [[address:Dorpsweg 33]] in [[place:Nijkerk]].",
    "De moeder ([[age:42]]) werkt bij [[institution:Albert Heijn]] en haar zoon van [[age:vijftien]] helpt soms mee.",
    "Registratienummer [[case_number:RvdK-2022-3381]], verzoekschrift ingediend op [[date:17 mei 2022]].",
    "Hun gezinsvoogd, [[name:Marloes Verhoeven]], is bereikbaar via [[email:m.verhoeven@gi-voorbeeld.nl]].",
    "Na de opname in [[institution:Ziekenhuis Gelderse Vallei]] ging [[name:Thijs]] naar een gezinshuis in [[place:Ede]].",
    "[[name:Priya]] ([[age:13]]) had een broer, [[name:Arjun]], die op [[date:23/4]] jarig was.",
    "De [[age:17-jarige]] [[name:Mohammed]] uit [[place:Tilburg]] kreeg een contract bij een garage.",
    "Inschrijving via [[url:www.sportclub-dewaterhoek.nl]] op naam van [[name:familie Pinas]].",
    "Hij woonde eerst in [[place:Venlo]], daarna in [[place:Roermond]] en sinds [[date:05-01-2020]] in [[place:Weert]].",
    "Op [[phone:+31 20 555 0199]] nam [[name:juf Annelies]] van [[institution:De Tweemaster]] op.",
]

_MARK = re.compile(r"\[\[(\w+):(.+?)\]\]")


def parse(marked: str) -> tuple[str, list[dict]]:
    text, expected, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(marked):
        before = marked[pos : m.start()]
        text.append(before)
        length += len(before)
        kind, value = m.group(1), m.group(2)
        expected.append({"kind": kind, "start": length, "end": length + len(value), "text": value})
        text.append(value)
        length += len(value)
        pos = m.end()
    text.append(marked[pos:])
    return "".join(text), expected


def main() -> None:
    out = Path(__file__).with_name("planted.jsonl")
    with out.open("w", encoding="utf-8") as f:
        for prefix, docs in (("planted", DOCS), ("heldout", DOCS_HELDOUT)):
            for i, marked in enumerate(docs, 1):
                text, expected = parse(marked)
                record = {"id": f"{prefix}-{i:02d}", "text": text, "expected": expected}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{out}: {len(DOCS) + len(DOCS_HELDOUT)} documents")


if __name__ == "__main__":
    main()
