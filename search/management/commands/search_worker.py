import logging
import time

from django.core.management.base import BaseCommand, CommandError

from search import client, tasks
from search.models import IndexOutbox

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Apply queued index updates (the outbox) to Elasticsearch; loops unless --once."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="drain once and exit")
        parser.add_argument("--interval", type=float, default=2.0, help="seconds between polls")

    def handle(self, *args, **options):
        if not client.is_configured():
            raise CommandError("ELASTICSEARCH_URL is not set")
        backoff = options["interval"]
        while True:
            try:
                applied = tasks.drain()
                backoff = options["interval"]
                if applied or options["verbosity"] > 1:
                    self.stdout.write(f"applied {applied}; {IndexOutbox.objects.count()} waiting")
            except Exception as exc:  # noqa: BLE001 - keep the rows, retry later
                tasks.record_failure(exc)
                self.stderr.write(f"Elasticsearch unavailable ({exc}); {IndexOutbox.objects.count()} waiting")
                if options["once"]:
                    raise CommandError("outbox not drained") from exc
                backoff = min(backoff * 2, 60)
            if options["once"]:
                return
            time.sleep(backoff)
