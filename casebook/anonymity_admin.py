"""Wagtail admin side of the anonymity check: the publish hooks and the findings view.

Registered from casebook/wagtail_hooks.py. Publishing refuses while findings are unresolved; the
findings view shows each one in its sentence and lets the editor mark it 'niet identificerend' (with a
reason) or apply a suggested replacement, which saves a new revision.
"""

from __future__ import annotations

import regex as re
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from anonymity.findings import Finding
from anonymity.service import AnonymityCheckUnavailable
from anonymity.suggestions import suggestions

from . import anonymity_gate as publishing
from . import roles

URL_NAME = "casebook_anonymity_findings"


def _checked(page) -> bool:
    return bool(publishing.page_texts(page))


def findings_url(page) -> str:
    return reverse(URL_NAME, args=[page.pk])


# ---- publish hooks -------------------------------------------------------------------------------------------


def before_publish_page(request, page):
    """Edit and create views: the revision is saved; refuse to make it live while findings are open."""
    page = page.specific
    if page.live and page.first_published_at is None:
        # Wagtail's create view saves a new page as live before this hook runs: it goes live only when its revision
        # is published below, so a refusal cannot leave it online.
        Page.objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
        page.live = False
    if not _checked(page):
        return None
    try:
        publishing.assert_publishable(page)
    except publishing.NotPublishable as refused:
        messages.error(request, str(refused))
        return redirect(findings_url(page))
    except AnonymityCheckUnavailable as exc:
        messages.error(request, _("Niet gepubliceerd: %(error)s") % {"error": exc})
        return redirect("wagtailadmin_pages:edit", page.pk)
    warning = publishing.small_group_warning(page)
    if warning:
        messages.warning(request, warning)
    return None


def before_bulk_action(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    for page in objects:
        page = page.specific
        if not _checked(page):
            continue
        working = page.get_latest_revision_as_object()
        try:
            publishing.assert_publishable(working)
        except (publishing.NotPublishable, AnonymityCheckUnavailable) as refused:
            messages.error(request, f"{page.get_admin_display_title()}: {refused}")
            return redirect(findings_url(page))
    return None


def header_buttons(page, user, view_name, next_url=None):
    if _checked(page.specific):
        yield PageMenuItem(_("Anonimiteitscontrole"), findings_url(page), icon_name="warning", priority=12, page=page)


def admin_urls():
    return [path("anonimiteit/<int:page_id>/", findings_view, name=URL_NAME)]


# ---- findings view -------------------------------------------------------------------------------------------

_SENTENCE_EDGE = re.compile(r"[.!?\n]")


def _sentence(text: str, finding: Finding) -> tuple[str, str, str]:
    starts = [m.end() for m in _SENTENCE_EDGE.finditer(text, 0, finding.start)]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_EDGE.search(text, finding.end)
    end = end_match.end() if end_match else len(text)
    return text[start : finding.start].lstrip(), finding.text, text[finding.end : end].rstrip()


def _rows(working, results, unresolved):
    texts = publishing.page_texts(working)
    rows = []
    for field, findings in results.items():
        open_ = set(unresolved.get(field, []))
        for finding in findings:
            before, marked, after = _sentence(texts[field], finding)
            rows.append({
                "field": field,
                "field_label": publishing.field_label(field),
                "finding": finding,
                "before": before,
                "marked": marked,
                "after": after,
                "resolved": finding not in open_,
                "suggestions": [(s, s or _("(weglaten)")) for s in suggestions(finding, texts[field])],
            })
    return rows


def _posted_finding(request) -> tuple[str, Finding]:
    try:
        finding = Finding(request.POST["kind"], int(request.POST["start"]), int(request.POST["end"]), request.POST["text"])
        return request.POST["field"], finding
    except (KeyError, ValueError):
        raise PermissionDenied


def findings_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit() or not _checked(page):
        raise PermissionDenied
    working = page.get_latest_revision_as_object()

    try:
        results = publishing.check_page(working)
    except AnonymityCheckUnavailable as exc:
        messages.error(request, str(exc))
        results = None

    if request.method == "POST" and results is not None:
        field, finding = _posted_finding(request)
        if finding not in results.get(field, []):
            messages.error(request, _("Deze bevinding staat niet meer in de tekst; de lijst is bijgewerkt."))
        elif request.POST.get("action") == "decide":
            if not roles.can_clear_anonymity_findings(request.user):
                raise PermissionDenied  # issue 9: moderators may rewrite, not clear
            reason = request.POST.get("reason", "").strip()
            if not reason:
                messages.error(request, _("Geef een reden waarom dit niet identificerend is."))
            else:
                try:
                    publishing.decide_not_identifying(working, field, finding, reason, request.user)
                except ValidationError as invalid:  # issue 9 (8): too long, or a control character
                    messages.error(request, " ".join(invalid.messages))
                else:
                    messages.success(request, _("'%(text)s' gemarkeerd als niet identificerend.")
                                     % {"text": finding.text})
        elif request.POST.get("action") == "replace":
            replacement = request.POST.get("replacement", "")
            allowed = suggestions(finding, publishing.page_texts(working)[field])
            if replacement not in allowed:
                raise PermissionDenied
            publishing.apply_replacement(working, field, finding, replacement, request.user)
            messages.success(request, _("Vervangen; er is een nieuwe versie opgeslagen (nog niet gepubliceerd)."))
        return redirect(findings_url(page))

    unresolved = publishing.unresolved_findings(working, results) if results is not None else {}
    return render(request, "casebook/admin/anonymity_findings.html", {
        "page": page,
        "rows": _rows(working, results, unresolved) if results is not None else [],
        "open_count": sum(len(v) for v in unresolved.values()),
        "check_failed": results is None,
        "small_group_warning": publishing.small_group_warning(working),
        "skipped": getattr(working, "anonymity_check_skipped", False),
        "can_clear": roles.can_clear_anonymity_findings(request.user),
    })
