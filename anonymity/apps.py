from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnonymityConfig(AppConfig):
    name = "anonymity"
    verbose_name = _("Anonimiteitscontrole")
