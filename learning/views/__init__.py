"""Plain Django views under /leren/ (not the Wagtail admin): simple, phone friendly, no JavaScript needed."""
