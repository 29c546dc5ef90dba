"""Plain Django views (not the Wagtail admin): phone friendly, no JavaScript needed.

directory.py is public; everything else is behind sign-in and consultation.permissions."""
