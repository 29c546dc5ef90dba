from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Leren")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Published lessons are searchable: hand search the source (search's documents.Source contract).
        if apps.is_installed("search"):
            from . import search_source

            search_source.register()
