"""The anonymity gate before a lesson or reflection is published (issue 4's check, `anonymity`).

`findings_for(contribution)` returns a list of plain dicts (field, kind, label, text), empty when the texts are
clean. When the check cannot be asked, it returns one finding of kind "unavailable": never treat an unchecked
text as clean.

Why check_fields and not `casebook.anonymity_gate.assert_publishable`: that gate reads a *page's* texts
(CasePage, ExpertProfilePage) and resolves findings with per-page FindingDecision rows; for any other object it
sees no text and would pass everything. Should it learn lessons and reflections, this is the one place to switch.
"""

from django.utils.translation import gettext as _

from anonymity import AnonymityCheckUnavailable


def _check_fields(fields):
    # Resolved at call time: the detector loads deduce on first use, and tests replace this function.
    from anonymity import check_fields

    return check_fields(fields)


def findings_for(contribution):
    fields = {name: value for name, value in contribution.text_fields().items() if value}
    if not fields:
        return []
    try:
        result = _check_fields(fields)
    except AnonymityCheckUnavailable as exc:
        return [{"field": "", "kind": "unavailable", "label": _("anonimiteitscontrole niet bereikbaar"),
                 "text": str(exc)[:300]}]
    found = []
    for field, findings in result.items():
        for finding in findings:
            found.append({"field": field, "kind": finding.kind, "label": str(finding.label), "text": finding.text})
    return found
