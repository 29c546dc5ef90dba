from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from casebook.models import TaxonomyTerm

        from . import concepts, signals

        signals.connect()
        # An editor's new search terms count at once in this process (others pick them up within a minute).
        post_save.connect(concepts.forget, sender=TaxonomyTerm, dispatch_uid="search-concepts-save")
        post_delete.connect(concepts.forget, sender=TaxonomyTerm, dispatch_uid="search-concepts-delete")
