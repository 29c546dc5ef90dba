"""Trial finding F19: a lesson or reflection about a withdrawn case does not go (back) to a network meeting; when the
case is published again, what was waiting comes back."""

import pytest
from django.urls import reverse

from learning import services
from learning.models import Decision, Status

from .conftest import decide, make_lesson, make_meeting, make_reflection

pytestmark = pytest.mark.django_db

BODY = "Ik werd pas gehoord toen er één vast gezicht kwam, na drie jaar wachten op een plek."


def test_a_reflection_sent_back_for_revision_on_a_withdrawn_case_cannot_be_sent_again(
        client, case, moderator, ervaringsdeskundige):
    reflection = make_reflection(ervaringsdeskundige, case=case, body=BODY, submit=True)
    decide(make_meeting(moderator), reflection, Decision.REVISE, "Kun je het korter maken?", moderator=moderator)
    assert reflection.status == Status.REVISE
    case.unpublish()

    client.force_login(ervaringsdeskundige)
    edit = reverse("learning:reflection_edit", args=[reflection.pk])
    # No form showing the withdrawn case (its summary, a link that is a 404), but a plain explanation.
    page = client.get(edit, follow=True)
    assert page.redirect_chain[-1][0] == reverse("learning:my_contributions")
    text = page.content.decode()
    assert "niet meer beschikbaar" in text and case.summary not in text
    # Sending it anyway changes nothing: not submitted, not waiting for a meeting.
    client.post(edit, {"body": BODY + " Korter.", "pseudonym": "Moeder", "submit": "1"})
    reflection.refresh_from_db()
    assert reflection.status == Status.REVISE and reflection.body == BODY
    with pytest.raises(services.CaseWithdrawn):
        services.submit(reflection, ervaringsdeskundige)
    assert reflection not in services.ready_for_agenda()[1]


def test_what_waits_for_a_meeting_leaves_the_queue_with_its_case_and_returns_with_it(
        client, case, member, moderator, ervaringsdeskundige):
    reflection = make_reflection(ervaringsdeskundige, case=case, body=BODY, submit=True)
    lesson = make_lesson(member, cases=[case], submit=True)
    meeting = make_meeting(moderator)
    client.force_login(moderator)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "vast gezicht" in page and lesson.statement in page

    case.unpublish()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "vast gezicht" not in page and lesson.statement not in page
    # 'Alles op de agenda' puts nothing about the withdrawn case on it.
    client.post(reverse("learning:agenda_add", args=[meeting.pk]), {"all": "1"})
    assert not meeting.items.exists()
    with pytest.raises(services.CaseWithdrawn):
        services.add_to_agenda(meeting, reflection)

    case.save_revision().publish()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "vast gezicht" in page and lesson.statement in page


def test_a_reflection_on_a_lesson_whose_case_was_withdrawn_waits_out_of_sight(case, member, moderator,
                                                                              ervaringsdeskundige):
    lesson = make_lesson(member, cases=[case], submit=True)
    decide(make_meeting(moderator), lesson, Decision.ACCEPT, moderator=moderator)
    reflection = make_reflection(ervaringsdeskundige, lesson=lesson, body=BODY, submit=True)
    assert reflection in services.ready_for_agenda()[1]
    case.unpublish()
    assert reflection not in services.ready_for_agenda()[1]


def test_editing_a_draft_lesson_keeps_the_withdrawn_case_it_came_from(client, case, member):
    # The form offers only cases its author may see, so a withdrawn case has no checkbox; saving the draft must not
    # drop it, or the lesson would no longer count as being about it and could go to a meeting after all.
    lesson = make_lesson(member, cases=[case])
    case.unpublish()
    client.force_login(member)
    client.post(reverse("learning:lesson_edit", args=[lesson.pk]),
                {"statement": lesson.statement, "explanation": lesson.explanation + " Korter.", "submit": "1"})
    lesson.refresh_from_db()
    assert list(lesson.cases.all()) == [case]
    assert lesson.status != Status.SUBMITTED
