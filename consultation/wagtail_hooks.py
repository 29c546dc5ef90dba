"""The directory in the Wagtail admin: editors keep contacts and regional membership up to date."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ExpertAccount, ExpertiseArea, JeugdRegion, Municipality


class ExpertiseAreaViewSet(SnippetViewSet):
    model = ExpertiseArea
    icon = "site"
    menu_label = _("Expertisecentra")
    list_display = ["name", "centre_name", "last_verified"]
    search_fields = ["name", "centre_name"]


class JeugdRegionViewSet(SnippetViewSet):
    model = JeugdRegion
    icon = "group"
    menu_label = _("Jeugdregio's")
    list_display = ["name", "team_name", "area", "last_verified"]
    list_filter = ["area"]
    search_fields = ["name", "team_name"]


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    menu_label = _("Gemeenten")
    list_display = ["name", "cbs_code", "region"]
    list_filter = ["region__area"]
    search_fields = ["name", "aliases"]


class ExpertAccountViewSet(SnippetViewSet):
    """Links an expertise profile to the account that is invited to consultations. Consultation requests
    themselves are deliberately not in the admin: only their participants may see them (permissions.py)."""

    model = ExpertAccount
    icon = "user"
    menu_label = _("Accounts van experts")
    list_display = ["profile", "user"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (ExpertiseAreaViewSet, JeugdRegionViewSet, MunicipalityViewSet, ExpertAccountViewSet)
    menu_icon = "group"
    menu_label = _("Expertteams")
    menu_name = "expertteams"


register_snippet(DirectoryViewSetGroup)
