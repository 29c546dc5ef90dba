from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Signing in: lockout and throttling, password reset, two-factor authentication, session expiry."""

    name = "accounts"
    verbose_name = _("Accounts en inloggen")
    default_auto_field = "django.db.models.BigAutoField"
