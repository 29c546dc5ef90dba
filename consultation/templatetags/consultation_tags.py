from django import template

from ..metrics import as_days

register = template.Library()


@register.filter
def days(delta):
    return as_days(delta)
