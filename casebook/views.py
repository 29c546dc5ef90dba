"""Browse pages: by problem area, by stuck reason, by region. Each lists only the cases the user may see."""

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from .classification import BY_NAME, COARSENABLE
from .listing import paginate
from .models import TaxonomyTerm
from .visibility import allowed_visibilities, visible_cases

# URL segment → (classification field, heading)
BROWSABLE = {
    "probleemgebied": (BY_NAME["problem_areas"], _("Casussen per probleemgebied")),
    "vastgelopen-op": (BY_NAME["stuck_reasons"], _("Casussen per reden van vastlopen")),
    "regio": (BY_NAME["region"], _("Casussen per regio")),
}


def _browsable(kind):
    try:
        return BROWSABLE[kind]
    except KeyError:
        raise Http404 from None


def browse_index(request, kind):
    field, heading = _browsable(kind)
    visible = Q(**{f"{_case_relation(field)}__live": True,
                   f"{_case_relation(field)}__visibility__in": allowed_visibilities(request.user)})
    if field.attr in COARSENABLE:  # issue 4: a case whose region/age band is hidden is not counted under it
        visible &= Q(**{f"{_case_relation(field)}__{COARSENABLE[field.attr]}": False})
    terms = (
        TaxonomyTerm.objects.filter(vocabulary=field.vocabulary)
        .annotate(case_count=Count(_case_relation(field), filter=visible, distinct=True))
        .order_by("sort_order", "label_nl")
    )
    return render(request, "casebook/browse_index.html", {"kind": kind, "heading": heading, "terms": terms,
                                                          "browsable": BROWSABLE})


def browse_term(request, kind, slug):
    field, heading = _browsable(kind)
    term = get_object_or_404(TaxonomyTerm, vocabulary=field.vocabulary, slug=slug)
    cases = visible_cases(request.user).filter(**{field.attr: term}).order_by("-year", "title")
    if field.attr in COARSENABLE:  # issue 4: nor listed under it
        cases = cases.exclude(**{COARSENABLE[field.attr]: True})
    return render(
        request,
        "casebook/browse_term.html",
        {"kind": kind, "heading": heading, "term": term, "cases": paginate(request, cases)},
    )


def _case_relation(field):
    """The reverse name from TaxonomyTerm to CasePage for a classification field."""
    from .models import CasePage

    return CasePage._meta.get_field(field.attr).remote_field.related_name
