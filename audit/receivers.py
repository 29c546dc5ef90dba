"""Turning the casebook's `case_read` and `cases_exported` signals into ReadEvents."""

from django.conf import settings

from .models import Channel, ReadEvent


def _who(user, fallback=""):
    if user is not None and user.is_authenticated:
        return user, user.get_username()
    return None, fallback or "anoniem"


def record_reads(sender, user, channel, pages=(), external_ids=(), **_kwargs):
    """Record reads of audited cases among `pages` (CasePage objects) or `external_ids` (search results)."""
    from casebook.models import CasePage

    audited = settings.AUDITED_VISIBILITIES
    found = [(p.external_id, p.visibility) for p in pages if p.visibility in audited]
    if external_ids:
        found += list(CasePage.objects.filter(external_id__in=list(external_ids), visibility__in=audited)
                      .values_list("external_id", "visibility"))
    if not found:
        return
    account, name = _who(user)
    ReadEvent.objects.bulk_create(
        ReadEvent(user=account, username=name, channel=channel, external_id=external_id, visibility=visibility)
        for external_id, visibility in found
    )


def record_export(sender, pages, include_drafts, user=None, username="", **_kwargs):
    """Every export, with the audited cases it contained."""
    account, name = _who(user, username)
    audited = settings.AUDITED_VISIBILITIES
    ReadEvent.objects.create(
        user=account, username=name, channel=Channel.EXPORT,
        detail={"cases": len(pages), "include_drafts": include_drafts,
                "audited_cases": sorted(p.external_id for p in pages if p.visibility in audited)},
    )
