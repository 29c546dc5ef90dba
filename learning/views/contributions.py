"""Writing lessons and reflections, and 'Mijn bijdragen'."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from casebook.visibility import visible_cases

from .. import followup, permissions, services
from ..forms import LessonForm, ReflectionForm
from ..models import Lesson, Reflection
from ..visibility import about_withdrawn_case, visible_lessons
from .common import role_required


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def lesson_detail(request, pk):
    lesson = get_object_or_404(Lesson, pk=pk)
    if not permissions.can_view(request.user, lesson):
        raise Http404
    is_author = permissions.is_author(request.user, lesson)
    return render(request, "learning/lesson_detail.html", {
        # Others read what was submitted; an author's unsent revision is theirs alone (issue 9, finding 4).
        "lesson": lesson if is_author else lesson.reviewed_version,
        "cases": visible_cases(request.user).filter(network_lessons=lesson).order_by("title"),
        "reflections": lesson.reflections.published().order_by("first_published_at"),
        "is_author": is_author,
        "can_edit": permissions.can_edit(request.user, lesson),
        "can_reflect": lesson.is_published and permissions.can_write_reflection(request.user),
        "can_add_action": permissions.can_moderate(request.user) and followup.can_add_action(lesson),
    })


@role_required(permissions.can_write_lesson)
def lesson_create(request):
    initial_cases = visible_cases(request.user).filter(pk=_int(request.GET.get("casus")))
    lesson = Lesson(author=request.user)
    form = LessonForm(request.POST or None, instance=lesson, user=request.user,
                      initial={"cases": list(initial_cases)})
    return _save_lesson(request, form)


@role_required(permissions.can_write_lesson)
def lesson_edit(request, pk):
    lesson = get_object_or_404(Lesson, pk=pk, author=request.user)
    if not lesson.is_editable_by_author:
        messages.info(request, _("Deze les is ingediend en kan nu niet worden aangepast."))
        return redirect("learning:lesson_detail", pk=lesson.pk)
    form = LessonForm(request.POST or None, instance=lesson, user=request.user)
    return _save_lesson(request, form)


def _save_lesson(request, form):
    if request.method == "POST" and form.is_valid():
        lesson = services.save_draft(form.save())
        if "submit" in request.POST:
            try:
                services.submit(lesson, request.user)
            except services.CaseWithdrawn as refused:
                messages.error(request, refused.message)
                return redirect("learning:my_contributions")
            messages.success(request, _("Uw les is ingediend. Een moderator zet hem op de agenda van een bijeenkomst."))
        else:
            messages.success(request, _("Het concept is bewaard. Alleen u kunt het zien."))
        return redirect("learning:my_contributions")
    return render(request, "learning/lesson_form.html", {"form": form, "lesson": form.instance})


def _reflection_subject(request):
    """The case (visible to the writer) or published lesson a new reflection is about."""
    if request.GET.get("casus"):
        case = visible_cases(request.user).filter(pk=_int(request.GET["casus"])).first()
        if case:
            return {"case": case}
    if request.GET.get("les"):
        lesson = visible_lessons(request.user).filter(pk=_int(request.GET["les"])).first()
        if lesson:
            return {"lesson": lesson}
    raise Http404


@role_required(permissions.can_write_reflection)
def reflection_create(request):
    if not request.GET.get("casus") and not request.GET.get("les"):
        # Opened without a story to write about (a bookmark, a typed address): show where to start, not a 404.
        messages.info(request, _("Kies eerst een verhaal of een les. Daaronder staat „Schrijf een reflectie”."))
        return redirect("learning:my_contributions")
    reflection = Reflection(author=request.user, **_reflection_subject(request))
    return _save_reflection(request, reflection)


@role_required(permissions.can_write_reflection)
def reflection_edit(request, pk):
    # Someone else's reflection is a 404: drafts are private, even their existence.
    reflection = get_object_or_404(Reflection, pk=pk, author=request.user)
    if not reflection.is_editable_by_author:
        messages.info(request, _("Je hebt dit al verstuurd. Je kunt het nu niet meer veranderen."))
        return redirect("learning:my_contributions")
    if about_withdrawn_case(reflection):
        # Its case is no longer on the site: no form showing it, and nothing goes back to a meeting (F19).
        messages.info(request, services.CaseWithdrawn.message)
        return redirect("learning:my_contributions")
    return _save_reflection(request, reflection)


def _save_reflection(request, reflection, *, ask_email=False, template="learning/reflection_form.html",
                     done=None, extra=None):
    form = ReflectionForm(request.POST or None, instance=reflection, ask_email=ask_email)
    if request.method == "POST" and form.is_valid():
        submitting = "submit" in request.POST
        if not submitting or form.require_body():
            reflection = services.save_draft(form.save())
            if submitting:
                services.submit(reflection, request.user)
                messages.success(request, _("Dank je wel. Je verhaal is verstuurd. Een moderator leest het. "
                                            "Daarna bespreekt het netwerk het."))
            else:
                messages.success(request, _("Bewaard. Alleen jij kunt dit zien. Je kunt later verder schrijven."))
            return redirect(done or "learning:my_contributions")
    context = {"form": form, "reflection": reflection, "subject": reflection.case or reflection.lesson}
    context.update(extra or {})
    return render(request, template, context)


@login_required
def my_contributions(request):
    return render(request, "learning/my_contributions.html", {
        "lessons": Lesson.objects.filter(author=request.user).prefetch_related("cases"),
        "reflections": Reflection.objects.filter(author=request.user).select_related("case", "lesson"),
        "can_write_lesson": permissions.can_write_lesson(request.user),
        "can_write_reflection": permissions.can_write_reflection(request.user),
    })
