from django.core.management.base import BaseCommand, CommandError

from search import compounds


class Command(BaseCommand):
    help = "Regenerate search/data/compound_parts.txt from Debian's wdutch list (apt-get install wdutch)."

    def handle(self, *args, **options):
        if not compounds.WORDLIST.exists():
            raise CommandError(f"{compounds.WORDLIST} is missing: apt-get install wdutch")
        parts = compounds.write_parts()
        self.stdout.write(f"{len(parts)} parts written to {compounds.PARTS_FILE}")
