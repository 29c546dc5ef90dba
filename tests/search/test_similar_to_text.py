"""Similar cases for a text that is not in the index (issue 11: suggesting experts for a consultation request),
on Elasticsearch and on the database fallback, within the asker's visibility."""

import pytest

from search import backend, documents
from tests.factories import make_case

pytestmark = pytest.mark.django_db
TEXT = "Thuiszitter met autisme, door drie aanbieders afgewezen; geen school en geen zorg die samen werken."
CLASSIFICATION = {"problem_areas": ["thuiszitten"], "stuck_reasons": ["afgewezen-door-aanbieders"], "age_band": []}


def _cases():
    alike = make_case(problem_areas=["thuiszitten"], stuck_reasons=["afgewezen-door-aanbieders"])
    hidden = make_case(visibility="restricted", problem_areas=["thuiszitten"],
                       stuck_reasons=["afgewezen-door-aanbieders"])
    other = make_case(title="Eetstoornis in de overgang naar volwassenheid", summary="Een jonge vrouw met een "
                      "eetstoornis.", situation="Zij woont op kamers.", stuck_points="Wachtlijst.",
                      approach="Een ervaringsdeskundige begeleidde haar.", outcome="Ze eet weer.", lessons=[],
                      problem_areas=["eetstoornis"], stuck_reasons=["wachtlijst"])
    return alike, hidden, other


def test_on_elasticsearch(index_now, member):
    alike, hidden, other = _cases()
    index_now()
    ids = [hit["external_id"] for hit in backend.similar_to_text(TEXT, CLASSIFICATION, member, limit=5)]
    assert ids[0] == alike.external_id and hidden.external_id not in ids


def test_on_the_database_fallback(no_elasticsearch, member):
    alike, hidden, other = _cases()
    ids = [hit["external_id"] for hit in backend.similar_to_text(TEXT, CLASSIFICATION, member, limit=5)]
    assert ids == [alike.external_id]


def test_a_texts_classification_in_words_is_what_cases_index():
    # The text's classification is compared with the cases' `labels` as words, as an indexed case's would be.
    labels = documents.labels_for(CLASSIFICATION)
    case = make_case(problem_areas=["thuiszitten"], stuck_reasons=["afgewezen-door-aanbieders"], age_band="12-15")
    assert labels and labels == documents.case_document(case)["labels"]
