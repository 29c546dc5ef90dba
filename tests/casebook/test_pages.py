import pytest
from django.contrib.auth.models import Group

from casebook.models import CaseIndexPage, ExpertIndexPage, ExpertProfilePage, HomePage, TaxonomyTerm
from tests.factories import make_case

pytestmark = pytest.mark.django_db


def test_site_structure_roles_and_taxonomy_exist_after_migrate():
    assert HomePage.objects.count() == CaseIndexPage.objects.count() == ExpertIndexPage.objects.count() == 1
    assert {"member", "ervaringsdeskundige", "moderator", "editor", "admin"} <= set(
        Group.objects.values_list("name", flat=True)
    )
    assert TaxonomyTerm.objects.filter(vocabulary="problem_areas").count() == 22
    assert TaxonomyTerm.objects.get(vocabulary="regions", slug="noord").label_nl == "Groningen, Friesland en Drenthe"


def test_editor_group_may_use_the_admin_and_publish(editor):
    assert editor.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("casebook.change_taxonomyterm")


def test_member_group_has_no_admin_access(member):
    assert not member.has_perm("wagtailadmin.access_admin")


def test_home_page_explains_and_offers_search_and_browsing(client):
    body = client.get("/").content.decode()
    assert "<html lang=\"nl\">" in body
    assert "expertteams jeugd" in body
    assert 'role="search"' in body
    assert "/verkennen/probleemgebied/" in body


def test_case_page_shows_all_sections_and_marked_reflection(client):
    case = make_case(visibility="public", reflection="Ik werd eindelijk gehoord.", needed="Rust en één vast gezicht.")
    body = client.get(case.url).content.decode()
    for heading in ("Situatie", "Waar het vastliep", "Wat doorbrak", "Uitkomst", "Lessen uit deze casus"):
        assert heading in body
    assert "In eigen woorden" in body
    assert "Ik werd eindelijk gehoord." in body
    assert "Rust en één vast gezicht." in body
    assert "Groningen, Friesland en Drenthe" in body


def test_markdown_in_a_case_is_harmless(client):
    case = make_case(visibility="public", situation='Tekst <script>alert("x")</script> <img src=x onerror=alert(1)>')
    body = client.get(case.url).content.decode()
    assert '<script>alert("x")</script>' not in body
    assert "<img src=x onerror" not in body and '<img src="x" onerror' not in body
    assert "&lt;script&gt;" in body


def test_english_is_available(client):
    case = make_case(visibility="public")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get(case.url).content.decode()
    assert '<html lang="en">' in body
    assert "North" in body  # taxonomy labels in English


def _profile():
    profile = ExpertProfilePage(title="Noor V.", slug="noor-v", bio="Ik denk graag mee over **thuiszitters**.")
    ExpertIndexPage.objects.get().add_child(instance=profile)
    profile.save_revision().publish()
    return profile


def test_profiles_are_for_signed_in_members_only(client, member):
    profile = _profile()
    response = client.get(profile.url)
    assert response.status_code == 302 and "/inloggen/" in response["Location"]
    assert client.get("/deskundigen/").status_code == 302
    client.force_login(member)
    body = client.get(profile.url).content.decode()
    assert "<strong>thuiszitters</strong>" in body


def test_profile_names_languages_in_words(client, member):
    """Trial 10: the profile said 'Talen: nl', a code."""
    profile = _profile()
    profile.languages = "nl, en, xx"
    profile.save_revision().publish()
    client.force_login(member)
    body = client.get(profile.url).content.decode()
    assert "<dd>Nederlands, Engels, xx</dd>" in body, body[body.find("Talen"):body.find("Talen") + 120]
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "<dd>Dutch, English, xx</dd>" in client.get(profile.url).content.decode()


def test_profile_sitemap_entry_is_absent(client):
    profile = _profile()
    assert profile.slug not in client.get("/sitemap.xml").content.decode()


def test_dutch_even_when_the_browser_asks_for_english(client):
    case = make_case(visibility="public")
    body = client.get(case.url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="nl">' in body
    assert "Groningen, Friesland en Drenthe" in body  # taxonomy labels follow the page language
