"""Lesson follow-up: moderators record actions and see what is overdue; owners report (issue 12)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .. import followup, permissions
from ..forms import ActionForm, ActionReportForm
from ..models import Lesson
from .common import role_required

moderator_required = role_required(permissions.can_moderate)


@moderator_required
def action_create(request, pk):
    lesson = get_object_or_404(Lesson, pk=pk)
    if not followup.can_add_action(lesson):
        raise Http404
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        followup.add_action(lesson, created_by=request.user, **form.cleaned_data)
        messages.success(request, _("De actie is vastgelegd. De eigenaar krijgt na 3 en na 6 maanden een e-mail."))
        return redirect("learning:lesson_detail", pk=lesson.pk)
    return render(request, "learning/action_form.html", {"lesson": lesson, "form": form})


@login_required
def action_report(request, pk):
    """The link in the reminder: the owner (or a moderator) reports progress."""
    action = get_object_or_404(followup.followed_actions().select_related("lesson"), pk=pk)
    if action.owner_id != request.user.pk and not permissions.can_moderate(request.user):
        raise Http404
    form = ActionReportForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        followup.report(action, progress=form.cleaned_data["progress"], obstacles=form.cleaned_data["obstacles"])
        messages.success(request, _("Dank u. Uw voortgang staat nu bij de les."))
        return redirect("learning:lesson_detail", pk=action.lesson_id)
    return render(request, "learning/action_report.html", {"action": action, "form": form})


@moderator_required
def action_list(request):
    return render(request, "learning/action_list.html", {
        "overdue": followup.overdue(),
        "actions": followup.followed_actions().select_related("lesson", "owner").order_by("due_date", "pk"),
    })
