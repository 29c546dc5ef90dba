from django.core.management.base import BaseCommand, CommandError

from search import compound_parts


class Command(BaseCommand):
    help = "Regenerate search/data/compound_parts.txt from Debian's wdutch list (apt-get install wdutch)."

    def handle(self, *args, **options):
        if not compound_parts.WORDLIST.exists():
            raise CommandError(f"{compound_parts.WORDLIST} is missing: apt-get install wdutch")
        parts = compound_parts.write_parts()
        self.stdout.write(f"{len(parts)} parts written to {compound_parts.OUTPUT}")
