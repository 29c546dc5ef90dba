#!/usr/bin/env python3
"""Write N synthetic, schema-valid interchange records (JSON Lines) for benchmarks.

    python bench/generate_cases.py [N=100000] [OUT=var/bench/cases.jsonl] [--seed 7] [--no-validate]

Fictional Dutch text assembled from sentence banks with the jargon professionals use (ASS, LVB, ggz, OTS,
GI, JeugdzorgPlus, thuiszitter, loverboy, Wlz, …). No real people, places or providers.
"""

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TAXONOMY = json.loads((ROOT / "casebook" / "data" / "taxonomy.json").read_text(encoding="utf-8"))
SCHEMA = json.loads((ROOT / "casebook" / "data" / "case.schema.json").read_text(encoding="utf-8"))

PERSONS = ["Een jongen", "Een meisje", "Een jongere", "Een jongvolwassene", "Een kind", "Een tiener"]
AGE_WORDS = {"0-3": "heel jong", "4-11": "op de basisschoolleeftijd", "12-15": "tussen 12 en 16 jaar",
             "16-17": "van 16 of 17 jaar", "18-22": "net meerderjarig"}
PROBLEM_PHRASES = {
    "autisme": ["met autisme (ASS)", "met een autismespectrumstoornis", "die autistisch is"],
    "adhd": ["met ADHD", "met ernstige concentratieproblemen en ADHD"],
    "gedragsproblemen": ["met ernstige gedragsproblemen", "die thuis agressief is", "met veel agressie naar ouders"],
    "lvb": ["met een licht verstandelijke beperking (LVB)", "die licht verstandelijk beperkt is"],
    "meervoudige-beperking": ["met een ernstig meervoudige beperking (EMB)"],
    "trauma-hechting": ["met een traumaverleden", "met hechtingsproblematiek", "met PTSS na huiselijk geweld"],
    "angst-depressie": ["met angstklachten en somberheid", "met een depressie"],
    "suicidaliteit": ["met suïcidale gedachten", "na een suïcidepoging"],
    "eetstoornis": ["met een eetstoornis", "met anorexia"],
    "verslaving": ["met middelengebruik", "met een cannabisverslaving"],
    "psychose": ["met een eerste psychose"],
    "persoonlijkheid": ["met beginnende persoonlijkheidsproblematiek"],
    "seksueel-grensoverschrijdend": ["met seksueel grensoverschrijdend gedrag"],
    "seksuele-uitbuiting": ["die slachtoffer werd van een loverboy", "die seksueel werd uitgebuit"],
    "thuiszitten": ["die al maanden thuiszit", "die als thuiszitter geen onderwijs kreeg"],
    "huiselijk-geweld": ["die opgroeide met huiselijk geweld"],
    "complexe-scheiding": ["midden in een vechtscheiding"],
    "ouderproblematiek": ["met ouders die zelf ggz-problemen hebben"],
    "jeugdcriminaliteit": ["die in aanraking kwam met politie en justitie"],
    "chronische-ziekte": ["met een chronische ziekte"],
    "dakloosheid": ["zonder vaste woonplek", "die dakloos dreigde te raken"],
    "schulden": ["met schulden", "met oplopende schulden"],
}
SITUATION = [
    "Het gezin woonde in een krappe huurwoning en moeder deed alles alleen.",
    "Er waren al jaren hulpverleners betrokken, maar niemand had het overzicht.",
    "Na een crisisplaatsing volgde een periode in open verblijf die voortijdig werd afgebroken.",
    "De school kon de jongere niet meer handhaven en er volgde schoolverzuim.",
    "Er liep een ondertoezichtstelling (OTS) en de gecertificeerde instelling (GI) wisselde vaak van jeugdbeschermer.",
    "Thuis escaleerde het regelmatig; de politie werd meerdere keren gebeld.",
    "De jeugd-ggz had een behandeling gestart, maar die sloot niet aan bij wat de jongere nodig had.",
    "In de pleegzorg ging het eerst goed, tot de pleegouders het niet meer volhielden.",
    "Een verblijf in de gesloten jeugdhulp (JeugdzorgPlus) leek de enige optie die over bleef.",
    "De jongere had een Wlz-indicatie aangevraagd, maar die liet op zich wachten.",
    "Vader was uit beeld en er was veel spanning tussen de ouders.",
    "Het gezin sprak weinig Nederlands en begreep de brieven van instanties niet.",
]
STUCK = {
    "geen-passend-aanbod": "Er was geen passend aanbod: elke plek was te licht of te zwaar.",
    "wachtlijst": "De wachtlijst voor specialistische behandeling was meer dan een jaar.",
    "financiering-tussen-wetten": "Gemeente en Wlz-uitvoerder verwezen naar elkaar; de financiering viel tussen de wetten.",
    "afgewezen-door-aanbieders": "Meerdere jeugdhulpaanbieders wezen de jongere af als te complex.",
    "onderwijs-ontbreekt": "Er was geen school die hem wilde inschrijven; het samenwerkingsverband had geen plek.",
    "overgang-18": "Bij de achttiende verjaardag stopte de jeugdhulp en was er geen vervolg in de volwassenenzorg.",
    "te-veel-hulpverleners": "Er waren meer dan tien hulpverleners betrokken zonder één plan.",
    "gezin-niet-betrokken": "Ouders werden niet meer uitgenodigd voor het overleg.",
    "crisis-escalatie": "Telkens volgde een nieuwe crisis en een nieuwe crisisplaatsing.",
    "uitstroom-verblijf": "Uitstroom uit het verblijf lukte niet omdat er geen woonplek was.",
}
APPROACH = {
    "consultatie-advies": "Het expertteam gaf consultatie en advies aan de betrokken professionals.",
    "expertise-op-locatie": "Er werd tijdelijk extra expertise ingezet op de plek waar de jongere woonde.",
    "maatwerkplek": "Samen met een aanbieder werd een maatwerkplek gebouwd, buiten het bestaande aanbod.",
    "procesregie": "Een procesregisseur nam de regie en hield alle partijen aan hun afspraken.",
    "multidisciplinair-overleg": "In een multidisciplinair overleg (MDO) maakten alle partijen één plan met het gezin.",
    "ervaringsdeskundige-inzet": "Een ervaringsdeskundige sloot aan en vertaalde wat de jongere bedoelde.",
    "overbrugging-wachttijd": "De wachttijd werd overbrugd met ambulante begeleiding thuis.",
}
OUTCOME = {
    "doorbraak": ["De jongere woont nu stabiel en gaat weer naar school.", "Het gezin heeft weer rust; de hulp is afgeschaald."],
    "gedeeltelijk": ["Er is een plek gevonden, maar school blijft een zorg.", "De crisis is voorbij, de wachtlijst nog niet."],
    "nog-vast": ["De situatie is nog steeds vastgelopen.", "Er is nog geen passende plek; het expertteam blijft betrokken."],
}
LESSONS = [
    "Breng expertise naar de plek waar een jongere woont in plaats van de jongere naar het aanbod te verplaatsen.",
    "Eén regisseur met mandaat voorkomt dat elke nieuwe plek opnieuw begint.",
    "Betrek ouders vanaf het begin, ook als het contact moeizaam is.",
    "Regel de financiering eerst en discussieer later over welke wet betaalt.",
    "Kijk naar wat het gezin nodig heeft, niet naar wat er op de plank ligt.",
    "Een thuiszitter heeft eerst een volwassene nodig die blijft, daarna pas een school.",
]
NEEDED = ["Een vaste plek en volwassenen die bleven.", "Rust, ritme en één aanspreekpunt.", "Een school die hem niet opgaf."]
CREATED = ["Een maatwerkplek in een gezinshuis, gefinancierd als maatwerk.", "Behandeling aan huis door de jeugd-ggz.",
           "Een overbruggingsplek met begeleiding van een ervaringsdeskundige."]
TITLES = [
    "{person} {problem}: {stuck_short}",
    "Doorbraak voor {person_l} {problem}",
    "Vastgelopen hulp bij {person_l} {problem}",
    "Na {n} afwijzingen een plek voor {person_l} {problem}",
]
STUCK_SHORT = {
    "geen-passend-aanbod": "geen passend aanbod", "wachtlijst": "een lange wachtlijst",
    "financiering-tussen-wetten": "financiering tussen de wetten", "afgewezen-door-aanbieders": "afgewezen door aanbieders",
    "onderwijs-ontbreekt": "geen school", "overgang-18": "zorg die stopt bij 18", "te-veel-hulpverleners": "te veel hulpverleners",
    "gezin-niet-betrokken": "ouders buiten beeld", "crisis-escalatie": "crisis na crisis", "uitstroom-verblijf": "geen uitstroom",
}


def _pick(rng, vocabulary, low, high):
    keys = list(TAXONOMY[vocabulary])
    return rng.sample(keys, rng.randint(low, min(high, len(keys))))


def make_record(i, rng):
    problems = _pick(rng, "problem_areas", 1, 3)
    age = rng.choice(list(TAXONOMY["age_bands"]))
    stuck = _pick(rng, "stuck_reasons", 1, 3)
    interventions = _pick(rng, "interventions", 1, 3)
    outcome = rng.choices(list(TAXONOMY["outcome_status"]), weights=[5, 3, 2])[0]
    person = rng.choice(PERSONS)
    problem_text = " en ".join(rng.choice(PROBLEM_PHRASES[p]).replace("met ", "", 1) if j else rng.choice(PROBLEM_PHRASES[p])
                               for j, p in enumerate(problems[:2]))
    title = rng.choice(TITLES).format(person=person, person_l=person[0].lower() + person[1:], problem=problem_text,
                                      stuck_short=STUCK_SHORT[stuck[0]], n=rng.randint(2, 9))[:200]
    summary = (f"{person} {AGE_WORDS[age]} {problem_text} liep vast. {STUCK[stuck[0]]} "
               f"{APPROACH[interventions[0]]}")[:1200]
    situation = " ".join(rng.sample(SITUATION, rng.randint(2, 4)))
    record = {
        "external_id": f"bench-{i:07d}",
        "title": title,
        "summary": summary,
        "situation": situation,
        "stuck_points": " ".join(STUCK[s] for s in stuck),
        "approach": " ".join(APPROACH[x] for x in interventions),
        "outcome": rng.choice(OUTCOME[outcome]),
        "lessons": rng.sample(LESSONS, rng.randint(0, 2)),
        "problem_areas": problems,
        "age_band": age,
        "region": rng.choice(list(TAXONOMY["regions"])),
        "settings": _pick(rng, "settings", 0, 2),
        "framework": rng.choice(list(TAXONOMY["frameworks"])),
        "laws": _pick(rng, "laws", 1, 2),
        "life_domains": _pick(rng, "life_domains", 1, 3),
        "stuck_reasons": stuck,
        "interventions": interventions,
        "outcome_status": outcome,
        "needed": rng.choice(NEEDED),
        "created": rng.choice(CREATED),
        "professionals_involved": rng.randint(1, 25),
        "one_plan": rng.random() < 0.4,
        "consent": "fictief",
        "year": rng.randint(2016, 2025),
        "language": "nl",
    }
    if not record["lessons"]:
        del record["lessons"]
    return record


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("out", nargs="?", default=str(ROOT / "var" / "bench" / "cases.jsonl"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-validate", action="store_true")
    args = parser.parse_args(argv)
    validator = None
    if not args.no_validate:
        from jsonschema import Draft202012Validator

        validator = Draft202012Validator(SCHEMA)
    rng = random.Random(args.seed)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for i in range(args.n):
            record = make_record(i, rng)
            if validator is not None:
                validator.validate(record)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{args.n} records written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
