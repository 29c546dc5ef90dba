"""Response times per expertteam and expertisecentrum, from the recorded state history (never from editable fields).

First response: from a request's first submission to the first state change after it (accepted, referred on,
or sent back for more information). Advice: from its first submission to 'advies gegeven'.
"""

import statistics
from collections import defaultdict

from django.db.models import Q

from .models import ExpertiseArea, JeugdRegion, State, StateChange
from .models.requests import asked


def team_response_times(teams=None):
    """{team_key: {"first_response": timedelta|None, "advice": timedelta|None, "n_response": int, "n_advice": int}}

    `teams` is a list of JeugdRegion and ExpertiseArea instances (None: all); keys are their `team_key`s."""
    changes = StateChange.objects.order_by("request_id", "at", "pk").values_list(
        "request_id", "request__team_id", "request__centre_id", "to_state", "at")
    if teams is not None:
        wanted = Q(pk__in=[])
        for team in teams:
            wanted |= asked(team, prefix="request__")
        changes = changes.filter(wanted)
    per_request = defaultdict(list)
    team_of = {}
    for request_id, team_id, centre_id, to_state, at in changes:
        per_request[request_id].append((to_state, at))
        team_of[request_id] = (f"{JeugdRegion.key_prefix}-{team_id}" if team_id
                               else f"{ExpertiseArea.key_prefix}-{centre_id}")
    responses, advices = defaultdict(list), defaultdict(list)
    for request_id, history in per_request.items():
        first_submitted = None
        for to_state, at in history:
            if to_state == State.SUBMITTED:
                first_submitted = first_submitted or at
            elif to_state == State.WITHDRAWN:
                break  # the requester's act, not the team's response
            elif first_submitted is not None:
                responses[team_of[request_id]].append(at - first_submitted)
                break
        for to_state, at in history:
            if to_state == State.ADVISED and first_submitted:
                advices[team_of[request_id]].append(at - first_submitted)
                break
    teams = set(responses) | set(advices)
    return {team: {"first_response": statistics.median(responses[team]) if responses[team] else None,
                   "advice": statistics.median(advices[team]) if advices[team] else None,
                   "n_response": len(responses[team]), "n_advice": len(advices[team])} for team in teams}


def as_days(delta):
    """A duration as days with one decimal, for people ('2,5 dagen' reads better than '2 days, 12:00:00')."""
    return None if delta is None else round(delta.total_seconds() / 86400, 1)
