from .anonymity import AnonymityStatus, FindingDecision  # issue 4: anonymity check
from .case import CaseLesson, CasePage, Consent, Language
from .pages import CaseIndexPage, ExpertIndexPage, HomePage
from .profile import ExpertProfilePage, ProfileRole
from .taxonomy import TaxonomyTerm, Vocabulary

__all__ = [
    "AnonymityStatus",
    "FindingDecision",
    "CaseIndexPage",
    "CaseLesson",
    "CasePage",
    "Consent",
    "ExpertIndexPage",
    "ExpertProfilePage",
    "HomePage",
    "Language",
    "ProfileRole",
    "TaxonomyTerm",
    "Vocabulary",
]
