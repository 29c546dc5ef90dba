"""The one rule before publication: no unresolved identifying findings (issue 4).

`assert_publishable(page)` is called by the admin's publish hooks and by the importer; nothing else
decides. A finding is resolved when an editor marked it 'niet identificerend' (FindingDecision) while
the same text still stands at that place, or when the text was rewritten.
"""

from __future__ import annotations

import contextvars
import hashlib
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from anonymity.findings import Finding

from . import roles

CASE_FIELDS = {
    "title": "titel",
    "summary": "samenvatting",
    "situation": "situatie",
    "stuck_points": "waar het vastliep",
    "approach": "wat doorbrak",
    "outcome": "uitkomst",
    "needed": "wat nodig was",
    "created": "wat gemaakt moest worden",
    "reflection": "reflectie",
}
PROFILE_FIELDS = {"bio": "over mij", "availability_note": "bereikbaarheid", "job_title": "functie"}
LESSON_PREFIX = "lesson_"
SMALL_GROUP = 3


class NotPublishable(Exception):
    def __init__(self, unresolved: dict[str, list[Finding]]):
        self.unresolved = unresolved
        parts = [f"{len(found)} in '{field_label(name)}'" for name, found in unresolved.items()]
        total = sum(len(found) for found in unresolved.values())
        super().__init__(
            ngettext(
                "Niet gepubliceerd: %(n)d mogelijk identificerend gegeven (%(where)s).",
                "Niet gepubliceerd: %(n)d mogelijk identificerende gegevens (%(where)s).",
                total,
            )
            % {"n": total, "where": ", ".join(parts)}
        )


def _check_fields(fields):
    # Resolved at call time so the checker service or in-process detector is chosen per call (tests swap it).
    from anonymity.service import check_fields

    return check_fields(fields)


def _check_many(batch):
    from anonymity.service import check_many

    return check_many(batch)


def field_label(name: str) -> str:
    if name.startswith(LESSON_PREFIX):
        return f"les {int(name[len(LESSON_PREFIX):]) + 1}"
    return CASE_FIELDS.get(name) or PROFILE_FIELDS.get(name) or name


def page_texts(page) -> dict[str, str]:
    """The texts of a page that are published, by field name; lessons as lesson_0, lesson_1, ..."""
    from casebook.models import CasePage, ExpertProfilePage

    if isinstance(page, CasePage):
        texts = {name: getattr(page, name) or "" for name in CASE_FIELDS}
        for i, lesson in enumerate(page.case_lessons.all()):
            texts[f"{LESSON_PREFIX}{i}"] = lesson.text or ""
        return texts
    if isinstance(page, ExpertProfilePage):
        return {name: getattr(page, name) or "" for name in PROFILE_FIELDS}
    return {}


def set_page_text(page, field: str, value: str) -> None:
    if field.startswith(LESSON_PREFIX):
        lessons = list(page.case_lessons.all())
        lessons[int(field[len(LESSON_PREFIX):])].text = value
        page.case_lessons = lessons
    else:
        setattr(page, field, value)


def texts_digest(page) -> str:
    """A fingerprint of every published text of a page, to tell whether it changed since a skip was recorded."""
    texts = page_texts(page)
    joined = "\x1e".join(f"{name}\x1f{texts[name]}" for name in sorted(texts))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


_remembered = contextvars.ContextVar("anonymity_remembered", default=None)
REMEMBER_AT_MOST = 64


@contextmanager
def remembering_checks():
    """Within a bulk import, identical texts are checked once: the import gate (before saving) and the publish check
    (after) see the same texts, and the detector's findings depend on the texts alone. Decisions are still applied
    per page, every time, by unresolved_findings()."""
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def check_page(page) -> dict[str, list[Finding]]:
    texts = {name: text for name, text in page_texts(page).items() if text.strip()}
    if not texts:
        return {}
    memo = _remembered.get()
    if memo is None:
        return _check_fields(texts)
    key = tuple(sorted(texts.items()))
    if key not in memo:
        if len(memo) >= REMEMBER_AT_MOST:
            memo.clear()
        memo[key] = _check_fields(texts)
    return memo[key]


def check_pages(pages) -> list[dict[str, list[Finding]]]:
    """check_page for many pages with one call to the checker (bulk import); remembered like check_page."""
    memo = _remembered.get()
    texts = [{name: text for name, text in page_texts(page).items() if text.strip()} for page in pages]
    keys = [tuple(sorted(t.items())) for t in texts]
    asked = {key: t for key, t in zip(keys, texts) if t and (memo is None or key not in memo)}
    answers = dict(zip(asked, _check_many(list(asked.values())))) if asked else {}
    results = [{} if not t else answers[key] if key in answers else memo[key] for key, t in zip(keys, texts)]
    if memo is not None:
        if len(memo) + len(answers) > REMEMBER_AT_MOST:
            memo.clear()
        memo.update(list(answers.items())[-REMEMBER_AT_MOST:])
    return results


def unresolved_findings(page, results: dict[str, list[Finding]] | None = None) -> dict[str, list[Finding]]:
    from casebook.models import FindingDecision

    texts = page_texts(page)
    results = check_page(page) if results is None else results
    # Only decisions by someone who may clear a finding count (issue 9: separation of duties).
    decisions = list(FindingDecision.objects.filter(page_id=page.pk).filter(
        Q(decided_by__is_superuser=True) | Q(decided_by__groups__name__in=roles.CLEARS_ANONYMITY_FINDINGS)
    ).distinct()) if page.pk else []
    unresolved = {}
    for field, findings in results.items():
        left = [
            f for f in findings
            if not any(d.applies_to(field, texts.get(field, ""), f) for d in decisions)
        ]
        if left:
            unresolved[field] = left
    return unresolved


def assert_publishable(page) -> None:
    """Raise NotPublishable while findings are unresolved; AnonymityCheckUnavailable if the check can't run."""
    if getattr(page, "anonymity_check_skipped", False) and page.anonymity_skipped_digest == texts_digest(page):
        return  # imported by an admin from a register reviewed at the source, and not edited since
    unresolved = unresolved_findings(page)
    if unresolved:
        raise NotPublishable(unresolved)


def decide_not_identifying(page, field: str, finding: Finding, reason: str, user):
    from casebook.models import FindingDecision

    if not roles.can_clear_anonymity_findings(user):
        raise PermissionDenied("only editors and admins may mark a finding as not identifying")
    before, after = FindingDecision.context_of(page_texts(page)[field], finding)
    decision = FindingDecision(
        page_id=page.pk, field=field, kind=finding.kind, text=finding.text[:300],
        context_before=before, context_after=after, reason=reason, decided_by=user,
    )
    decision.full_clean(exclude=["page", "decided_by"])  # the reason's length and characters (issue 9)
    decision.save()
    return decision


def apply_replacement(page, field: str, finding: Finding, replacement: str, user):
    """Rewrite one finding in the page's working copy and save a new revision (not published)."""
    text = page_texts(page)[field]
    if text[finding.start : finding.end] != finding.text:
        raise ValueError(_("De tekst is intussen gewijzigd; controleer opnieuw."))
    new = text[: finding.start] + replacement + text[finding.end :]
    if not replacement:  # leaving a word out: do not leave a double space behind
        new = text[: finding.start].rstrip(" ") + (" " if text[finding.end : finding.end + 1].isalnum() else "") + text[finding.end :]
    set_page_text(page, field, new)
    return page.save_revision(user=user, log_action=True)


def small_group_warning(page) -> str | None:
    """A warning when region + age band + problem areas describe fewer than 3 published cases."""
    from casebook.models import CasePage

    if not isinstance(page, CasePage):
        return None
    areas = {t.pk for t in page.problem_areas.all()}
    others = CasePage.objects.live().exclude(pk=page.pk).prefetch_related("problem_areas")
    if not page.hide_region:
        others = others.filter(region_id=page.region_id)
    if not page.hide_age_band:
        others = others.filter(age_band_id=page.age_band_id)
    same = sum(1 for other in others if {t.pk for t in other.problem_areas.all()} == areas)
    if same + 1 >= SMALL_GROUP:
        return None
    # Name only what is still shown, and suggest only what the editor has not already done (trial 10, F17).
    if page.hide_region and page.hide_age_band:
        text = ngettext(
            "Kleine groep: %(n)d gepubliceerde casus deelt deze probleemgebieden; regio en leeftijdsgroep worden al "
            "niet vermeld. Overweeg minder of algemenere probleemgebieden.",
            "Kleine groep: %(n)d gepubliceerde casussen delen deze probleemgebieden; regio en leeftijdsgroep worden "
            "al niet vermeld. Overweeg minder of algemenere probleemgebieden.", same)
    elif page.hide_region:
        text = ngettext(
            "Kleine groep: %(n)d gepubliceerde casus deelt deze combinatie van leeftijdsgroep en probleemgebieden; "
            "de regio wordt al niet vermeld. Overweeg 'leeftijdsgroep niet vermelden'.",
            "Kleine groep: %(n)d gepubliceerde casussen delen deze combinatie van leeftijdsgroep en "
            "probleemgebieden; de regio wordt al niet vermeld. Overweeg 'leeftijdsgroep niet vermelden'.", same)
    elif page.hide_age_band:
        text = ngettext(
            "Kleine groep: %(n)d gepubliceerde casus deelt deze combinatie van regio en probleemgebieden; de "
            "leeftijdsgroep wordt al niet vermeld. Overweeg 'regio niet vermelden'.",
            "Kleine groep: %(n)d gepubliceerde casussen delen deze combinatie van regio en probleemgebieden; de "
            "leeftijdsgroep wordt al niet vermeld. Overweeg 'regio niet vermelden'.", same)
    else:
        text = ngettext(
            "Kleine groep: %(n)d gepubliceerde casus deelt deze combinatie van regio, leeftijdsgroep en "
            "probleemgebieden. Overweeg 'regio niet vermelden' of 'leeftijdsgroep niet vermelden'.",
            "Kleine groep: %(n)d gepubliceerde casussen delen deze combinatie van regio, leeftijdsgroep en "
            "probleemgebieden. Overweeg 'regio niet vermelden' of 'leeftijdsgroep niet vermelden'.", same)
    return text % {"n": same}


def import_gate(page, user, *, skip_check: bool) -> dict[str, list[Finding]]:
    """Importer gate, run on the page before its revision is saved.

    Returns the unresolved findings that keep the case a draft ('wacht op anonimiteitscontrole'),
    or {} when it may be published. With skip_check nothing is checked and the skip is recorded.
    """
    from casebook.models import CasePage

    unresolved = {} if skip_check else unresolved_findings(page)
    fields = _gate_fields(page, user, skip_check, unresolved)
    if page.pk:  # the row too, so drafts waiting for the check can be listed
        CasePage.objects.filter(pk=page.pk).update(**fields)
    return unresolved


def import_gate_many(pages, user, *, skip_check: bool, results=None) -> list[dict[str, list[Finding]]]:
    """import_gate for many new (unsaved) pages, their texts checked in one call to the checker (or `results`:
    check_pages(pages), asked earlier). New pages have no editor's decisions yet, so a finding is unresolved exactly
    when the checker reports it."""
    if any(page.pk for page in pages):
        raise ValueError("import_gate_many is for new pages; saved pages go through import_gate")
    if skip_check:
        results = [{}] * len(pages)
    elif results is None:
        results = check_pages(pages)
    held = []
    for page, found in zip(pages, results):
        unresolved = {name: items for name, items in found.items() if items}
        _gate_fields(page, user, skip_check, unresolved)
        held.append(unresolved)
    return held


def _gate_fields(page, user, skip_check, unresolved):
    """Sets the outcome of the gate on the page; returns the fields set."""
    from casebook.models import AnonymityStatus

    if skip_check:
        fields = dict(anonymity_check_skipped=True, anonymity_check_skipped_by=user,
                      anonymity_check_skipped_at=timezone.now(), anonymity_status=AnonymityStatus.NOT_CHECKED,
                      anonymity_skipped_digest=texts_digest(page))
    else:
        fields = dict(anonymity_status=AnonymityStatus.PENDING if unresolved else AnonymityStatus.CLEAR,
                      anonymity_check_skipped=False, anonymity_check_skipped_by=None, anonymity_check_skipped_at=None,
                      anonymity_skipped_digest="")
    for name, value in fields.items():
        setattr(page, name, value)
    return fields
