"""Daily (cron): ask requesters for the 6- and 12-week follow-up once it is due, once.

`--today YYYY-MM-DD` fixes the clock (tests, catching up after downtime)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from consultation import notifications
from consultation.models import FollowUp, State


class Command(BaseCommand):
    help = "Stuurt opvolgvragen (6 en 12 weken na het advies) die vandaag of eerder vervielen."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="datum als JJJJ-MM-DD (standaard: vandaag)")

    def handle(self, *args, today=None, **options):
        try:
            day = datetime.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"--today: '{today}' is geen datum als 2026-03-01") from exc
        due = FollowUp.objects.filter(due_on__lte=day, reminded_at__isnull=True, answered_at__isnull=True,
                                      request__state=State.ADVISED).select_related("request__requester")
        sent = 0
        for follow_up in due:
            notifications.follow_up_due(follow_up)
            follow_up.reminded_at = timezone.now()
            follow_up.save(update_fields=["reminded_at"])
            sent += 1
        self.stdout.write(f"{sent} opvolgvraag/-vragen verstuurd (peildatum {day:%Y-%m-%d}).")
