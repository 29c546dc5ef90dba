"""The filters of the signalering page: a GET form, so every view has a URL and works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .aggregates import FILTERS, terms


class FilterForm(forms.Form):
    def __init__(self, data=None, *, years=()):
        super().__init__(data)
        for param, (_attr, vocabulary, label) in FILTERS.items():
            if vocabulary is None:
                choices = [(str(y), str(y)) for y in years]
            else:
                choices = terms(vocabulary)
            self.fields[param] = forms.ChoiceField(
                label=label, required=False, choices=[("", _("alle"))] + choices,
                error_messages={"invalid_choice": _("'%(value)s' is geen bekende keuze voor dit filter.")},
            )

    def active_filters(self):
        """{GET parameter: value} for the filters that are set (call after is_valid())."""
        return {param: value for param, value in self.cleaned_data.items() if value}
