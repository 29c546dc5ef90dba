"""The domain word list for splitting Dutch compounds (`jeugdhulpaanbieder` → jeugd, hulp, aanbieder).

A full Dutch word list over-splits ordinary words, so we keep only the parts professionals compound with,
each checked against Debian's `wdutch` list (/usr/share/dict/dutch, the OpenTaal words). The result is
committed as search/data/compound_parts.txt and sent inline as the decompounder's `word_list`.
Regenerate with `python manage.py search_compound_parts`.
"""

from pathlib import Path

WORDLIST = Path("/usr/share/dict/dutch")
OUTPUT = Path(__file__).resolve().parent / "data" / "compound_parts.txt"

# Parts (≥ 4 letters, so `thuis` does not yield `huis` noise via short parts) that youth-care compounds are made of.
DOMAIN_PARTS = """
aanbieder aanbod aanpak afspraak behandel behandeling bescherming beschermings begeleiding beperking
crisis dagbesteding diagnose expertise gezin gezins gemeente geweld groep hulp hulpverlener
indicatie instelling jeugd jongere kind kinder leerling leerplicht lijst maatwerk melding ouder
onderwijs opvang overleg pleeg plek plaatsing psychiater psycholoog regie regisseur school
traject trauma uitbuiting verblijf verslaving verzuim voogd voogdij wacht wachtlijst wachttijd
werk woon wonen zorg zorgaanbieder
""".split()


def derive(words):
    """The domain parts that are real Dutch words, sorted; parts missing from the list are dropped."""
    known = {w.strip().lower() for w in words}
    return sorted({part for part in DOMAIN_PARTS if part in known})


def read_parts(path=OUTPUT):
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def write_parts(wordlist=WORDLIST, output=OUTPUT):
    with open(wordlist, encoding="utf-8", errors="ignore") as handle:
        parts = derive(handle)
    header = "# Samenstellingsdelen voor de decompounder; afgeleid uit wdutch door search/compound_parts.py\n"
    output.write_text(header + "\n".join(parts) + "\n", encoding="utf-8")
    return parts
