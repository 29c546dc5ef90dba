"""Retention of pseudonymised consultation data (issue 11).

A closed request (opgevolgd, teruggetrokken, doorverwezen) is purged CONSULTATION_RETENTION_DAYS after closing
(default two years): the request with its discussion, invitations, follow-ups, state history and read log goes.
What stays is only what became an anonymised case: the draft or published case page in the casebook, which has
its own rules. Open requests are never purged, however old.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.models import Channel, ReadEvent

from .audit_log import audit_key
from .models import CLOSED_STATES, ConsultationRequest

DEFAULT_DAYS = 2 * 365


def retention_days():
    return int(getattr(settings, "CONSULTATION_RETENTION_DAYS", DEFAULT_DAYS))


def purgeable(now=None, days=None):
    cutoff = (now or timezone.now()) - datetime.timedelta(days=retention_days() if days is None else days)
    return ConsultationRequest.objects.filter(state__in=CLOSED_STATES, closed_at__lt=cutoff)


def purge(now=None, days=None, dry_run=False):
    requests = list(purgeable(now, days))
    if dry_run:
        return requests
    with transaction.atomic():
        keys = [audit_key(req) for req in requests]
        ReadEvent.objects.filter(channel=Channel.CONSULTATION, external_id__in=keys).delete()
        # Referrals point at the purged original with SET_NULL; the copy at the other team has its own clock.
        ConsultationRequest.objects.filter(pk__in=[r.pk for r in requests]).delete()
    return requests
