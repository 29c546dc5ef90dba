"""The public directory: type a municipality, get its expertteam and expertisecentrum in one step."""

from django.db.models import Prefetch
from django.shortcuts import render

from .. import lookup, metrics
from ..map import map_areas
from ..models import ExpertiseArea, JeugdRegion, Municipality
from ..seed import reference_date


def directory(request):
    query = request.GET.get("gemeente", "").strip()[:120]
    matches, suggestions = [], []
    if query:
        matches, suggestions = lookup.find(query, Municipality.objects.select_related("region__area"))
    areas = ExpertiseArea.objects.prefetch_related(
        Prefetch("regions", queryset=JeugdRegion.objects.prefetch_related("municipalities"))
    )
    match = matches[0] if len(matches) == 1 else None
    times = metrics.team_response_times([match.region, match.region.area]) if match else {}
    return render(request, "consultation/directory.html", {
        "times": times.get(match.region.team_key) if match else None,
        "centre_times": times.get(match.region.area.team_key) if match else None,
        "query": query,
        "searched": bool(query),
        "match": match,
        "choices": matches if len(matches) > 1 else [],
        "suggestions": suggestions,
        "areas": areas,
        "map_areas": map_areas(areas),
        "reference_date": reference_date(),
    })
