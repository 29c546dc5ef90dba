"""The search page (/zoeken/): a GET form with facet checkboxes; works without JavaScript."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import api, backend, labels, params


class _Count:
    """Just enough of a Paginator's object_list for page links of an already-paged total."""

    def __init__(self, total):
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, _slice):
        return []


@require_GET
def search_page(request):
    context = {"query": request.GET.get("q", "")[:params.MAX_QUERY_LENGTH]}
    try:
        search_params = params.parse(request.GET)
    except params.BadRequest as exc:
        context["error"] = str(exc)
        return render(request, "search/search.html", context, status=400)
    result = backend.search(search_params, request.user)
    api._read(request, "search", result["results"])
    total = min(result["total"], params.MAX_RESULT_WINDOW)
    paginator = Paginator(_Count(total), search_params.page_size)
    if total and search_params.page > paginator.num_pages:
        # A page past the end (an old bookmark, a typed number) goes to the last page rather than showing
        # "30 resultaten" above "Niets gevonden" (trial 10, F3).
        query = request.GET.copy()
        query["page"] = paginator.num_pages
        return redirect(f"{request.path}?{query.urlencode()}")
    page_number = min(search_params.page, max(paginator.num_pages, 1))
    facets = []
    for name, entries in result["facets"].items():
        selected = set(search_params.types if name == "type" else search_params.filters.get(name, []))
        # A checked value with no matches left stays listed (count 0), so it can be unchecked.
        missing = selected - {e["key"] for e in entries}
        entries = entries + [{"key": k, "label": labels.label(name, k), "count": 0} for k in sorted(missing)]
        if not entries:
            continue
        facets.append(
            {
                "name": name,
                "label": labels.FIELD_LABELS.get(name, _("Soort")) if name != "type" else _("Soort"),
                "entries": [dict(e, checked=e["key"] in selected) for e in entries],
                "open": bool(selected),
            }
        )
    concept_links = []
    for concept in result.get("concepts") or []:
        query = request.GET.copy()
        query.pop("page", None)
        query.appendlist(concept["field"], concept["slug"])
        # The label in the interface language ("Autism spectrum"), as the facets and /leren/ show it.
        label = labels.label(concept["field"], concept["slug"])
        concept_links.append(dict(concept, label=label, href=f"?{query.urlencode()}"))
    context.update(
        concept_links=concept_links,
        params=search_params,
        result=result,
        facets=facets,
        items=paginator.page(page_number) if total else None,
        sorts=[("relevance", _("Relevantie")), ("year", _("Nieuwste eerst"))],
    )
    return render(request, "search/search.html", context)
