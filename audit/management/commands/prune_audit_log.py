from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from audit.models import ReadEvent


class Command(BaseCommand):
    help = "Verwijder leesgebeurtenissen ouder dan AUDIT_RETENTION_DAYS (dagelijks draaien)."

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.AUDIT_RETENTION_DAYS)
        removed, _ = ReadEvent.objects.filter(at__lt=cutoff).delete()
        self.stdout.write(f"leeslog: {removed} gebeurtenissen van voor {cutoff:%Y-%m-%d} verwijderd")
