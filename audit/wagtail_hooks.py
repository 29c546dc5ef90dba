"""The read log in the Wagtail admin: for admins only, and read-only (nobody edits or deletes an entry there)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from casebook import roles

from .models import ReadEvent


class AdminsReadOnly(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and roles.has_role(user, roles.ADMIN)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions) if "view" in actions else self.model._default_manager.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(ReadEvent, AdminsReadOnly(ReadEvent))


class ReadEventViewSet(ModelViewSet):
    model = ReadEvent
    icon = "view"
    menu_label = _("Leeslog")
    menu_order = 900
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["at", "username", "channel", "external_id", "visibility"]
    list_filter = ["channel", "visibility"]
    search_fields = ["username", "external_id"]
    copy_view_enabled = False
    exclude_form_fields = []  # no add or edit view is ever allowed (AdminsReadOnly)


@hooks.register("register_admin_viewset")
def register_read_log():
    return ReadEventViewSet("leeslog")
