from django.core.paginator import Paginator

PAGE_SIZE = 20


def paginate(request, queryset, per_page=PAGE_SIZE):
    """One page of `queryset`; an invalid or out-of-range ?page= gives the nearest valid page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
