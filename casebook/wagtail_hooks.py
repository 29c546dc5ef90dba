"""Admin registrations for the casebook, as viewsets (see bakerydemo's breads/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TaxonomyTerm


class TaxonomyTermViewSet(SnippetViewSet):
    model = TaxonomyTerm
    icon = "tag"
    menu_label = _("Taxonomie")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["label_nl", "label_en", "slug", "vocabulary"]
    list_filter = ["vocabulary"]
    search_fields = ["label_nl", "label_en", "slug"]
    ordering = ["vocabulary", "sort_order"]


register_snippet(TaxonomyTermViewSet)
