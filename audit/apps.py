from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Who read which restricted case, and every export: recorded, readable by admins, kept for a set period."""

    name = "audit"
    verbose_name = _("Leeslog")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from casebook import signals

        from . import receivers

        signals.case_read.connect(receivers.record_reads, dispatch_uid="audit.record_reads")
        signals.cases_exported.connect(receivers.record_export, dispatch_uid="audit.record_export")
