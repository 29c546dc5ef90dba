import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from casebook.interchange.importing import ImportRejected, import_lines
from casebook.visibility import Visibility


class Command(BaseCommand):
    help = "Importeer geanonimiseerde casussen uit een JSON Lines-bestand (uitwisselformaat). Alles of niets."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON Lines-bestand, of - voor standaardinvoer")
        parser.add_argument("--visibility", choices=Visibility.values, help="zichtbaarheid van de casussen")
        parser.add_argument("--publish", action="store_true", help="publiceer de geïmporteerde casussen")

    def handle(self, *args, file, visibility, publish, **options):
        lines = self._read(file)
        try:
            summary = import_lines(lines, visibility=visibility, publish=publish, progress=sys.stderr.isatty())
        except ImportRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(str(problem))
            self.stderr.write(f"{len(rejected.problems)} problem(s); nothing was imported.")
            sys.exit(2)
        self.stdout.write(f"import: {summary}")

    def _read(self, file):
        try:
            if file == "-":
                return sys.stdin.read().splitlines()
            return Path(file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{file}: cannot read: {exc}") from exc
