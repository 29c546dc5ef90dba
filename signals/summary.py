"""The generated Dutch sentence under the charts: where care got stuck most often, from the shown counts only."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .aggregates import top_stuck_reasons


def _lower_first(label):
    # "Wachttijd of wachtlijst" reads as "wachttijd of wachtlijst" mid-sentence; "ADHD" stays "ADHD".
    return label[0].lower() + label[1:] if len(label) > 1 and label[1].islower() else label


def _cases(n):
    return ngettext("%(n)d casus", "%(n)d casussen", n) % {"n": n}


def stuck_sentence(stuck_table, region_label=None, year=None):
    top = top_stuck_reasons(stuck_table)
    if not top:
        return _("Er zijn te weinig casussen om te laten zien waar de zorg het vaakst vastliep.")
    # "(12 casussen)", not "(12)": the tables below also count mentions (a case once per problem area), trial 10 F8.
    reasons = ", ".join(f"{_lower_first(str(label))} ({_cases(n)})" for label, n in top)
    values = {"regio": region_label, "jaar": year, "redenen": reasons}
    if region_label and year:
        return _("In %(regio)s liep de zorg in %(jaar)s het vaakst vast op: %(redenen)s.") % values
    if region_label:
        return _("In %(regio)s liep de zorg het vaakst vast op: %(redenen)s.") % values
    if year:
        return _("In %(jaar)s liep de zorg het vaakst vast op: %(redenen)s.") % values
    return _("Over alle regio's en jaren liep de zorg het vaakst vast op: %(redenen)s.") % values


def _top(table, col):
    shown = [(label, table.value(key, col)) for key, label in table.rows]
    return sorted([(label, n) for label, n in shown if n], key=lambda item: -item[1])[:3]


def domain_sentence(domain_table):
    top = _top(domain_table, "cases")
    if not top:
        return ""
    domains = ", ".join(f"{_lower_first(str(label))} ({n})" for label, n in top)
    return _("De leefgebieden die het vaakst betrokken waren: %(domeinen)s.") % {"domeinen": domains}


def outcome_sentence(outcome_table):
    """How the cases ended, from the shown column totals ('hoe het afliep', counted once per case and reason)."""
    shown = [(label, outcome_table.col_total(key)) for key, label in outcome_table.cols]
    shown = [(label, n) for label, n in shown if n]
    if not shown:
        return ""
    parts = ", ".join(f"{_lower_first(str(label))} ({n})" for label, n in shown)
    return _("Uitkomst, geteld per reden van vastlopen: %(uitkomsten)s.") % {"uitkomsten": parts}


def sentences(tables, region_label=None, year=None):
    """The report's summary: where care got stuck, which life domains, how it ended; shown counts only."""
    found = [stuck_sentence(tables["stuck"][1], region_label, year), domain_sentence(tables["life_domains"][1]),
             outcome_sentence(tables["outcome_by_stuck"][1])]
    return [s for s in found if s]
