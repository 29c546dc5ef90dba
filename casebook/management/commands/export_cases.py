import json

from django.core.management.base import BaseCommand

from casebook.interchange.export import case_to_record, exportable


class Command(BaseCommand):
    help = (
        "Exporteer de gepubliceerde casussen (zoals gepubliceerd) naar een JSON Lines-bestand in het uitwisselformaat, "
        "met zichtbaarheid en verborgen velden."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="doelbestand, of - voor standaarduitvoer")
        parser.add_argument(
            "--include-drafts", action="store_true",
            help="ook concepten, ingetrokken casussen en niet-gepubliceerde wijzigingen (nieuwste versie)",
        )

    def handle(self, *args, file, include_drafts=False, **options):
        out = self.stdout if file == "-" else open(file, "w", encoding="utf-8")  # noqa: SIM115
        count = 0
        try:
            for _page, version in exportable(include_drafts):
                out.write(json.dumps(case_to_record(version), ensure_ascii=False) + "\n")
                count += 1
        finally:
            if file != "-":
                out.close()
        if file != "-":
            self.stdout.write(f"export: {count} cases written to {file}")
