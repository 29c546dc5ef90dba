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


# ---- Issue 4: anonymity check before publication (the code lives in casebook/anonymity_admin.py) ----------------
from wagtail import hooks  # noqa: E402

from . import anonymity_admin  # noqa: E402

hooks.register("before_publish_page", anonymity_admin.before_publish_page)
hooks.register("before_bulk_action", anonymity_admin.before_bulk_action)
hooks.register("register_page_header_buttons", anonymity_admin.header_buttons)
hooks.register("register_admin_urls", anonymity_admin.admin_urls)
