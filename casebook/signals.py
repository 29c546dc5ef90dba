"""What the casebook tells other apps, so it never imports them (learning, search and later apps listen).

- `case_imported(sender=CasePage, page, lessons, user)`: a case was created or updated by an import, with the
  lesson texts of its record (learning turns them into submitted lessons).
- `cases_imported(sender=CasePage, items=[(page, lessons), ...], user)`: the same for a batch of new cases (issue 13:
  bulk import); a receiver of case_imported must handle this one too.
- `demo_loaded(sender=None)`: `load_demo` has loaded the demo cases and profiles (learning adds its demo meeting).
- `demo_accounts_loaded(sender=None, users={"member": User, ...})`: `load_demo` (DEBUG only) has made the demo
  accounts, keyed by role (consultation makes demo-editor the coordinator of every team).
"""

from django.dispatch import Signal

case_imported = Signal()
cases_imported = Signal()
demo_loaded = Signal()
demo_accounts_loaded = Signal()

# Issue 9: reads of cases and exports, for the read audit (the audit app listens; casebook does not know it).
# - `case_read(sender=CasePage, user, channel, pages=[...] or external_ids=[...])`: a case page was served, or an
#   API or search answer listed these cases. channel: "page", "api" or "search".
# - `cases_exported(sender=CasePage, pages, include_drafts, user=None, username="")`: export_cases wrote these.
case_read = Signal()
cases_exported = Signal()
