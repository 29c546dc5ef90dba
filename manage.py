#!/usr/bin/env python
"""Django's command-line utility. The project package lives in site/ (see docs/architecture.md)."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
