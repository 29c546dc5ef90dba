"""Who may draft, submit, invite, moderate, decide and read: one test per role per action."""

import pytest
from django.urls import reverse

from learning.models import Decision, Lesson, Reflection, Status
from tests.factories import make_case, make_user

from .conftest import decide, make_lesson, make_meeting, make_reflection

pytestmark = pytest.mark.django_db



def client_for(client, role):
    if role != "anonymous":
        client.force_login(make_user(role))
    return client


def expect(response, allowed):
    if allowed:
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 302:
            assert "/inloggen/" not in response["Location"]
    else:
        assert response.status_code == 403 or (response.status_code == 302 and "/inloggen/" in response["Location"])


# --- drafting and submitting lessons ---------------------------------------------------------------------------

@pytest.mark.parametrize("role, allowed", [("anonymous", False), ("member", True), ("ervaringsdeskundige", False),
                                           ("moderator", True), ("editor", True), ("admin", True)])
def test_draft_lesson(client, role, allowed):
    client = client_for(client, role)
    expect(client.get(reverse("learning:lesson_create")), allowed)
    response = client.post(reverse("learning:lesson_create"), {"statement": "Een les in één zin, zonder namen.",
                                                               "draft": "1"})
    expect(response, allowed)
    assert Lesson.objects.filter(status=Status.DRAFT).exists() == allowed


@pytest.mark.parametrize("role, allowed", [("anonymous", False), ("member", True), ("ervaringsdeskundige", False),
                                           ("moderator", True), ("editor", True), ("admin", True)])
def test_submit_lesson(client, role, allowed):
    client = client_for(client, role)
    response = client.post(reverse("learning:lesson_create"), {"statement": "Een les in één zin, zonder namen.",
                                                               "submit": "1"})
    expect(response, allowed)
    assert Lesson.objects.filter(status=Status.SUBMITTED).exists() == allowed


def test_a_lesson_can_only_link_cases_its_author_may_see(client, member):
    restricted = make_case(visibility="restricted")
    client.force_login(member)
    response = client.post(reverse("learning:lesson_create"),
                           {"statement": "Een les in één zin.", "cases": [restricted.pk], "draft": "1"})
    assert response.status_code == 200 and "cases" in response.context["form"].errors


def test_nobody_edits_someone_elses_lesson(client, member):
    lesson = make_lesson(member)
    client.force_login(make_user("member"))
    assert client.get(reverse("learning:lesson_edit", args=[lesson.pk])).status_code == 404


# --- writing reflections ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("role, allowed", [("anonymous", False), ("member", False), ("ervaringsdeskundige", True),
                                           ("moderator", False), ("editor", False), ("admin", True)])
def test_write_reflection(client, role, allowed, case):
    client = client_for(client, role)
    url = reverse("learning:reflection_create") + f"?casus={case.pk}"
    expect(client.get(url), allowed)
    expect(client.post(url, {"body": "Wat mij hielp was één vast gezicht.", "sign_as": "anonymous", "submit": "1"}),
           allowed)
    assert Reflection.objects.filter(case=case, status=Status.SUBMITTED).exists() == allowed


def test_ervaringsdeskundige_cannot_reflect_on_a_case_they_may_not_see(client, ervaringsdeskundige):
    restricted = make_case(visibility="restricted")
    client.force_login(ervaringsdeskundige)
    assert client.get(reverse("learning:reflection_create") + f"?casus={restricted.pk}").status_code == 404


def test_ervaringsdeskundige_cannot_see_other_peoples_drafts(client, ervaringsdeskundige, case):
    other = make_user("ervaringsdeskundige")
    draft = make_reflection(other, case=case, body="Mijn geheime concept, nog niet af.")
    client.force_login(ervaringsdeskundige)
    assert client.get(reverse("learning:reflection_edit", args=[draft.pk])).status_code == 404
    mine = client.get(reverse("learning:my_contributions")).content.decode()
    assert "geheime concept" not in mine
    assert "geheime concept" not in client.get(case.url).content.decode()


def test_moderators_and_editors_do_not_see_drafts_either(client, moderator, editor, member):
    draft = make_lesson(member, statement="Een concept dat alleen de auteur ziet.")
    for user in (moderator, editor):
        client.force_login(user)
        assert client.get(reverse("learning:lesson_detail", args=[draft.pk])).status_code == 404
        assert client.get(reverse("learning:lesson_edit", args=[draft.pk])).status_code in (403, 404)
    client.force_login(member)
    assert client.get(reverse("learning:lesson_detail", args=[draft.pk])).status_code == 200


def test_unpublished_lesson_is_hidden_from_readers(client, member):
    submitted = make_lesson(member, submit=True)
    for role in ("anonymous", "member", "ervaringsdeskundige", "editor"):
        c = client_for(client, role)
        assert c.get(reverse("learning:lesson_detail", args=[submitted.pk])).status_code == 404, role
        c.logout()


# --- inviting -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("role, allowed", [("anonymous", False), ("member", False), ("ervaringsdeskundige", False),
                                           ("moderator", True), ("editor", False), ("admin", True)])
def test_invite(client, role, allowed, case):
    client = client_for(client, role)
    url = reverse("learning:invitation_create", args=[case.pk])
    expect(client.get(url), allowed)
    response = client.post(url, {"days": 14})
    expect(response, allowed)
    if allowed:
        assert "/leren/uitnodiging/" in response.content.decode()


# --- meetings: build agendas, run, decide, close --------------------------------------------------------------

@pytest.fixture
def meeting_with_item(db):
    moderator = make_user("moderator")
    meeting = make_meeting(moderator)
    lesson = make_lesson(make_user("member"), submit=True)
    return meeting, lesson


@pytest.mark.parametrize("role, allowed", [("anonymous", False), ("member", False), ("ervaringsdeskundige", False),
                                           ("moderator", True), ("editor", False), ("admin", True)])
def test_create_meeting(client, role, allowed):
    client = client_for(client, role)
    expect(client.get(reverse("learning:meeting_list")), allowed)
    response = client.post(reverse("learning:meeting_create"), {"title": "Bijeenkomst Oost", "date": "2026-04-02"})
    expect(response, allowed)


@pytest.mark.parametrize("role, allowed", [("anonymous", False), ("member", False), ("ervaringsdeskundige", False),
                                           ("moderator", True), ("editor", False), ("admin", True)])
def test_build_agenda(client, role, allowed, meeting_with_item):
    meeting, lesson = meeting_with_item
    client = client_for(client, role)
    expect(client.post(reverse("learning:agenda_add", args=[meeting.pk]), {"lesson": lesson.pk}), allowed)
    lesson.refresh_from_db()
    assert (lesson.status == Status.ON_AGENDA) == allowed


@pytest.mark.parametrize("role, allowed", [("anonymous", False), ("member", False), ("ervaringsdeskundige", False),
                                           ("moderator", True), ("editor", False), ("admin", True)])
def test_decide_and_close(client, role, allowed, meeting_with_item):
    from learning import services

    meeting, lesson = meeting_with_item
    services.add_to_agenda(meeting, lesson)
    client = client_for(client, role)
    url = reverse("learning:agenda_item", args=[meeting.pk, 1])
    # Editors may read an agenda item (they clear anonymity findings there, issue 10), never decide.
    expect(client.get(url), allowed or role == "editor")
    expect(client.post(url, {"decision": Decision.ACCEPT, "minutes": "Aanvaard."}), allowed)
    expect(client.post(reverse("learning:meeting_close", args=[meeting.pk])), allowed)
    lesson.refresh_from_db()
    assert lesson.is_published == allowed


# --- the Wagtail admin --------------------------------------------------------------------------------------------

def test_admin_lists_submitted_lessons_but_never_drafts(client, editor, member):
    make_lesson(member, statement="Dit concept hoort niemand te zien.")
    submitted = make_lesson(member, statement="Deze les is ingediend voor bespreking.", submit=True)
    draft = Lesson.objects.get(status=Status.DRAFT)
    client.force_login(editor)
    listing = client.get("/cms/snippets/learning/lesson/").content.decode()
    assert "ingediend voor bespreking" in listing and "hoort niemand te zien" not in listing
    assert client.get(f"/cms/snippets/learning/lesson/inspect/{submitted.pk}/").status_code == 200
    assert client.get(f"/cms/snippets/learning/lesson/inspect/{draft.pk}/").status_code == 404
    assert client.get(f"/cms/snippets/learning/lesson/history/{draft.pk}/").status_code == 404


@pytest.mark.parametrize("role", ["editor", "moderator", "admin"])
def test_admin_cannot_add_edit_or_publish_lessons(client, role, member):
    lesson = make_lesson(member, submit=True)
    client = client_for(client, role)
    for url in ("/cms/snippets/learning/lesson/add/", f"/cms/snippets/learning/lesson/edit/{lesson.pk}/",
                f"/cms/snippets/learning/lesson/delete/{lesson.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), (url, response.status_code)
        assert response.status_code == 403 or "/cms/" in response["Location"]
    lesson.refresh_from_db()
    assert not lesson.live


def test_members_and_ervaringsdeskundigen_have_no_admin(client):
    for role in ("member", "ervaringsdeskundige"):
        client.force_login(make_user(role))
        response = client.get("/cms/snippets/learning/lesson/")
        assert response.status_code == 302 and "/cms/login/" in response["Location"]


def test_moderator_sees_the_meetings_link_in_the_admin_menu(client, moderator, editor):
    client.force_login(moderator)
    assert reverse("learning:meeting_list") in client.get("/cms/").content.decode()
    client.force_login(editor)
    assert reverse("learning:meeting_list") not in client.get("/cms/").content.decode()


def test_declined_lesson_shows_its_author_why(client, member, moderator):
    lesson = make_lesson(member, submit=True)
    decide(make_meeting(moderator), lesson, Decision.DECLINE, "Dit staat al in de richtlijn; geen nieuwe les.",
           moderator=moderator)
    client.force_login(member)
    mine = client.get(reverse("learning:my_contributions")).content.decode()
    assert "Afgewezen" in mine and "Dit staat al in de richtlijn" in mine
    detail = client.get(reverse("learning:lesson_detail", args=[lesson.pk])).content.decode()
    assert "Dit staat al in de richtlijn" in detail
    client.force_login(make_user("member"))
    assert client.get(reverse("learning:lesson_detail", args=[lesson.pk])).status_code == 404
