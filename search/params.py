"""Reading and checking search parameters once, for every backend (Elasticsearch and database)."""

from dataclasses import dataclass, field

from casebook.classification import CLASSIFICATION_FIELDS
from casebook.text_limits import first_control_character

MAX_QUERY_LENGTH = 10_000
LONG_QUERY_WORDS = 25  # from here a query is treated as a description: "cases like this"
MAX_PAGE_SIZE = 50
MAX_RESULT_WINDOW = 10_000
TYPES = ("case", "lesson", "expert")
SORTS = ("relevance", "year")
FILTER_FIELDS = tuple(cf.name for cf in CLASSIFICATION_FIELDS)


class BadRequest(ValueError):
    """A parameter we cannot answer; the API turns it into a 400 with this message."""


@dataclass
class SearchParams:
    q: str = ""
    types: list = field(default_factory=list)
    filters: dict = field(default_factory=dict)  # field name → list of slugs
    page: int = 1
    page_size: int = 10
    sort: str = "relevance"

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    @property
    def is_description(self):
        return len(self.q.split()) >= LONG_QUERY_WORDS


def _int(value, name, default, low, high):
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise BadRequest(f"{name} moet een geheel getal zijn") from None
    if not low <= number <= high:
        raise BadRequest(f"{name} moet tussen {low} en {high} liggen")
    return number


def _no_control_characters(text, name):
    found = first_control_character(text)
    if found:
        raise BadRequest(f"{name} bevat een onzichtbaar stuurteken (U+{ord(found[1]):04X}) op positie {found[0] + 1}")


def parse(querydict):
    """SearchParams from a request's GET (a QueryDict). Raises BadRequest with a Dutch message."""
    q = (querydict.get("q") or "").strip()
    if len(q) > MAX_QUERY_LENGTH:
        raise BadRequest(f"De zoekvraag is te lang (meer dan {MAX_QUERY_LENGTH} tekens)")
    _no_control_characters(q, "q")
    q = " ".join(q.split())
    types = [t for t in querydict.getlist("type") if t]
    unknown = [t for t in types if t not in TYPES]
    if unknown:
        raise BadRequest(f"Onbekend type: {', '.join(unknown)}")
    filters = {}
    for name in FILTER_FIELDS:
        values = [v for v in querydict.getlist(name) if v]
        if values:
            if len(values) > 50 or any(len(v) > 64 for v in values):
                raise BadRequest(f"Te veel of te lange waarden voor {name}")
            for value in values:
                _no_control_characters(value, name)
            filters[name] = sorted(set(values))
    sort = querydict.get("sort") or "relevance"
    if sort not in SORTS:
        raise BadRequest(f"sort moet een van {', '.join(SORTS)} zijn")
    page_size = _int(querydict.get("page_size"), "page_size", 10, 1, MAX_PAGE_SIZE)
    page = _int(querydict.get("page"), "page", 1, 1, MAX_RESULT_WINDOW)
    if page * page_size > MAX_RESULT_WINDOW:
        raise BadRequest(f"Verder dan resultaat {MAX_RESULT_WINDOW} bladeren kan niet; verfijn de zoekvraag")
    return SearchParams(q=q, types=types, filters=filters, page=page, page_size=page_size, sort=sort)
