import pytest

from casebook.models import TaxonomyTerm
from learning.templatetags.learning_tags import in_sentence


@pytest.mark.django_db
@pytest.mark.parametrize(
    "vocabulary, slug, expected",
    [
        ("problem_areas", "autisme", "autisme (ASS)"),
        ("problem_areas", "adhd", "ADHD"),
        ("settings", "wlz-instelling", "Wlz-instelling"),
        ("laws", "jeugdwet", "Jeugdwet"),
        ("stuck_reasons", "overgang-18", "overgang naar 18+"),
    ],
)
def test_theme_labels_read_naturally_inside_the_briefing_heading(vocabulary, slug, expected):
    assert in_sentence(TaxonomyTerm.objects.get(vocabulary=vocabulary, slug=slug)) == expected
