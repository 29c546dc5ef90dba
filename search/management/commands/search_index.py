from django.core.management.base import BaseCommand, CommandError

from search import client, indexing


class Command(BaseCommand):
    help = "Create the search index, or rebuild it from every live page and swap the alias atomically."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="build a new timestamped index and swap the alias")
        parser.add_argument("--drop", action="store_true", help="delete this prefix's indexes")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        if not client.is_configured():
            raise CommandError("ELASTICSEARCH_URL is not set; the database search needs no index")
        if options["drop"]:
            indexing.drop_all()
            self.stdout.write(f"dropped {client.alias_name()}")
            return
        if options["rebuild"]:
            name, count = indexing.rebuild(progress=not options["no_progress"])
            self.stdout.write(f"{count} documents in {name}; {client.alias_name()} now points at it")
            return
        self.stdout.write(f"alias {indexing.ensure_index()} ready")
