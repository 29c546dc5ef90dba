"""The one place that reads environment variables for settings.

Every setting that differs between machines comes through here, so `grep env(` lists them all.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env(name, default=None, *, cast=str, required=False):
    """Return environment variable `name` cast to `cast` (str, bool, int or list)."""
    raw = os.environ.get(name)
    # Set-but-empty (`DATABASE_URL= make test`) means "not configured", as for most tools.
    if raw is None or raw.strip() == "":
        if required:
            raise ImproperlyConfigured(f"Environment variable {name} is required")
        return default
    if cast is bool:
        value = raw.strip().lower()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise ImproperlyConfigured(f"Environment variable {name}={raw!r} is not a boolean")
    if cast is int:
        try:
            return int(raw)
        except ValueError as exc:
            raise ImproperlyConfigured(f"Environment variable {name}={raw!r} is not a whole number") from exc
    if cast is list:
        return [item.strip() for item in raw.split(",") if item.strip()]
    return raw
