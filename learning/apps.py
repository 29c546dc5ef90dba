from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Leren")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from casebook import signals as casebook_signals

        from . import receivers

        casebook_signals.case_imported.connect(receivers.lessons_from_import, dispatch_uid="learning-import-lessons")
        casebook_signals.cases_imported.connect(receivers.lessons_from_batch_import,
                                                dispatch_uid="learning-batch-import-lessons")
        casebook_signals.demo_loaded.connect(receivers.demo_meeting, dispatch_uid="learning-demo-meeting")
        # Published lessons are searchable: hand search the source (search's documents.Source contract).
        if apps.is_installed("search"):
            from . import search_source

            search_source.register()
