"""Editors in the Wagtail admin: editing a case, and publishing refused while identifying details remain."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from casebook.models import CasePage, TaxonomyTerm
from tests.factories import make_case

pytestmark = pytest.mark.django_db


def edit_form_data(page, **changes):
    term = lambda vocabulary, slug: TaxonomyTerm.objects.get(vocabulary=vocabulary, slug=slug).pk  # noqa: E731
    data = {
        "title": page.title,
        "slug": page.slug,
        "external_id": page.external_id,
        "summary": page.summary,
        "situation": page.situation,
        "stuck_points": page.stuck_points,
        "approach": page.approach,
        "outcome": page.outcome,
        "needed": page.needed,
        "created": page.created,
        "reflection": page.reflection,
        "case_lessons": inline_formset([{"text": lesson.text} for lesson in page.case_lessons.all()]),
        "problem_areas": [term("problem_areas", "autisme")],
        "age_band": term("age_bands", "12-15"),
        "region": term("regions", "noord"),
        "outcome_status": term("outcome_status", "doorbraak"),
        "year": page.year,
        "visibility": page.visibility,
        "consent": page.consent,
        "language": page.language,
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_editor_opens_the_case_editor(client, editor):
    page = make_case()
    client.force_login(editor)
    response = client.get(f"/cms/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "Classificatie" in response.content.decode()


def test_publishing_with_a_bsn_is_refused_then_allowed_after_rewriting(client, editor):
    page = make_case()
    client.force_login(editor)
    bsn_text = "De jongere (BSN 123456782) woont bij zijn moeder."  # fictional number that passes the elfproef

    response = client.post(
        f"/cms/pages/{page.pk}/edit/", edit_form_data(page, situation=bsn_text, **{"action-publish": "publish"}),
        follow=True,
    )
    assert response.status_code == 200
    assert "Niet gepubliceerd" in response.content.decode()
    live = CasePage.objects.get(pk=page.pk)
    assert "123456782" not in live.situation  # the live version is untouched

    response = client.post(
        f"/cms/pages/{page.pk}/edit/",
        edit_form_data(page, situation="De jongere woont bij zijn moeder.", **{"action-publish": "publish"}),
        follow=True,
    )
    assert response.status_code == 200
    assert CasePage.objects.get(pk=page.pk).situation == "De jongere woont bij zijn moeder."


def test_a_new_case_published_straight_away_is_not_live_while_the_check_refuses(client, editor):
    # Wagtail's create view saves a new page as live before the publish hook runs; a refused new case must still
    # be invisible: not on its page, in the list, or in search.
    from casebook.models import CaseIndexPage

    template = make_case()
    parent = CaseIndexPage.objects.get()
    client.force_login(editor)
    data = edit_form_data(template, title="Nieuwe casus over een wachtlijst", slug="nieuwe-casus-wachtlijst",
                          external_id="test-new-1", situation="De jongere (BSN 123456782) woont bij zijn moeder.",
                          **{"action-publish": "publish"})
    response = client.post(f"/cms/pages/add/casebook/casepage/{parent.pk}/", data, follow=True)
    assert "Niet gepubliceerd" in response.content.decode()
    page = CasePage.objects.get(external_id="test-new-1")
    assert not page.live
    client.logout()
    assert client.get("/casussen/nieuwe-casus-wachtlijst/").status_code == 404
    assert "test-new-1" not in client.get("/api/v1/search", {"q": "wachtlijst"}).content.decode()
    assert "Nieuwe casus over een wachtlijst" not in client.get("/casussen/").content.decode()

    client.force_login(editor)
    clean = edit_form_data(page, situation="De jongere woont bij zijn moeder.", **{"action-publish": "publish"})
    client.post(f"/cms/pages/{page.pk}/edit/", clean, follow=True)
    client.logout()
    assert client.get("/casussen/nieuwe-casus-wachtlijst/").status_code == 200
