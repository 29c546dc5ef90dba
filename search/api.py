"""JSON API: /api/v1/search, /api/v1/autocomplete, /api/v1/cases/<external_id>/similar."""

from functools import wraps

from django.conf import settings
from django.http import Http404, JsonResponse
from django_ratelimit.core import is_ratelimited

from accounts.network import client_ip
from casebook.text_limits import first_control_character
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


def rate_limited(view):
    """At most settings.API_RATE requests per signed-in user, or per client address for anonymous callers."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if is_ratelimited(request, group="api", key=_caller, rate=settings.API_RATE, increment=True):
            response = _error("Te veel verzoeken; probeer het over een minuut opnieuw", status=429)
            response["Retry-After"] = "60"
            return response
        return view(request, *args, **kwargs)

    return wrapped


def _caller(_group, request):
    return f"user:{request.user.pk}" if request.user.is_authenticated else f"ip:{client_ip(request)}"


@require_GET
@rate_limited
def search(request):
    try:
        search_params = params.parse(request.GET)
    except params.BadRequest as exc:
        return _error(str(exc))
    result = backend.search(search_params, request.user)
    _read(request, "api", result["results"])
    return _json(result)


@require_GET
@rate_limited
def autocomplete(request):
    q = (request.GET.get("q") or "").strip()
    if len(q) > 200:
        return _error("Te lang voor aanvullen (maximaal 200 tekens)")
    if first_control_character(q):
        return _error("q bevat een onzichtbaar stuurteken")
    return _json(backend.autocomplete(q, request.user))


@require_GET
@rate_limited
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
