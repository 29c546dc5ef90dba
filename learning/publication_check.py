"""The anonymity gate before a lesson or reflection is published (issue 4's check, `anonymity`).

`findings_for(contribution)` returns a list of plain dicts (field, kind, label, text), empty when the texts are
clean. When the check cannot be asked, it returns one finding of kind "unavailable": never treat an unchecked
text as clean.

Findings an editor marked 'niet identificerend' (ContributionFindingDecision: reason, who, when, bound to the
words around the finding) no longer count; a changed text is checked again at the next closing.

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


def _decisions(contribution):
    """Decisions by someone who may clear a finding (issue 9: separation of duties), as for cases."""
    from django.db.models import Q

    from casebook import roles

    if not contribution.pk:
        return []
    return list(contribution.anonymity_decisions.filter(
        Q(decided_by__is_superuser=True) | Q(decided_by__groups__name__in=roles.CLEARS_ANONYMITY_FINDINGS)
    ).distinct())


def findings_for(contribution):
    """The findings no one has marked 'niet identificerend' for the text as it stands now."""
    fields = {name: value for name, value in contribution.text_fields().items() if value}
    if not fields:
        return []
    try:
        result = _check_fields(fields)
    except AnonymityCheckUnavailable as exc:
        return [{"field": "", "kind": "unavailable", "label": _("anonimiteitscontrole niet bereikbaar"),
                 "text": str(exc)[:300]}]
    decisions = _decisions(contribution)
    found = []
    for field, findings in result.items():
        for finding in findings:
            if any(d.applies_to(field, fields[field], finding) for d in decisions):
                continue
            found.append({"field": field, "kind": finding.kind, "label": str(finding.label), "text": finding.text,
                          "start": finding.start, "end": finding.end})
    return found


def decide_not_identifying(contribution, field, finding, reason, user):
    """Record 'niet identificerend' for one finding that is in the contribution's text now."""
    from django.core.exceptions import PermissionDenied, ValidationError

    from casebook import roles
    from casebook.models import FindingDecision

    from .models import ContributionFindingDecision, Lesson

    if not roles.can_clear_anonymity_findings(user):
        raise PermissionDenied("only editors and admins may mark a finding as not identifying")
    text = contribution.text_fields().get(field) or ""
    if text[finding.start : finding.end] != finding.text:
        raise ValidationError(_("Deze bevinding staat niet meer in de tekst."))
    before, after = FindingDecision.context_of(text, finding)
    target = {"lesson": contribution} if isinstance(contribution, Lesson) else {"reflection": contribution}
    decision = ContributionFindingDecision(field=field, kind=finding.kind, text=finding.text[:300],
                                           context_before=before, context_after=after, reason=reason.strip(),
                                           decided_by=user, **target)
    decision.full_clean(exclude=["lesson", "reflection", "decided_by"])
    decision.save()
    return decision
