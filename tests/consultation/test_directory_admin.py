"""Editors keep the directory's contact details up to date in the Wagtail admin; members cannot."""

import pytest
from django.urls import reverse

from consultation.models import JeugdRegion

pytestmark = pytest.mark.django_db


def edit_url(region):
    return reverse("wagtailsnippets_consultation_jeugdregion:edit", args=[region.pk])


def test_editor_fills_in_contact_details_of_an_expertteam(client, editor):
    region = JeugdRegion.objects.get(slug="twente")
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_consultation_jeugdregion:list"))
    assert listing.status_code == 200 and "Achterhoek" in listing.content.decode()
    response = client.post(edit_url(region), {
        "name": "Twente", "team_name": "Expertteam Twente", "area": region.area_id,
        "for_professionals": "on", "for_parents": "on", "intake_route": "Via het aanmeldformulier",
        "phone": "053 000 0000", "email": "team@example.org", "website": "https://example.org/twente",
        "response_time": "binnen 5 werkdagen", "languages": "Nederlands, Engels", "last_verified": "2026-11-01",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    region.refresh_from_db()
    assert (region.team_name, region.for_parents, region.for_young_people) == ("Expertteam Twente", True, False)
    assert str(region.last_verified) == "2026-11-01"


def test_member_cannot_edit_the_directory(client, member):
    region = JeugdRegion.objects.get(slug="twente")
    client.force_login(member)
    response = client.post(edit_url(region), {"name": "Gekaapt", "area": region.area_id})
    assert response.status_code in (302, 403)
    region.refresh_from_db()
    assert region.name == "Twente"
