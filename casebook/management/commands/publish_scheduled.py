"""Wagtail's `publish_scheduled`, but a page the anonymity gate refuses is skipped, logged, and the rest go on.

Wagtail's own command publishes revision after revision and stops at the first exception; our model-level gate
(casebook/anonymity_gate.py, through Page.publish) raises for a case with open findings, so one such case would
hold back every later scheduled page. Here the refused revision stays scheduled: it goes live on the first run
after its findings are resolved.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Revision

from anonymity import AnonymityCheckUnavailable
from casebook.anonymity_gate import NotPublishable

logger = logging.getLogger("casebook.publish_scheduled")


class Command(WagtailCommand):
    help = "Publish scheduled pages and unpublish expired ones; skip (and log) pages the anonymity check refuses."

    def handle(self, *args, **options):
        if options.get("dryrun"):
            return super().handle(*args, **options)
        self._unpublish_expired()
        for revision in Revision.objects.filter(approved_go_live_at__lt=timezone.now()).order_by("approved_go_live_at"):
            try:
                with transaction.atomic():  # nothing of a refused publication is kept
                    revision.publish(log_action="wagtail.publish.scheduled")
            except (NotPublishable, AnonymityCheckUnavailable) as refused:
                logger.warning("publish_scheduled: skipped %s (revision %s, object %s): %s",
                               revision.object_str, revision.pk, revision.object_id, refused)
                self.stderr.write(f"Overgeslagen: {revision.object_str}: {refused}")

    @staticmethod
    def _unpublish_expired():
        # As Wagtail does it (step 1 of its command), without the dry-run listing.
        from django.apps import apps
        from wagtail.models import DraftStateMixin, Page

        models = [Page] + [m for m in apps.get_models() if issubclass(m, DraftStateMixin) and not issubclass(m, Page)]
        for model in models:
            for obj in list(model.objects.filter(live=True, expire_at__lt=timezone.now()).order_by("expire_at")):
                obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
