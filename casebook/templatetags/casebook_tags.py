from django import template

from .. import roles

register = template.Library()


@register.filter
def is_member(user):
    return roles.is_member(user)


@register.filter
def is_editor(user):
    return roles.is_editor(user)


@register.filter
def is_moderator(user):
    return roles.is_moderator(user)
