from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from learning.followup import send_reminders


class Command(BaseCommand):
    help = ("E-mail the owners of lesson actions whose 3- or 6-month follow-up is due (run daily, e.g. from cron: "
            "'manage.py send_action_reminders').")

    def add_arguments(self, parser):
        parser.add_argument("--now", help="Pretend it is this moment (ISO 8601, e.g. 2026-06-01T08:00); for tests.")

    def handle(self, *args, now=None, **options):
        if now:
            try:
                now = datetime.fromisoformat(now)
            except ValueError as error:
                raise CommandError(f"--now: '{now}' is geen datum en tijd in ISO 8601 ({error}).") from error
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        sent = send_reminders(now)
        self.stdout.write(f"{sent} follow-up reminder(s) sent")
