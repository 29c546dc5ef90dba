import getpass
import json

from django.core.management.base import BaseCommand, CommandError

from casebook.interchange.export import case_to_record, exportable
from casebook.models import CasePage
from casebook.signals import cases_exported


class Command(BaseCommand):
    help = (
        "Exporteer de gepubliceerde casussen (zoals gepubliceerd) naar een JSON Lines-bestand in het uitwisselformaat, "
        "met zichtbaarheid en verborgen velden."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="doelbestand, of - voor standaarduitvoer")
        parser.add_argument("--user", help="gebruikersnaam die exporteert (vastgelegd in de leeslog)")
        parser.add_argument(
            "--include-drafts", action="store_true",
            help="ook concepten, ingetrokken casussen en niet-gepubliceerde wijzigingen (nieuwste versie)",
        )

    def handle(self, *args, file, include_drafts=False, user=None, **options):
        account = self._user(user)
        out = self.stdout if file == "-" else open(file, "w", encoding="utf-8")  # noqa: SIM115
        written = []
        try:
            for page, version in exportable(include_drafts):
                out.write(json.dumps(case_to_record(version), ensure_ascii=False) + "\n")
                written.append(page)
        finally:
            if file != "-":
                out.close()
        # Every export is recorded (read audit): who, when, how many, which restricted cases.
        cases_exported.send(sender=CasePage, pages=written, include_drafts=include_drafts, user=account,
                            username=f"{getpass.getuser()} (manage.py)")
        if file != "-":
            self.stdout.write(f"export: {len(written)} cases written to {file}")

    def _user(self, username):
        if not username:
            return None
        from django.contrib.auth import get_user_model

        account = get_user_model().objects.filter(username=username).first()
        if account is None:
            raise CommandError(f"onbekende gebruiker: {username}")
        return account
