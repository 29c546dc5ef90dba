import sys

from django.core.management.base import BaseCommand

from anonymity.cli import run
from anonymity.service import AnonymityCheckUnavailable


class Command(BaseCommand):
    help = (
        "Zoek identificerende gegevens in platte tekst of JSON Lines (veld 'text', optioneel 'id'). "
        "Exit 1 als er iets gevonden is, 0 als niets, 2 bij onleesbare invoer."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="tekstbestand of JSON Lines; - voor standaardinvoer")
        parser.add_argument("--json", action="store_true", help="één JSON-object per document")

    def handle(self, *args, files, json, **options):
        try:
            output, status = run(files, as_json=json, stdin=sys.stdin)
        except AnonymityCheckUnavailable as exc:
            self.stderr.write(str(exc))
            sys.exit(2)
        (self.stdout if status != 2 else self.stderr).write(output)
        sys.exit(status)
