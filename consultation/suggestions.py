"""Which experts a coordinator might invite: by expertise profile, and by the most similar published cases.

Similar cases come from search's similar-case machinery (Elasticsearch, or the database when it is not there),
seen with the coordinator's own visibility, so a suggestion never reveals a case the coordinator may not read.
"""

from dataclasses import dataclass, field

from casebook.models import CasePage, ExpertProfilePage
from search import backend

from .models import ExpertAccount

SIMILAR_CASES = 5


@dataclass
class Suggestion:
    profile: ExpertProfilePage
    user_id: int | None
    shared_areas: list = field(default_factory=list)
    via_cases: list = field(default_factory=list)

    @property
    def score(self):
        return 2 * len(self.via_cases) + len(self.shared_areas)


def similar_cases(req, user):
    areas = [t.slug for t in req.problem_areas.all()]
    classification = {"problem_areas": areas, "stuck_reasons": [t.slug for t in req.stuck_reasons.all()],
                      "age_band": [req.age_band.slug]}
    text = "\n".join([req.title, req.question, req.situation, req.tried])
    return backend.similar_to_text(text, classification, user, limit=SIMILAR_CASES, title=req.title)


def suggest_experts(req, user, limit=8):
    areas = set(req.problem_areas.values_list("pk", flat=True))
    found = {}
    profiles = ExpertProfilePage.objects.live().filter(available_for_consultation=True)
    for profile in profiles.filter(expertise_areas__in=areas).distinct().prefetch_related("expertise_areas"):
        found[profile.pk] = Suggestion(profile, None, [t for t in profile.expertise_areas.all() if t.pk in areas])
    ids = [hit["external_id"] for hit in similar_cases(req, user)]
    cases = {c.external_id: c for c in CasePage.objects.filter(external_id__in=ids)}
    for external_id in ids:
        case = cases.get(external_id)
        if case is None:
            continue
        for profile in profiles.filter(cases=case):
            suggestion = found.setdefault(profile.pk, Suggestion(profile, None))
            suggestion.via_cases.append(case)
    accounts = dict(ExpertAccount.objects.filter(profile_id__in=found).values_list("profile_id", "user_id"))
    for pk, suggestion in found.items():
        suggestion.user_id = accounts.get(pk)
    invited = set(req.invitations.values_list("expert_id", flat=True))
    ranked = sorted((s for s in found.values() if s.user_id not in invited or s.user_id is None),
                    key=lambda s: (-s.score, s.profile.title))
    return ranked[:limit]
