from django import template

from .. import permissions
from ..models import Reflection
from ..visibility import visible_lessons

register = template.Library()


@register.simple_tag
def case_learning(case, user):
    """What the learning loop adds below a case page (the page itself already checked visibility)."""
    return {
        "lessons": visible_lessons(user).filter(cases=case).order_by("-first_published_at"),
        "reflections": Reflection.objects.published().filter(case=case).order_by("first_published_at"),
        "can_reflect": permissions.can_write_reflection(user),
        "can_write_lesson": permissions.can_write_lesson(user),
        "can_invite": permissions.can_moderate(user),
    }


# Proper nouns that keep their capital inside a sentence (laws and the systems named after them).
_PROPER = ("Wlz", "Wmo", "Zvw", "Jeugdwet", "Participatiewet", "Zorgverzekeringswet", "Wet ")


@register.filter
def in_sentence(term):
    """A term's label inside a sentence: 'Autisme (ASS)' → 'autisme (ASS)'; 'ADHD' and 'Wlz-instelling' stay."""
    label = term.label
    if term.vocabulary == "laws" or label.startswith(_PROPER) or len(label) < 2 or not label[1].islower():
        return label
    return label[0].lower() + label[1:]


@register.filter
def is_member(user):
    """Network members read the owners' notes on what stands in the way; the public reads the progress only."""
    from casebook import roles

    return roles.is_member(user)
