"""Scheduled (cron, daily): purge closed consultation requests past their retention (see consultation/retention.py)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from consultation import retention


class Command(BaseCommand):
    help = "Verwijdert gesloten consultatievragen ouder dan de bewaartermijn (standaard 2 jaar na sluiten)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="bewaartermijn in dagen (standaard CONSULTATION_RETENTION_DAYS)")
        parser.add_argument("--today", help="peildatum als JJJJ-MM-DD (standaard: nu)")
        parser.add_argument("--dry-run", action="store_true", help="alleen tonen wat verwijderd zou worden")

    def handle(self, *args, days=None, today=None, dry_run=False, **options):
        if days is not None and days < 1:
            raise CommandError(f"--days: {days} moet minstens 1 zijn")
        now = None
        if today:
            try:
                now = timezone.make_aware(datetime.datetime.fromisoformat(today))
            except ValueError as exc:
                raise CommandError(f"--today: '{today}' is geen datum als 2026-03-01") from exc
        purged = retention.purge(now=now, days=days, dry_run=dry_run)
        verb = "zou verwijderen" if dry_run else "verwijderd"
        self.stdout.write(f"{len(purged)} consultatievraag/-vragen {verb}: "
                          + ", ".join(r.reference for r in purged))
