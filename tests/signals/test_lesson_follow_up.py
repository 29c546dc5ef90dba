"""The signalering page shows how many lessons led to an action that was carried out (issue 12)."""

from datetime import date

import pytest

from learning import followup
from learning.models import Decision
from signals.lessons import follow_up, lessons_for
from tests.factories import make_case
from tests.learning.conftest import decide, make_lesson, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def lessons(member, moderator):
    utrecht = make_case(region="utrecht-flevoland", year=2025)
    elsewhere = make_case(year=2025)  # region "noord"
    done = make_lesson(member, statement="Les die tot een uitgevoerde actie leidde.", cases=[utrecht], submit=True)
    open_ = make_lesson(member, statement="Les met een actie die nog loopt.", cases=[utrecht], submit=True)
    bare = make_lesson(member, statement="Les zonder actie.", cases=[elsewhere], submit=True)
    for lesson in (done, open_, bare):
        decide(make_meeting(moderator), lesson, Decision.ACCEPT, "", moderator=moderator)
    for lesson, progress in ((done, "done"), (open_, "in_progress")):
        action = followup.add_action(lesson, what="Afspraak maken.", for_whom="Gemeenten", owner=moderator,
                                     due_date=date(2026, 6, 1), created_by=moderator)
        followup.report(action, progress=progress, obstacles="")
    return done, open_, bare, utrecht


def test_the_page_counts_lessons_whose_action_was_carried_out(client, lessons):
    response = client.get("/signalering/")
    counts = response.context["follow_up"]
    assert (counts.lessons, counts.with_actions, counts.carried_out) == (3, 2, 1)
    assert "leidden er 1 tot een actie die is uitgevoerd" in response.content.decode()


def test_a_region_filter_counts_the_lessons_of_that_region(lessons):
    done, open_, bare, utrecht = lessons
    assert set(lessons_for(None, region=utrecht.region.slug)) == {done, open_}
    assert follow_up(None, region=utrecht.region.slug).carried_out == 1


def test_a_coarsened_region_links_no_lesson_to_it(lessons):
    done, open_, bare, utrecht = lessons
    utrecht.hide_region = True
    utrecht.save_revision().publish()
    assert not lessons_for(None, region=utrecht.region.slug).exists()
