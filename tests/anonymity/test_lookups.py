"""anonymity/lookups.py runs deduce's look-ups and name patterns without deduce's pipeline (issue 10, speed): it
must answer what deduce's own processors answer, or the detector silently loses names, places and streets."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.deduce

DATA = Path(__file__).resolve().parent / "data"
# The processors lookups.py replaces run; everything else is off, as the detector had it before.
_OFF = {"dates", "ages", "identifiers", "phone_numbers", "email_addresses", "urls", "postal_code", "postbus",
        "clean_street_tags", "overlap_resolver", "merge_adjacent_annotations", "redactor"}
_KINDS = {"persoon": "name", "patient": "name", "locatie": "place", "ziekenhuis": "institution",
          "zorginstelling": "institution"}


def _deduce_answers(model, text):
    out = set()
    for ann in model.deidentify(text, disabled=_OFF).annotations:
        kind = "address" if ann.tag.startswith("straat+huisnummer") else _KINDS.get(ann.tag)
        if kind:
            out.add((kind, ann.start_char, ann.end_char))
    return out


def test_lookups_answer_what_deduce_answers(detector):
    from anonymity.evaluation import read_clean, read_planted

    texts = [d.text for d in read_planted(DATA / "dev")] + list(read_clean(DATA / "dev" / "clean").values())
    texts.append("Dhr. J. van der Berg-de Vries en mw. A.B. Jansen wonen aan de Kerkstraat 12a in Den Haag; "
                 "opname in het Antonius Ziekenhuis, daarna Pluryn. Hij heeft de ziekte van Parkinson.")
    assert len(texts) > 50
    for text in texts:
        ours = {(kind, start, end) for kind, start, end, _ in detector._lookups.annotate(text)}
        assert ours == _deduce_answers(detector._deduce, text), text[:80]
