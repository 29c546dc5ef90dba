"""Reading what the network learned: the learning home, briefings per theme, the digest page, feed, subscriptions."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from casebook import roles
from casebook.markdown import render_markdown
from casebook.models import TaxonomyTerm, Vocabulary
from casebook.visibility import Visibility

from .. import digest, permissions
from ..models import DigestSubscription
from ..visibility import visible_lessons

BRIEFING_VOCABULARIES = [v.value for v in Vocabulary]


def learning_home(request):
    visible = Q(lessons__in=visible_lessons(request.user).values("pk"))
    themes = (
        TaxonomyTerm.objects.annotate(lesson_count=Count("lessons", filter=visible, distinct=True))
        .filter(lesson_count__gt=0)
        .order_by("vocabulary", "sort_order", "label_nl")
    )
    return render(request, "learning/home.html", {
        "themes": themes,
        "recent": digest.with_visible_cases(visible_lessons(request.user).order_by("-first_published_at")[:5],
                                            request.user),
        "can_write_lesson": permissions.can_write_lesson(request.user),
        "can_moderate": permissions.can_moderate(request.user),
    })


def briefing(request, vocabulary, slug):
    if vocabulary not in BRIEFING_VOCABULARIES:
        raise Http404
    term = get_object_or_404(TaxonomyTerm, vocabulary=vocabulary, slug=slug)
    return render(request, "learning/briefing.html", {"term": term, "entries": digest.briefing(term, request.user)})


def digest_page(request):
    since = digest.previous_meeting_cutoff()
    lessons, reflections = digest.new_since(request.user, since)
    subscription = None
    if request.user.is_authenticated:
        subscription = DigestSubscription.objects.filter(user=request.user, active=True).first()
    return render(request, "learning/digest.html", {
        "since": since, "lessons": lessons, "reflections": reflections, "subscription": subscription,
        "can_subscribe": roles.is_member(request.user),
    })


@login_required
@require_POST
def subscribe(request):
    if not roles.is_member(request.user):
        raise Http404
    if request.POST.get("action") == "unsubscribe":
        DigestSubscription.objects.filter(user=request.user).update(active=False)
        messages.success(request, _("U krijgt de nieuwsbrief niet meer."))
    else:
        DigestSubscription.objects.update_or_create(user=request.user, defaults={"active": True})
        messages.success(request, _("U krijgt voortaan een e-mail met wat nieuw is."))
    return redirect("learning:digest")


@csrf_exempt  # one-click unsubscribe (RFC 8058) comes from a mail client: the signed token is the proof
def unsubscribe(request, token):
    user_id = digest.user_from_unsubscribe_token(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return render(request, "learning/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        DigestSubscription.objects.filter(user=user).update(active=False)
        return render(request, "learning/unsubscribe.html", {"done": True})
    # A GET only asks: link scanners in mail systems must not unsubscribe anyone.
    return render(request, "learning/unsubscribe.html", {"token": token})


class LessonsFeed(Feed):
    """Anonymous Atom feed of published lessons; links only to public cases."""

    feed_type = Atom1Feed
    title = gettext_lazy("Doorbraak: wat het netwerk leerde")
    subtitle = gettext_lazy("Nieuwe lessen uit de bijeenkomsten van de netwerken complexe jeugdhulp.")

    def link(self):
        return reverse("learning:digest")

    def items(self):
        # Feed readers never sign in: public lessons only.
        lessons = visible_lessons(None).order_by("-first_published_at")[:30]
        return digest.with_visible_cases(lessons, None)

    def item_title(self, entry):
        return entry.lesson.statement

    def item_link(self, entry):
        return entry.lesson.get_url()

    def item_pubdate(self, entry):
        return entry.lesson.first_published_at

    def item_updateddate(self, entry):
        return entry.lesson.last_published_at

    def item_description(self, entry):
        html = str(render_markdown(entry.lesson.explanation))
        if entry.cases:
            links = "".join(f'<li><a href="{case.full_url}">{escape(case.title)}</a></li>' for case in entry.cases
                            if case.visibility == Visibility.PUBLIC)
            html += f"<p>{_('Uit de casussen:')}</p><ul>{links}</ul>"
        return html

