"""The generated Dutch sentence under the charts: where care got stuck most often, from the shown counts only."""

from django.utils.translation import gettext as _

from .aggregates import top_stuck_reasons


def _lower_first(label):
    # "Wachttijd of wachtlijst" reads as "wachttijd of wachtlijst" mid-sentence; "ADHD" stays "ADHD".
    return label[0].lower() + label[1:] if len(label) > 1 and label[1].islower() else label


def stuck_sentence(stuck_table, region_label=None, year=None):
    top = top_stuck_reasons(stuck_table)
    if not top:
        return _("Er zijn te weinig casussen om te laten zien waar de zorg het vaakst vastliep.")
    reasons = ", ".join(f"{_lower_first(str(label))} ({n})" for label, n in top)
    values = {"regio": region_label, "jaar": year, "redenen": reasons}
    if region_label and year:
        return _("In %(regio)s liep de zorg in %(jaar)s het vaakst vast op: %(redenen)s.") % values
    if region_label:
        return _("In %(regio)s liep de zorg het vaakst vast op: %(redenen)s.") % values
    if year:
        return _("In %(jaar)s liep de zorg het vaakst vast op: %(redenen)s.") % values
    return _("Over alle regio's en jaren liep de zorg het vaakst vast op: %(redenen)s.") % values
