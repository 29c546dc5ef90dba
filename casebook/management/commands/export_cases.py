import json
import sys

from django.core.management.base import BaseCommand

from casebook.interchange.export import case_to_record, current_version
from casebook.models import CasePage


class Command(BaseCommand):
    help = "Exporteer alle casussen (nieuwste versie) naar een JSON Lines-bestand in het uitwisselformaat."

    def add_arguments(self, parser):
        parser.add_argument("file", help="doelbestand, of - voor standaarduitvoer")

    def handle(self, *args, file, **options):
        pages = CasePage.objects.order_by("external_id")
        out = sys.stdout if file == "-" else open(file, "w", encoding="utf-8")  # noqa: SIM115
        try:
            for page in pages:
                out.write(json.dumps(case_to_record(current_version(page)), ensure_ascii=False) + "\n")
        finally:
            if out is not sys.stdout:
                out.close()
        if file != "-":
            self.stdout.write(f"export: {pages.count()} cases written to {file}")
