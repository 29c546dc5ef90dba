"""Anonymity check: finds identifying details in case texts before they are published.

    from casebook.anonymity import check_text, check_fields, suggestions

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
