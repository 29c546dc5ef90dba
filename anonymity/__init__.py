"""Anonymity check: finds identifying details in texts before they are published — cases, lessons, reflections
and consultations alike. An app of its own that imports none of them: each app gates its own publications with
these functions (casebook/anonymity_gate.py for cases, learning/publication_check.py for lessons and reflections).

    from anonymity import check_text, check_fields, suggestions

check_text/check_fields ask the long-lived checker when ANONYMITY_CHECK_URL is set and
otherwise run the detector in this process (loaded once, on first use).
"""

from .findings import KINDS, Finding
from .service import AnonymityCheckUnavailable, check_fields, check_text
from .suggestions import suggestions

__all__ = [
    "KINDS",
    "AnonymityCheckUnavailable",
    "Finding",
    "check_fields",
    "check_text",
    "suggestions",
]
