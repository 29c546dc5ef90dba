"""The demo (load_demo) has a consultation coordinator the README names, so a demo question can be answered."""

import io

import pytest
from django.contrib.auth.models import User

from casebook.management.commands.load_demo import Command
from consultation.models import ExpertiseArea, JeugdRegion, State

from .conftest import make_request

pytestmark = pytest.mark.django_db


def test_demo_editor_can_take_up_a_demo_question_to_any_team_or_centre(client, requester):
    out = io.StringIO()
    Command(stdout=out)._accounts()  # the demo accounts (DEBUG only), as `make run` makes them
    editor = User.objects.get(username="demo-editor")
    assert "demo-editor" in out.getvalue()
    team = JeugdRegion.objects.order_by("-name").first()
    centre = ExpertiseArea.objects.order_by("-name").first()
    client.force_login(editor)
    for where in (team, centre):
        req = make_request(requester, where, state=State.SUBMITTED)
        assert client.get(f"/consultatie/{req.public_id}/").status_code == 200
        client.post(f"/consultatie/{req.public_id}/accepteren/")
        req.refresh_from_db()
        assert req.state == State.IN_PROGRESS
