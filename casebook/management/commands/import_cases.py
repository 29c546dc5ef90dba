import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from casebook.anonymity_gate import field_label
from casebook.interchange.importing import ImportRejected, import_lines
from casebook.visibility import Visibility


class Command(BaseCommand):
    help = "Importeer geanonimiseerde casussen uit een JSON Lines-bestand (uitwisselformaat). Alles of niets."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON Lines-bestand, of - voor standaardinvoer")
        parser.add_argument("--visibility", choices=Visibility.values, help="zichtbaarheid van de casussen")
        parser.add_argument("--publish", action="store_true", help="publiceer de geïmporteerde casussen")
        # Issue 4: with --publish only records without anonymity findings go live; the rest stay drafts.
        parser.add_argument(
            "--skip-anonymity-check", action="store_true",
            help="alleen voor beheerders: register is bij de bron gecontroleerd; vastgelegd per casus (vereist --user)",
        )
        parser.add_argument("--user", help="gebruikersnaam die de import uitvoert (vastgelegd bij de casussen)")

    def handle(self, *args, file, visibility, publish, skip_anonymity_check=False, user=None, **options):
        user = self._user(user, skip_anonymity_check)
        lines = self._read(file)
        try:
            summary = import_lines(lines, visibility=visibility, publish=publish, progress=sys.stderr.isatty(),
                                   user=user, skip_anonymity_check=skip_anonymity_check)
        except ImportRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(str(problem))
            self.stderr.write(f"{len(rejected.problems)} problem(s); nothing was imported.")
            sys.exit(2)
        self.stdout.write(f"import: {summary}")
        for external_id, findings in summary.held_back:  # issue 4
            self.stdout.write(f"{external_id}: wacht op anonimiteitscontrole")
            for field_name, found in findings.items():
                for finding in found:
                    self.stdout.write(f"  {field_label(field_name)}: {finding.kind} {finding.text!r}")

    def _user(self, username, skip_anonymity_check):
        # Issue 4: skipping the anonymity check is for admins, and who did it is recorded on each case.
        if not username:
            if skip_anonymity_check:
                raise CommandError("--skip-anonymity-check vereist --user met een beheerdersaccount")
            return None
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"onbekende gebruiker: {username}")
        if skip_anonymity_check and not (user.is_superuser or user.groups.filter(name="admin").exists()):
            raise CommandError("--skip-anonymity-check is alleen voor beheerders")
        return user

    def _read(self, file):
        try:
            if file == "-":
                return sys.stdin.read().splitlines()
            return Path(file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{file}: cannot read: {exc}") from exc
