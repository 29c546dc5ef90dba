from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasebookConfig(AppConfig):
    name = "casebook"
    verbose_name = _("Casusboek")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .setup import ensure_site_structure

        # post_migrate, not a data migration: permissions only exist after migrate, and
        # flushing test cases re-create the site through the same signal.
        post_migrate.connect(ensure_site_structure, dispatch_uid="casebook.ensure_site_structure")
