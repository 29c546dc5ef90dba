"""The database search (the embedded default) finds lessons and expertise profiles too, with the rules that decide
who may read them on their own pages and on Elasticsearch (trial finding F1)."""

import pytest

from casebook.models import ExpertIndexPage, ExpertProfilePage, TaxonomyTerm
from learning.models import Lesson, Status
from tests.factories import make_user

from .helpers import api, case, facet_keys, keys

RESULT_KEYS = {"external_id", "type", "title", "url", "summary", "year", "score", "highlights"}


def lesson(statement, explanation="", visibility="public", themes=(), published=True):
    made = Lesson.objects.create(author=make_user("member"), statement=statement, explanation=explanation,
                                 visibility=visibility, live=published,
                                 status=Status.ACCEPTED if published else Status.SUBMITTED)
    made.themes.set(TaxonomyTerm.objects.filter(vocabulary="problem_areas", slug__in=themes))
    made.save()  # a parental relation is written on save
    return made


def profile(title, slug, job_title, bio, areas=()):
    page = ExpertIndexPage.objects.get().add_child(instance=ExpertProfilePage(
        title=title, slug=slug, job_title=job_title, organisation_type="expertteam", bio=bio))
    page.expertise_areas.set(TaxonomyTerm.objects.filter(vocabulary="problem_areas", slug__in=areas))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def content(db, no_elasticsearch):
    return {
        "case": case(title="Een crisisplan voor een jongen die thuis vastliep", problem_areas=["autisme"]),
        "lesson": lesson("Maak het crisisplan samen met de jongere, niet over hem",
                         "Een crisisplan werkt alleen als de jongere het herkent.", themes=["autisme"]),
        "network_lesson": lesson("Financier eerst samen en verdeel de kosten later",
                                 "Wachten op de vraag wie betaalt kost een crisisplan maanden.", visibility="network",
                                 themes=["autisme"]),
        "restricted_lesson": lesson("Een beperkte les over het crisisplan", visibility="restricted"),
        "draft_lesson": lesson("Een les over het crisisplan die nog besproken moet worden", published=False),
        "expert": profile("Sanne de gedragswetenschapper", "sanne-g", "Gedragswetenschapper",
                          "Ervaring met autisme en met een crisisplan dat wel werkt.", areas=["autisme"]),
    }


def _id(obj):
    return f"lesson-{obj.pk}" if isinstance(obj, Lesson) else f"expert-{obj.slug}"


def test_a_lesson_is_found_on_the_database(client, content):
    result = api(client, q="crisisplan")
    assert result["backend"] == "database"
    assert keys(result) == [content["case"].external_id, _id(content["lesson"])]  # cases first
    hit = result["results"][1]
    assert RESULT_KEYS <= set(hit) and hit["type"] == "lesson"
    assert hit["url"] == f"/leren/lessen/{content['lesson'].pk}/" and hit["title"] == content["lesson"].statement
    assert facet_keys(result, "type") == {"case": 1, "lesson": 1}
    # The query's words as for cases: a question word and a stop word drop out, the compound is split.
    assert _id(content["lesson"]) in keys(api(client, q="hoe maak je een crisisplan"))
    assert keys(api(client, q="herkent", type="lesson")) == [_id(content["lesson"])]  # the explanation counts too


def test_an_expertise_profile_is_found_by_members_on_the_database(client, content, member):
    assert "expert" not in facet_keys(api(client, q="gedragswetenschapper"), "type")
    assert api(client, q="gedragswetenschapper", type="expert")["total"] == 0
    client.force_login(member)
    result = api(client, q="gedragswetenschapper")
    assert keys(result) == [_id(content["expert"])] and result["results"][0]["type"] == "expert"
    assert result["results"][0]["url"].endswith("/sanne-g/")
    assert facet_keys(result, "type") == {"expert": 1}


def test_type_filters_and_type_facet_counts_on_the_database(client, content, member):
    client.force_login(member)
    everything = api(client, q="crisisplan")
    assert facet_keys(everything, "type") == {"case": 1, "lesson": 2, "expert": 1}
    assert everything["total"] == 4 == len(everything["results"])
    lessons = api(client, q="crisisplan", type="lesson")
    assert sorted(keys(lessons)) == sorted([_id(content["lesson"]), _id(content["network_lesson"])])
    assert lessons["total"] == 2 and facet_keys(lessons, "type") == {"lesson": 2}
    assert keys(api(client, q="crisisplan", type="expert")) == [_id(content["expert"])]
    assert keys(api(client, q="crisisplan", type="case")) == [content["case"].external_id]
    both = api(client, q="crisisplan", type=["case", "expert"])
    assert keys(both) == [content["case"].external_id, _id(content["expert"])]
    # Paging runs on from the cases into the lessons and profiles, each result once.
    pages = [keys(api(client, q="crisisplan", page_size=1, page=n)) for n in (1, 2, 3, 4, 5)]
    assert sum(pages, []) == keys(everything) and pages[-1] == []


def test_facet_filters_and_counts_include_lessons_and_profiles(client, content, member):
    client.force_login(member)
    result = api(client, q="crisisplan")
    assert facet_keys(result, "problem_areas")["autisme"] == 4  # the case, two lessons, the profile
    assert facet_keys(result, "stuck_reasons") == {"afgewezen-door-aanbieders": 1}  # the case only
    narrowed = api(client, q="crisisplan", stuck_reasons="afgewezen-door-aanbieders")
    assert keys(narrowed) == [content["case"].external_id] and facet_keys(narrowed, "type") == {"case": 1}
    # A lesson or profile has no age band: an age-band filter leaves only cases.
    assert facet_keys(api(client, q="crisisplan", age_band="12-15"), "type") == {"case": 1}


def test_a_network_lesson_or_profile_never_reaches_anonymous_users(client, content):
    for q in ("financier eerst samen", "crisisplan", "gedragswetenschapper sanne", "autisme"):
        result = api(client, q=q)
        shown = set(keys(result))
        assert not shown & {_id(content[k]) for k in ("network_lesson", "restricted_lesson", "draft_lesson",
                                                       "expert")}, q
        assert set(facet_keys(result, "type")) <= {"case", "lesson"}
        assert facet_keys(result, "type").get("lesson", 0) <= 1
    assert api(client, q="financier")["total"] == 0 and facet_keys(api(client, q="financier"), "type") == {}
    assert facet_keys(api(client, q="crisisplan"), "problem_areas")["autisme"] == 2  # the case and the public lesson
    assert api(client, q="crisisplan", type="lesson")["total"] == 1
    html = client.get("/zoeken/", {"q": "crisisplan"}).content.decode()
    assert content["lesson"].statement in html and content["network_lesson"].statement not in html


def test_members_see_network_lessons_but_not_restricted_ones(client, content, member):
    client.force_login(member)
    found = keys(api(client, q="financier"))
    assert found == [_id(content["network_lesson"])]
    shown = set(keys(api(client, q="crisisplan", page_size=50)))
    assert _id(content["restricted_lesson"]) not in shown and _id(content["draft_lesson"]) not in shown
    client.force_login(make_user("editor"))
    assert _id(content["restricted_lesson"]) in keys(api(client, q="crisisplan", type="lesson"))


def test_a_lesson_of_a_withdrawn_case_is_not_found_on_the_database(client, content):
    # The rule of learning.visibility (trial finding F16) holds on the database search too: withdrawn, the case takes
    # its lesson out of the results and the type count; published again, it brings it back.
    content["lesson"].cases.add(content["case"])
    content["lesson"].save()  # a parental relation is written on save
    content["case"].unpublish()
    result = api(client, q="crisisplan")
    assert _id(content["lesson"]) not in keys(result) and "lesson" not in facet_keys(result, "type")
    content["case"].get_latest_revision().publish()
    assert _id(content["lesson"]) in keys(api(client, q="crisisplan"))
