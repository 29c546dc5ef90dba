from django.apps import AppConfig, apps
from django.db.models.signals import post_save, pre_delete, pre_save
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
        case_page = apps.get_model("casebook", "CasePage")
        pre_save.connect(receivers.remember_case_visibility, sender=case_page, dispatch_uid="learning-case-before")
        post_save.connect(receivers.narrow_lessons_with_their_case, sender=case_page,
                          dispatch_uid="learning-narrow-lessons")
        pre_delete.connect(receivers.withdraw_lessons_of_deleted_case, sender=case_page,
                           dispatch_uid="learning-case-deleted")
        # Published lessons are searchable: hand search the source (search's documents.Source contract).
        if apps.is_installed("search"):
            from . import search_source

            search_source.register()
