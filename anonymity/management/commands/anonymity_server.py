from django.core.management.base import BaseCommand

from anonymity.service import serve


class Command(BaseCommand):
    help = (
        "Start het anonimiteitscontroleproces: laadt deduce één keer en beantwoordt POST /check op 127.0.0.1. "
        "Zet ANONYMITY_CHECK_URL in de webprocessen op http://127.0.0.1:PORT."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8765)

    def handle(self, *args, host, port, **options):
        serve(host, port)
