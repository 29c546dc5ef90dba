"""The learning loop: lessons, reflections, invitations, network meetings, briefings and the digest.

Decisions worth knowing:

* Lessons and reflections are snippets with Wagtail's DraftStateMixin + RevisionMixin (`live` = published; one
  revision per submission, so the history shows what each meeting read; publication via `revision.publish()`,
  which sends Wagtail's `published` signal that search listens to). Wagtail *workflows* are not used: the review
  is a group decision taken in a meeting, not a per-object approval task, and a Wagtail workflow would be a second
  state machine beside `services.py`. The admin is read-only for these models (wagtail_hooks.py).
* `services.py` is the only place that changes a contribution's status; it calls no search code.
* Before publishing, closing a meeting runs the anonymity check (`anonymity.check_fields`, through
  `publication_check.py`). Findings, or a check that cannot be reached, keep the item on the agenda.
* A published lesson is public (briefings, feed, lesson page); links to its cases are filtered per reader with
  `visible_cases`. Reflections are shown only where their case may be seen.
* An invitation link is spent by pressing 'Beginnen' (a POST), not by opening it, so mail scanners that fetch
  links do not use it up. The invited person then writes in that browser session (draft, send, see the outcome).
"""
