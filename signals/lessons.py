"""What the network learned, for the signalering page and the regional report. Lessons belong to the learning app;
signals only reads them, through learning's own visibility and follow-up functions."""

from django.db.models import Q

from learning.followup import follow_up_counts
from learning.visibility import visible_lessons


def lessons_for(user, region=None, year=None):
    """Published lessons the user may see; for a region: those accepted at a meeting of that region or drawn from a
    case in it (a case whose region is coarsened never links a lesson to a region); for a year: accepted in it."""
    lessons = visible_lessons(user)
    if region:
        lessons = lessons.filter(
            Q(agenda_items__meeting__region__slug=region, agenda_items__decision="accept")
            | Q(cases__region__slug=region, cases__hide_region=False)
        )
    if year:
        lessons = lessons.filter(decided_at__year=int(year))
    return lessons.distinct()


def follow_up(user, region=None, year=None):
    return follow_up_counts(lessons_for(user, region, year))
