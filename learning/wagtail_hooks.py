"""The learning loop in the Wagtail admin: a link to the meeting screens, and a read-only view of contributions.

Lessons and reflections are written, reviewed and published under /leren/ (learning.services holds the state
machine). The admin lists what has been submitted, with its revision history (one revision per submission: exactly
what each meeting read), but adds, edits, publishes, unpublishes, locks and deletes nothing: a meeting decides.
Drafts are their authors' own and never appear here.
"""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import permissions
from .models import Lesson, Reflection, Status


class ReviewedByMeetingPolicy(ModelPermissionPolicy):
    """Only 'view' in the admin (for roles with the Django view permission: editor, moderator, admin)."""

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if instance.status == Status.DRAFT:
            return False
        return self.user_has_permission(user, action)


register_permission_policy(Lesson, ReviewedByMeetingPolicy(Lesson))
register_permission_policy(Reflection, ReviewedByMeetingPolicy(Reflection))


class HideDraftsMixin:
    """No draft at all; for a contribution sent back for revision, the version submitted, not the unsent edits."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj.status == Status.DRAFT:
            raise Http404
        return obj.reviewed_version


class IndexView(snippet_views.IndexView):
    def search_queryset(self, queryset):
        found = super().search_queryset(queryset)
        if not self.is_searching:
            return found
        # A contribution being revised is found by its submitted text only, not by the author's unsent words.
        query = self.search_query.lower()
        unsent_only = [
            each.pk for each in found.filter(status=Status.REVISE)
            if not any(query in (getattr(each.reviewed_version, name, "") or "").lower()
                       for name in self.search_fields)
        ]
        return found.exclude(pk__in=unsent_only)


class InspectView(HideDraftsMixin, snippet_views.InspectView):
    pass


class HistoryView(HideDraftsMixin, snippet_views.HistoryView):
    pass


class RevisionsCompareView(HideDraftsMixin, snippet_views.RevisionsCompareView):
    pass


class SubmittedOnlyChooseMixin:
    """The snippet chooser lists and returns only what was submitted: a draft is its author's alone."""

    def get_object_list(self):
        # Nor what is back with its author for revision: its row holds their unsent text.
        return super().get_object_list().exclude(status__in=[Status.DRAFT, Status.REVISE])


class ChooseView(SubmittedOnlyChooseMixin, chooser_views.ChooseView):
    pass


class ChooseResultsView(SubmittedOnlyChooseMixin, chooser_views.ChooseResultsView):
    pass


class ChosenView(chooser_views.SnippetChosenView):
    def get_object(self, pk):
        return self.model_class.objects.exclude(status__in=[Status.DRAFT, Status.REVISE]).get(pk=pk)


class ChosenMultipleView(chooser_views.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return super().get_objects(pks).exclude(status__in=[Status.DRAFT, Status.REVISE])


class ContributionChooserViewSet(chooser_views.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


class ContributionViewSet(SnippetViewSet):
    chooser_viewset_class = ContributionChooserViewSet
    index_view_class = IndexView
    inspect_view_enabled = True
    inspect_view_class = InspectView
    history_view_class = HistoryView
    revisions_compare_view_class = RevisionsCompareView
    list_filter = ["status"]
    ordering = ["-submitted_at"]

    def get_queryset(self, request):
        return self.model.objects.exclude(status=Status.DRAFT)


class LessonViewSet(ContributionViewSet):
    model = Lesson
    icon = "pick"
    menu_label = _("Lessen")
    list_display = ["__str__", "status", "submitted_at", "live"]
    search_fields = ["statement", "explanation"]
    inspect_view_fields = ["statement", "explanation", "themes", "cases", "status", "decision_reason",
                           "submitted_at", "decided_at"]


class ReflectionViewSet(ContributionViewSet):
    model = Reflection
    icon = "openquote"
    menu_label = _("Reflecties")
    list_display = ["__str__", "case", "status", "submitted_at", "live"]
    search_fields = ["body"]
    inspect_view_fields = ["body", "pseudonym", "case", "lesson", "status", "decision_reason", "submitted_at",
                           "decided_at"]


class LearningGroup(SnippetViewSetGroup):
    items = (LessonViewSet, ReflectionViewSet)
    menu_icon = "pick"
    menu_label = _("Leren")
    menu_order = 310


register_snippet(LearningGroup)


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_meetings_menu_item():
    return ModeratorMenuItem(_("Netwerkbijeenkomsten"), reverse("learning:meeting_list"), name="netwerkbijeenkomsten",
                             icon_name="group", order=320)
