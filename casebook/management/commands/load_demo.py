"""Loads the fictional demo content: cases, expertise profiles and (in development only) demo accounts."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from django.db import transaction

from casebook import signals
from casebook.interchange.importing import import_lines
from casebook.models import CasePage, ExpertIndexPage, ExpertProfilePage, TaxonomyTerm

DEMO_DIR = Path(__file__).resolve().parents[2] / "data" / "demo"
# Some demo cases are for the network or for editors only, so the difference is visible when signing in.
NETWORK_ONLY = {"demo-004", "demo-011", "demo-019", "demo-027", "demo-036"}
RESTRICTED = {"demo-008", "demo-030"}
DEMO_ACCOUNTS = ["member", "ervaringsdeskundige", "moderator", "editor"]


def _by_visibility(lines):
    batches = {"public": [], "network": [], "restricted": []}
    for line in lines:
        if line.strip():
            external_id = json.loads(line)["external_id"]
            key = "network" if external_id in NETWORK_ONLY else "restricted" if external_id in RESTRICTED else "public"
            batches[key].append(line)
    return batches


class Command(BaseCommand):
    help = "Laad de fictieve democasussen, expertiseprofielen en (alleen met DEBUG) demo-accounts."

    def handle(self, *args, **options):
        lines = (DEMO_DIR / "cases.jsonl").read_text(encoding="utf-8").splitlines()
        for visibility, batch in _by_visibility(lines).items():
            summary = import_lines(batch, visibility=visibility, publish=True, progress=False)
            self.stdout.write(f"demo cases ({visibility}): {summary}")
        self._load_profiles()
        for _receiver, message in signals.demo_loaded.send(sender=None):
            if message:
                self.stdout.write(message)
        if settings.DEBUG:
            self._accounts()

    @transaction.atomic
    def _load_profiles(self):
        profiles = json.loads((DEMO_DIR / "profiles.json").read_text(encoding="utf-8"))
        index = ExpertIndexPage.objects.get()
        terms = {(t.vocabulary, t.slug): t for t in TaxonomyTerm.objects.all()}
        created = 0
        for data in profiles:
            if ExpertProfilePage.objects.filter(slug=data["slug"]).exists():
                continue
            profile = ExpertProfilePage(
                title=data["display_name"],
                slug=data["slug"],
                role=data["role"],
                job_title=data.get("job_title", ""),
                organisation_type=data.get("organisation_type", ""),
                show_organisation=data.get("show_organisation", False),
                languages=",".join(data.get("languages", ["nl"])),
                available_for_consultation=data.get("available_for_consultation", True),
                availability_note=data.get("availability_note", ""),
                bio=data.get("bio", ""),
            )
            profile.expertise_areas.set([terms[("problem_areas", s)] for s in data.get("expertise_areas", [])])
            profile.interventions.set([terms[("interventions", s)] for s in data.get("interventions", [])])
            profile.regions.set([terms[("regions", s)] for s in data.get("regions", [])])
            profile.cases.set(CasePage.objects.filter(external_id__in=data.get("cases", [])))
            index.add_child(instance=profile)
            profile.save_revision().publish()
            created += 1
        self.stdout.write(f"demo profiles: {created} created")

    def _accounts(self):
        # Development only (DEBUG): well-known passwords would be a hole anywhere else.
        users = {}
        for role in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(username=f"demo-{role}", defaults={"email": f"{role}@example.org"})
            if created:
                user.set_password("doorbraak-demo")
                user.save()
            user.groups.add(Group.objects.get(name=role))
            users[role] = user
        if not User.objects.filter(username="demo-admin").exists():
            User.objects.create_superuser("demo-admin", "admin@example.org", "doorbraak-demo")
        self.stdout.write("demo accounts: demo-member, demo-ervaringsdeskundige, demo-moderator, demo-editor, "
                          "demo-admin (password: doorbraak-demo)")
        # Other apps give the accounts their parts (consultation: a coordinator); casebook does not know them.
        for _receiver, message in signals.demo_accounts_loaded.send(sender=None, users=users):
            if message:
                self.stdout.write(message)
