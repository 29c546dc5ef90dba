"""One action turns a closed consultation into a draft case (issue 11: every consultation teaches the network).

The draft goes through the casebook's own anonymity gate: it is checked now (status 'wacht op
anonimiteitscontrole' while findings are open) and Page.publish refuses it until they are resolved. Consent is
left empty: an editor must record it before publishing. Import direction: this module imports casebook; casebook
knows nothing of consultations.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casebook.anonymity_gate import import_gate
from casebook.models import CaseIndexPage, CasePage, TaxonomyTerm

OUTCOME_BY_FOLLOW_UP = {"ja": "doorbraak", "deels": "gedeeltelijk", "nee": "nog-vast"}


def _outcome(req):
    last = req.follow_ups.filter(answered_at__isnull=False).order_by("-weeks").first()
    slug = OUTCOME_BY_FOLLOW_UP.get(last.carried_out if last else "", "nog-vast")
    return TaxonomyTerm.objects.get(vocabulary="outcome_status", slug=slug), last


def make_draft_case(req, user):
    advice = req.advice
    outcome_status, last = _outcome(req)
    region = req.receiver.area.region_term or TaxonomyTerm.objects.filter(vocabulary="regions").first()
    actions = "\n".join(f"- {line}" for line in advice.action_lines())
    page = CasePage(
        title=req.title[:200],
        external_id=f"consultatie-{req.public_id.hex[:12]}",
        summary=advice.plain_summary[:1200],
        situation=req.situation,
        stuck_points="\n\n".join(part for part in (req.question, req.tried) if part),
        approach="\n\n".join(part for part in (advice.analysis, advice.advice, actions) if part),
        outcome=(last.what_happened if last else "") or _("Nog niet bekend."),
        needed=req.needed,
        age_band=req.age_band,
        region=region,
        outcome_status=outcome_status,
        year=timezone.localdate().year,
        visibility="network",
        live=False,
    )
    stuck = {t.pk for t in req.stuck_reasons.all()}
    for follow_up in req.follow_ups.all():
        stuck |= {t.pk for t in follow_up.stuck_reasons.all()}
    with transaction.atomic():
        CaseIndexPage.objects.first().add_child(instance=page)
        page.problem_areas.set(req.problem_areas.all())
        page.stuck_reasons.set(TaxonomyTerm.objects.filter(pk__in=stuck))
        page.save()  # parental relations are written on save
        page.save_revision(user=user, log_action=True)
        import_gate(page, user, skip_check=False)
        req.case = page
        req.save(update_fields=["case"])
    return page
