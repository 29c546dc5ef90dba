"""How long free text may be, and what it may not contain (issue 9, finding 8).

Every narrative and free-text field (models, so the admin and the site's forms; the interchange schema; the API)
takes its maximum from here and rejects control characters: they are invisible, break exports and feeds, and
have no place in a case. Tabs and line breaks are ordinary text.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

TITLE = 200
SUMMARY = 1_200
NARRATIVE = 20_000  # one section of a case (situation, stuck points, …): some 3,000 words
LESSON = 600
EXPLANATION = 5_000
REFLECTION = 10_000
NOTE = 2_000  # minutes, reasons, participants, short notes
PROFILE = 10_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def first_control_character(text):
    """(position, character) of the first control character in `text`, or None."""
    found = _CONTROL.search(text or "")
    return (found.start(), found.group()) if found else None


def control_character_message(position, character):
    return _("bevat een onzichtbaar stuurteken (U+%(code)04X) op positie %(position)d; haal het weg") % {
        "code": ord(character), "position": position + 1}


@deconstructible
class NoControlCharacters:
    def __call__(self, value):
        found = first_control_character(value if isinstance(value, str) else "")
        if found:
            raise ValidationError(control_character_message(*found), code="control_character")

    def __eq__(self, other):
        return isinstance(other, NoControlCharacters)


no_control_characters = NoControlCharacters()


def no_control_characters_in(**fields):
    """Model.clean() helper for fields a model inherits (such as Page.title): errors keyed by field name."""
    errors = {}
    for name, value in fields.items():
        try:
            no_control_characters(value)
        except ValidationError as error:
            errors[name] = error
    if errors:
        raise ValidationError(errors)
