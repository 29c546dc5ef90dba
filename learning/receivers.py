"""Learning's answers to what the casebook announces (casebook/signals.py); wired in LearningConfig.ready()."""


def lessons_from_import(page, lessons, user=None, **_kwargs):
    """Lessons that arrive with an imported case go to the network's review as submitted lessons."""
    from . import services

    services.import_case_lessons(page, lessons, user=user)


def lessons_from_batch_import(items, user=None, **_kwargs):
    """The same for a batch of imported cases (casebook's cases_imported)."""
    from . import services

    services.import_cases_lessons(items, user=user)


def demo_meeting(**_kwargs):
    from . import demo

    return demo.demo_meeting()
