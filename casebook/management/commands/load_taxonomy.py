from django.core.management.base import BaseCommand

from casebook.models import TaxonomyTerm
from casebook.taxonomy import SEED_FILE, sync_taxonomy, load_seed


class Command(BaseCommand):
    help = "Laad of ververs de basistaxonomie uit een JSON-bestand (standaard casebook/data/taxonomy.json)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(SEED_FILE))

    def handle(self, *args, file, **options):
        created, updated = sync_taxonomy(TaxonomyTerm, load_seed(file))
        self.stdout.write(f"taxonomy: {created} created, {updated} updated")
