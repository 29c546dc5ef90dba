"""Network meetings, for moderators: build the agenda, walk through it item by item, close it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from casebook import roles
from casebook.visibility import visible_cases

from .. import followup, permissions, services
from ..forms import DecisionForm, MeetingForm
from ..models import AgendaItem, NetworkMeeting
from .common import role_required
from .contributions import _int

moderator_required = role_required(permissions.can_moderate)
# Editors clear anonymity findings (issue 9: moderators decide, editors clear); they read the agenda item for that.
clearer_required = role_required(roles.can_clear_anonymity_findings)
moderator_or_clearer_required = role_required(
    lambda user: permissions.can_moderate(user) or roles.can_clear_anonymity_findings(user))


@moderator_required
def meeting_list(request):
    lessons, reflections = services.ready_for_agenda()
    return render(request, "learning/meeting_list.html", {
        "open_meetings": NetworkMeeting.objects.filter(state=NetworkMeeting.State.OPEN).select_related("region"),
        "closed_meetings": NetworkMeeting.objects.filter(state=NetworkMeeting.State.CLOSED)
        .select_related("region")[:20],
        "waiting": lessons.count() + reflections.count(),
    })


@moderator_required
def meeting_create(request):
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        meeting.created_by = request.user
        meeting.save()
        messages.success(request, _("De bijeenkomst is aangemaakt. Zet nu punten op de agenda."))
        return redirect(meeting)
    return render(request, "learning/meeting_form.html", {"form": form})


@moderator_required
def meeting_detail(request, pk):
    """The agenda (printable) and, while open, what waits to be put on it."""
    meeting = get_object_or_404(NetworkMeeting, pk=pk)
    items = _items(meeting)
    for item in items:
        services.open_findings(item)  # marks items the anonymity check would hold back, before anyone decides
    everywhere = _everywhere(request)
    lessons, reflections = ([], [])
    if meeting.is_open:
        lessons, reflections = services.waiting_for(meeting, everywhere=everywhere)
        lessons, reflections = _with_findings(lessons), _with_findings(reflections)
    all_lessons, all_reflections = services.ready_for_agenda()
    return render(request, "learning/meeting_detail.html", {
        "meeting": meeting,
        "items": items,
        "waiting_lessons": lessons,
        "waiting_reflections": reflections,
        "everywhere": everywhere,
        "waiting_everywhere": all_lessons.count() + all_reflections.count() if meeting.is_open else 0,
        # Actions past their due date on the meeting's day come up at that meeting (issue 12).
        "overdue_actions": followup.overdue(on=meeting.date) if meeting.is_open else [],
    })


def _everywhere(request):
    return (request.GET.get("regio") or request.POST.get("regio")) == "alle"


def _with_findings(contributions):
    from .. import publication_check

    contributions = list(contributions)
    for contribution in contributions:
        contribution.open_findings = publication_check.findings_for(contribution)
    return contributions


def _items(meeting):
    return list(meeting.items.select_related("lesson", "reflection", "reflection__case", "reflection__lesson",
                                             "revision"))


@moderator_required
@require_POST
def agenda_add(request, pk):
    meeting = get_object_or_404(NetworkMeeting, pk=pk, state=NetworkMeeting.State.OPEN)
    lessons, reflections = services.ready_for_agenda()
    if request.POST.get("all"):
        # 'Alles' is what the moderator sees: the meeting's region unless they chose to see every region.
        shown_lessons, shown_reflections = services.waiting_for(meeting, everywhere=_everywhere(request))
        chosen = [*shown_lessons, *shown_reflections]
    elif request.POST.get("lesson"):
        chosen = list(lessons.filter(pk=_int(request.POST["lesson"])))
    else:
        chosen = list(reflections.filter(pk=_int(request.POST.get("reflection"))))
    for contribution in chosen:
        services.add_to_agenda(meeting, contribution)
    if chosen:
        messages.success(request, ngettext("%(n)d punt op de agenda gezet.", "%(n)d punten op de agenda gezet.",
                                           len(chosen)) % {"n": len(chosen)})
    url = meeting.get_absolute_url()
    return redirect(f"{url}?regio=alle" if _everywhere(request) else url)


def _open_item(pk, item_pk):
    return get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=item_pk, meeting_id=pk,
                             meeting__state=NetworkMeeting.State.OPEN)


@moderator_required
@require_POST
def agenda_move(request, pk, item_pk):
    item = _open_item(pk, item_pk)
    services.move_item(item, -1 if request.POST.get("direction") == "up" else 1)
    return redirect(f"{item.meeting.get_absolute_url()}#agenda-{item.pk}")


@moderator_required
@require_POST
def agenda_remove(request, pk, item_pk):
    item = _open_item(pk, item_pk)
    if item.applied_at:
        messages.error(request, _("Dit punt is al afgehandeld."))
    else:
        services.remove_from_agenda(item)
        messages.success(request, _("Het punt is van de agenda gehaald en wacht weer op een bijeenkomst."))
    return redirect(item.meeting)


@moderator_or_clearer_required
def agenda_item(request, pk, number):
    """Item `number` (1-based) of the agenda, with its case context and the decision form."""
    meeting = get_object_or_404(NetworkMeeting, pk=pk)
    items = _items(meeting)
    if not 1 <= number <= len(items):
        return redirect(meeting)
    item = items[number - 1]
    if request.method == "POST" and not permissions.can_moderate(request.user):
        raise PermissionDenied  # editors read the item to clear findings; deciding is the moderators'
    initial = {"decision": item.decision, "minutes": item.minutes, "visibility_reason": item.visibility_reason}
    if item.visibility:
        initial["visibility"] = item.visibility
    form = DecisionForm(request.POST or None, initial=initial, lesson=item.lesson)
    editable = meeting.is_open and not item.applied_at and permissions.can_moderate(request.user)
    if request.method == "POST" and editable and form.is_valid():
        chosen = form.cleaned_data.get("visibility", "")
        services.record_decision(item, form.cleaned_data["decision"], form.cleaned_data["minutes"],
                                 visibility=chosen if chosen != getattr(form, "default_visibility", "") else "",
                                 visibility_reason=form.cleaned_data.get("visibility_reason", ""))
        findings = services.open_findings(item)
        if findings:
            # Say it now, while the people are still in the room, not at closing: stay on this item.
            messages.warning(request, ngettext(
                "Aanvaard, maar zo kan het niet gepubliceerd worden: de anonimiteitscontrole vond %(n)d mogelijk "
                "herleidbaar gegeven. Kies 'Laten bijstellen', of laat een redacteur het als niet identificerend "
                "vastleggen, voordat u de bijeenkomst afsluit.",
                "Aanvaard, maar zo kan het niet gepubliceerd worden: de anonimiteitscontrole vond %(n)d mogelijk "
                "herleidbare gegevens. Kies 'Laten bijstellen', of laat een redacteur ze als niet identificerend "
                "vastleggen, voordat u de bijeenkomst afsluit.", len(findings)) % {"n": len(findings)})
            return redirect("learning:agenda_item", pk=meeting.pk, number=number)
        if number < len(items):
            return redirect("learning:agenda_item", pk=meeting.pk, number=number + 1)
        messages.success(request, _("Alle punten zijn besproken. U kunt de bijeenkomst afsluiten."))
        return redirect(meeting)
    contribution = item.reviewed  # the version submitted to this meeting, never an unsent revision
    services.open_findings(item)  # before the decision, from the check the closing uses
    return render(request, "learning/agenda_item.html", {
        "meeting": meeting,
        "item": item,
        "contribution": contribution,
        "number": number,
        "count": len(items),
        "form": form,
        "editable": editable,
        # The meeting reads the case context; restricted cases are visible to moderators (visibility.py).
        "cases": _visible(request.user, contribution.context_cases()),
        "can_clear": roles.can_clear_anonymity_findings(request.user),
    })


def _visible(user, cases):
    visible = set(visible_cases(user).filter(pk__in=[case.pk for case in cases]).values_list("pk", flat=True))
    return [case for case in cases if case.pk in visible]


@moderator_required
@require_POST
def meeting_close(request, pk):
    meeting = get_object_or_404(NetworkMeeting, pk=pk, state=NetworkMeeting.State.OPEN)
    result = services.close_meeting(meeting, request.user)
    if result.published:
        messages.success(request, ngettext("%(n)d bijdrage gepubliceerd.", "%(n)d bijdragen gepubliceerd.",
                                           len(result.published)) % {"n": len(result.published)})
    if result.returned:
        messages.info(request, ngettext(
            "%(n)d bijdrage met toelichting teruggegeven aan de auteur.",
            "%(n)d bijdragen met toelichting teruggegeven aan de auteurs.", len(result.returned),
        ) % {"n": len(result.returned)})
    if result.blocked:
        messages.error(request, ngettext(
            "%(n)d bijdrage is niet gepubliceerd: de anonimiteitscontrole vond herleidbare gegevens. "
            "Het punt blijft op de agenda; de bijeenkomst blijft open.",
            "%(n)d bijdragen zijn niet gepubliceerd: de anonimiteitscontrole vond herleidbare gegevens. "
            "De punten blijven op de agenda; de bijeenkomst blijft open.", len(result.blocked),
        ) % {"n": len(result.blocked)})
    else:
        messages.success(request, _("De bijeenkomst is afgesloten."))
    return redirect(meeting)


@moderator_required
def meeting_minutes(request, pk):
    meeting = get_object_or_404(NetworkMeeting, pk=pk)
    items = _items(meeting)
    for item in items:
        # A printed copy leaves the building: name the kind of finding and where, never the words themselves.
        findings = services.open_findings(item)
        item.finding_places = [(finding.get("label", ""), _field_label(item, finding.get("field", "")))
                               for finding in findings]
        _mask(item.reviewed, findings)
    return render(request, "learning/meeting_minutes.html", {"meeting": meeting, "items": items})


def _mask(contribution, findings):
    """In memory only (nothing is saved): the summary the minutes quote shows '[naam]' for each found word."""
    for finding in findings:
        value = getattr(contribution, finding.get("field", ""), None) if finding.get("field") else None
        if isinstance(value, str) and finding.get("text"):
            setattr(contribution, finding["field"], value.replace(finding["text"], f"[{finding.get('label', '')}]"))


def _field_label(item, name):
    from django.core.exceptions import FieldDoesNotExist

    try:
        return item.contribution._meta.get_field(name).verbose_name
    except FieldDoesNotExist:  # an "unavailable" finding names no field
        return ""



@clearer_required
@require_POST
def finding_decide(request, pk, number):
    """'Niet identificerend' for one finding of a blocked item, with a reason (editors and admins, as for cases);
    closing the meeting again then publishes it if nothing else is open."""
    from django.core.exceptions import PermissionDenied, ValidationError

    from anonymity.findings import Finding

    from .. import publication_check

    meeting = get_object_or_404(NetworkMeeting, pk=pk, state=NetworkMeeting.State.OPEN)
    items = _items(meeting)
    if not 1 <= number <= len(items) or not items[number - 1].is_blocked:
        return redirect(meeting)
    item = items[number - 1]
    try:
        field = request.POST["field"]
        finding = Finding(request.POST["kind"], int(request.POST["start"]), int(request.POST["end"]), request.POST["text"])
    except (KeyError, ValueError):
        raise PermissionDenied
    reason = request.POST.get("reason", "").strip()
    current = publication_check.findings_for(item.contribution)
    if not any(f["field"] == field and (f["kind"], f.get("start"), f.get("end"), f["text"])
               == (finding.kind, finding.start, finding.end, finding.text) for f in current):
        messages.error(request, _("Deze bevinding staat niet meer in de tekst; de lijst is bijgewerkt."))
    elif not reason:
        messages.error(request, _("Geef een reden waarom dit niet identificerend is."))
    else:
        try:
            publication_check.decide_not_identifying(item.contribution, field, finding, reason, request.user)
        except ValidationError as invalid:
            messages.error(request, " ".join(invalid.messages))
        else:
            messages.success(request, _("'%(text)s' gemarkeerd als niet identificerend.") % {"text": finding.text})
            current = publication_check.findings_for(item.contribution)
    item.findings = current
    item.save(update_fields=["findings"])
    return redirect("learning:agenda_item", pk=meeting.pk, number=number)
