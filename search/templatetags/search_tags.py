from django import template

from .. import backend

register = template.Library()


@register.inclusion_tag("search/includes/similar_cases.html", takes_context=True)
def similar_cases(context, page, limit=5):
    """'Vergelijkbare casussen' for a case page, filtered by what the viewer may see."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"similar": backend.similar_cases(page, user, limit), "page": page}
