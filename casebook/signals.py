"""What the casebook tells other apps, so it never imports them (learning, search and later apps listen).

- `case_imported(sender=CasePage, page, lessons, user)`: a case was created or updated by an import, with the
  lesson texts of its record (learning turns them into submitted lessons).
- `demo_loaded(sender=None)`: `load_demo` has loaded the demo cases and profiles (learning adds its demo meeting).
"""

from django.dispatch import Signal

case_imported = Signal()
demo_loaded = Signal()
