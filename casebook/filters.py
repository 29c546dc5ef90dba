"""Filters for case lists, by the interchange format's field names and slugs (?problem_areas=autisme&region=noord)."""

import django_filters
from django import forms

from .classification import CLASSIFICATION_FIELDS, COARSENABLE, without_hidden
from .models import CasePage, TaxonomyTerm


def _filter_for(field):
    queryset = TaxonomyTerm.objects.filter(vocabulary=field.vocabulary)
    filter_class = django_filters.ModelMultipleChoiceFilter if field.many else django_filters.ModelChoiceFilter
    options = {"conjoined": True} if field.many else {}
    if field.name in COARSENABLE:
        # A case whose region or age band is hidden must not be findable by it (issue 9, finding 1).
        options["method"] = _hidden_aware(field)
    return filter_class(
        # Multi-value filters compare by slug (django-filter's predicate uses to_field_name's value).
        field_name=f"{field.attr}__slug" if field.many else field.attr,
        queryset=queryset,
        to_field_name="slug",
        label=field.label,
        widget=forms.CheckboxSelectMultiple if field.many else forms.Select,
        **options,
    )


def _hidden_aware(field):
    def apply(queryset, _name, value):
        if not value:
            return queryset
        return without_hidden(queryset.filter(**{field.attr: value}), field.name)

    return apply


class CaseFilter(django_filters.FilterSet):
    class Meta:
        model = CasePage
        fields = []


for _field in CLASSIFICATION_FIELDS:
    CaseFilter.base_filters[_field.name] = _filter_for(_field)
