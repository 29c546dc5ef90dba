"""JSON API: /api/v1/search, /api/v1/autocomplete, /api/v1/cases/<external_id>/similar."""

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from casebook.models import CasePage
from casebook.signals import case_read
from casebook.visibility import visible_cases

from . import backend, params


def _read(request, channel, results):
    """Tell the read audit which cases an answer listed (it records the restricted ones)."""
    ids = [hit["external_id"] for hit in results if hit.get("type") == "case"]
    if ids and request.user.is_authenticated:  # anonymous answers hold public cases only
        case_read.send(sender=CasePage, user=request.user, channel=channel, external_ids=ids)


def _error(message, status=400):
    return JsonResponse({"error": message}, status=status, json_dumps_params={"ensure_ascii": False})


def _json(data):
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    # Results depend on who asks (visibility): never share them through a cache.
    response["Cache-Control"] = "private, no-store"
    response["Vary"] = "Cookie"
    return response


@require_GET
def search(request):
    try:
        search_params = params.parse(request.GET)
    except params.BadRequest as exc:
        return _error(str(exc))
    result = backend.search(search_params, request.user)
    _read(request, "api", result["results"])
    return _json(result)


@require_GET
def autocomplete(request):
    q = (request.GET.get("q") or "").strip()
    if len(q) > 200:
        return _error("Te lang voor aanvullen (maximaal 200 tekens)")
    return _json(backend.autocomplete(q, request.user))


@require_GET
def similar(request, external_id):
    try:
        limit = params._int(request.GET.get("limit"), "limit", 5, 1, 20)
    except params.BadRequest as exc:
        return _error(str(exc))
    page = visible_cases(request.user).filter(external_id=external_id).first()
    if page is None:
        raise Http404  # unknown or not visible: the same answer, so nothing leaks
    case_read.send(sender=CasePage, user=request.user, channel="api", pages=[page])
    results = backend.similar_cases(page, request.user, limit)
    _read(request, "api", results)
    return _json({"external_id": external_id, "results": results})
