from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    name = "consultation"
    verbose_name = _("Consultatie en advies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .seed import ensure_directory

        # Like casebook's taxonomy: a fresh database and a flushed test database both get the directory back.
        post_migrate.connect(ensure_directory, dispatch_uid="consultation.ensure_directory")

        from casebook import signals as casebook_signals

        from .demo import demo_coordinator

        casebook_signals.demo_accounts_loaded.connect(demo_coordinator, dispatch_uid="consultation.demo_coordinator")
