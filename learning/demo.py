"""Learning's part of the demo content: one closed network meeting that accepted a first set of lessons, so
briefings and the digest show what the learning loop produces. Runs on casebook's `demo_loaded`, once."""

from datetime import date

DEMO_MEETING = "Netwerkbijeenkomst regio Noord (demo)"
DEMO_ACCEPTED_LESSONS = 20


def demo_meeting():
    from casebook.models import TaxonomyTerm

    from . import services
    from .models import Decision, NetworkMeeting

    if NetworkMeeting.objects.filter(title=DEMO_MEETING).exists():
        return None
    meeting = NetworkMeeting.objects.create(
        title=DEMO_MEETING, date=date(2026, 10, 1), region=TaxonomyTerm.objects.get(vocabulary="regions", slug="noord"),
        participants="Expertteam jeugd\nErvaringsdeskundige jongere\nErvaringsdeskundige ouder\nBeleidsadviseur gemeente",
    )
    lessons, _reflections = services.ready_for_agenda()
    public_lessons = [lesson for lesson in lessons if all(c.visibility == "public" for c in lesson.cases.all())]
    for lesson in public_lessons[:DEMO_ACCEPTED_LESSONS]:
        item = services.add_to_agenda(meeting, lesson)
        services.record_decision(item, Decision.ACCEPT, "Herkenbaar in meerdere regio's; aanvaard als les van het netwerk.")
    result = services.close_meeting(meeting, user=None)
    return f"demo meeting: {len(result.published)} lessons accepted, {len(result.blocked)} held back"

