from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .. import text_limits as limits
from ..text_limits import no_control_characters
from ..visibility import visible_cases
from .members_only import MembersOnlyPage


class HomePage(Page):
    intro = models.TextField(_("introductie"), blank=True, help_text=_("Markdown, in eenvoudig Nederlands."),
                             max_length=limits.EXPLANATION, validators=[no_control_characters])

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["casebook.CaseIndexPage", "casebook.ExpertIndexPage"]
    max_count = 1
    template = "casebook/home_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recent_cases"] = visible_cases(request.user).order_by("-first_published_at")[:6]
        return context


class CaseIndexPage(Page):
    intro = models.TextField(_("introductie"), blank=True, max_length=limits.EXPLANATION,
                             validators=[no_control_characters])

    parent_page_types = ["casebook.HomePage"]
    subpage_types = ["casebook.CasePage"]
    max_count = 1
    template = "casebook/case_index_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("casusoverzicht")

    def get_context(self, request, *args, **kwargs):
        from ..filters import CaseFilter
        from ..listing import paginate

        context = super().get_context(request, *args, **kwargs)
        case_filter = CaseFilter(request.GET, queryset=visible_cases(request.user).order_by("-year", "title"))
        context["filter"] = case_filter
        context["cases"] = paginate(request, case_filter.qs)
        return context


class ExpertIndexPage(MembersOnlyPage, Page):
    intro = models.TextField(_("introductie"), blank=True, max_length=limits.EXPLANATION,
                             validators=[no_control_characters])

    parent_page_types = ["casebook.HomePage"]
    subpage_types = ["casebook.ExpertProfilePage"]
    max_count = 1
    template = "casebook/expert_index_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("overzicht expertiseprofielen")

    def get_context(self, request, *args, **kwargs):
        from .profile import ExpertProfilePage

        context = super().get_context(request, *args, **kwargs)
        context["profiles"] = (
            ExpertProfilePage.objects.live().child_of(self).order_by("title").prefetch_related("expertise_areas")
        )
        return context
