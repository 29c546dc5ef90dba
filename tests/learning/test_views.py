"""View-level behaviour of the meeting screens and the writing forms."""

import pytest
from django.urls import reverse

from casebook.models import TaxonomyTerm
from learning import services
from learning.models import Decision, Lesson, Status

from .conftest import make_lesson, make_meeting, make_reflection

pytestmark = pytest.mark.django_db


def test_lesson_form_saves_themes_and_cases_and_submits(client, member, case):
    autism = TaxonomyTerm.objects.get(vocabulary="problem_areas", slug="autisme")
    client.force_login(member)
    form = client.get(reverse("learning:lesson_create") + f"?casus={case.pk}")
    assert f'value="{case.pk}"' in form.content.decode()
    response = client.post(reverse("learning:lesson_create"), {
        "statement": "Breng expertise naar de jongere in plaats van andersom.",
        "explanation": "Drie aanbieders wezen af; **één** team kwam naar huis.",
        "themes_problem_areas": [autism.pk], "cases": [case.pk], "submit": "1",
    })
    assert response.status_code == 302
    lesson = Lesson.objects.get()
    assert lesson.status == Status.SUBMITTED and list(lesson.themes.all()) == [autism]
    assert list(lesson.cases.all()) == [case]
    # Submitted: the author can no longer change it.
    edit = client.get(reverse("learning:lesson_edit", args=[lesson.pk]))
    assert edit.status_code == 302


def test_reflection_form_requires_text_to_send_but_not_to_save(client, ervaringsdeskundige, case):
    client.force_login(ervaringsdeskundige)
    url = reverse("learning:reflection_create") + f"?casus={case.pk}"
    response = client.post(url, {"body": "", "sign_as": "anonymous", "submit": "1"})
    assert response.status_code == 200 and "Schrijf eerst iets" in response.content.decode()
    response = client.post(url, {"body": "", "sign_as": "pseudonym", "pseudonym": "", "draft": "1"})
    assert "Kies een naam" in response.content.decode()
    assert client.post(url, {"body": "", "sign_as": "anonymous", "draft": "1"}).status_code == 302


def test_reflection_form_is_plain_b1_and_needs_no_javascript(client, ervaringsdeskundige, case):
    client.force_login(ervaringsdeskundige)
    body = client.get(reverse("learning:reflection_create") + f"?casus={case.pk}").content.decode()
    assert "<script" not in body
    assert '<label for="id_body"' in body and "<legend>Hoe wil je ondertekenen?</legend>" in body
    assert "Bewaren" in body and "Versturen" in body


def test_agenda_order_changes_with_post_buttons(client, moderator, member):
    meeting = make_meeting(moderator)
    lessons = [make_lesson(member, statement=f"Les {n} voor de volgorde.", submit=True) for n in range(3)]
    client.force_login(moderator)
    client.post(reverse("learning:agenda_add", args=[meeting.pk]), {"all": "1"})
    items = list(meeting.items.all())
    assert len(items) == 3
    client.post(reverse("learning:agenda_move", args=[meeting.pk, items[0].pk]), {"direction": "down"})
    assert [item.lesson for item in meeting.items.all()] == [lessons[1], lessons[0], lessons[2]]
    assert client.get(reverse("learning:agenda_move", args=[meeting.pk, items[0].pk])).status_code == 405
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "learning-print.css" in page and 'media="print"' in page
    assert page.count('name="direction" value="up"') == 3


def test_walkthrough_goes_item_by_item_and_asks_a_reason_for_revise(client, moderator, member, ervaringsdeskundige,
                                                                    case):
    meeting = make_meeting(moderator)
    lesson = make_lesson(member, cases=[case], submit=True)
    reflection = make_reflection(ervaringsdeskundige, case=case, submit=True)
    services.add_to_agenda(meeting, lesson)
    services.add_to_agenda(meeting, reflection)
    client.force_login(moderator)
    first = client.get(reverse("learning:agenda_item", args=[meeting.pk, 1])).content.decode()
    assert "Punt 1 van 2" in first and case.title in first and case.summary[:40] in first
    response = client.post(reverse("learning:agenda_item", args=[meeting.pk, 1]), {"decision": "revise"})
    assert "Leg uit waarom" in response.content.decode()
    response = client.post(reverse("learning:agenda_item", args=[meeting.pk, 1]),
                           {"decision": "revise", "minutes": "Maak concreet wie wat doet."})
    assert response["Location"] == reverse("learning:agenda_item", args=[meeting.pk, 2])
    client.post(reverse("learning:agenda_item", args=[meeting.pk, 2]), {"decision": "accept", "minutes": ""})
    client.post(reverse("learning:meeting_close", args=[meeting.pk]))
    lesson.refresh_from_db()
    reflection.refresh_from_db()
    assert lesson.status == Status.REVISE and reflection.is_published
    minutes = client.get(reverse("learning:meeting_minutes", args=[meeting.pk])).content.decode()
    assert "Maak concreet wie wat doet." in minutes and "Aanvaarden" in minutes


def test_blocked_item_is_marked_on_the_agenda_and_the_moderator_is_told(client, moderator, ervaringsdeskundige, case):
    meeting = make_meeting(moderator)
    reflection = make_reflection(ervaringsdeskundige, case=case, body="Mijn nummer is 06-12345678.", submit=True)
    item = services.add_to_agenda(meeting, reflection)
    services.record_decision(item, Decision.ACCEPT, "")
    client.force_login(moderator)
    response = client.post(reverse("learning:meeting_close", args=[meeting.pk]), follow=True)
    body = response.content.decode()
    assert "anonimiteitscontrole vond herleidbare gegevens" in body
    assert "06-12345678" in body and "blocked" in body
    assert "Mijn nummer" not in client.get(case.url).content.decode()


def test_closed_meeting_cannot_be_changed(client, moderator, member):
    meeting = make_meeting(moderator)
    lesson = make_lesson(member, submit=True)
    item = services.add_to_agenda(meeting, lesson)
    services.record_decision(item, Decision.ACCEPT, "")
    services.close_meeting(meeting, moderator)
    client.force_login(moderator)
    assert client.post(reverse("learning:meeting_close", args=[meeting.pk])).status_code == 404
    assert client.post(reverse("learning:agenda_move", args=[meeting.pk, item.pk]), {"direction": "up"}).status_code == 404
    client.post(reverse("learning:agenda_item", args=[meeting.pk, 1]), {"decision": "decline", "minutes": "Toch niet."})
    item.refresh_from_db()
    assert item.decision == Decision.ACCEPT


def test_reflection_on_a_published_lesson_appears_on_the_lesson_page(client, member, moderator, ervaringsdeskundige):
    from .conftest import decide

    lesson = make_lesson(member, submit=True)
    decide(make_meeting(moderator), lesson, Decision.ACCEPT, moderator=moderator)
    client.force_login(ervaringsdeskundige)
    page = client.get(lesson.get_url()).content.decode()
    assert f"?les={lesson.pk}" in page
    client.post(reverse("learning:reflection_create") + f"?les={lesson.pk}",
                {"body": "Dit klopt: bij mij ging het mis op mijn 18e.", "sign_as": "anonymous", "submit": "1"})
    reflection = lesson.reflections.get()
    decide(make_meeting(moderator, title="Tweede bijeenkomst"), reflection, Decision.ACCEPT, moderator=moderator)
    client.logout()
    page = client.get(lesson.get_url()).content.decode()
    assert "bij mij ging het mis op mijn 18e" in page and "Anoniem" in page


def test_reflections_are_only_written_on_published_lessons(client, member, ervaringsdeskundige):
    lesson = make_lesson(member, submit=True)
    client.force_login(ervaringsdeskundige)
    assert client.get(reverse("learning:reflection_create") + f"?les={lesson.pk}").status_code == 404
    assert client.get(reverse("learning:reflection_create") + "?casus=abc").status_code == 404


def test_a_new_ervaringsdeskundige_sees_where_to_start(client, ervaringsdeskundige):
    """Trial 10 F6: 'Mijn bijdragen' said only 'Je hebt nog niets geschreven.', and the bare reflection address was a
    404. Now the page explains the steps in plain words and links to the stories and lessons."""
    client.force_login(ervaringsdeskundige)
    page = client.get(reverse("learning:my_contributions")).content.decode()
    assert "Zo begin je" in page and "Schrijf een reflectie" in page
    assert 'href="/casussen/"' in page and f'href="{reverse("learning:home")}"' in page
    bare = client.get(reverse("learning:reflection_create"), follow=True)
    assert bare.redirect_chain[-1][0] == reverse("learning:my_contributions")
    assert "Kies eerst een verhaal of een les" in bare.content.decode()
    assert client.get(reverse("learning:reflection_create") + "?casus=999999").status_code == 404
