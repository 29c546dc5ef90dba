from django import forms
from django.utils.translation import gettext_lazy as _

from casebook.models import TaxonomyTerm

from .models import Advice, ConsultationRequest, FollowUp, JeugdRegion


def _terms(vocabulary):
    return TaxonomyTerm.objects.filter(vocabulary=vocabulary).order_by("sort_order", "label_nl")


class RequestForm(forms.ModelForm):
    class Meta:
        model = ConsultationRequest
        fields = ["team", "title", "question", "situation", "tried", "needed", "problem_areas", "age_band",
                  "stuck_reasons", "urgency"]
        widgets = {"problem_areas": forms.CheckboxSelectMultiple, "stuck_reasons": forms.CheckboxSelectMultiple,
                   "urgency": forms.RadioSelect,
                   **{name: forms.Textarea(attrs={"rows": 5}) for name in ("question", "situation", "tried", "needed")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = JeugdRegion.objects.order_by("name")
        self.fields["team"].label_from_instance = lambda region: f"{region.display_name} ({region.name})"
        self.fields["problem_areas"].queryset = _terms("problem_areas")
        self.fields["stuck_reasons"].queryset = _terms("stuck_reasons")
        self.fields["age_band"].queryset = _terms("age_bands")


class SubmitForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Toch versturen? Leg uit waarom deze gegevens niet herkenbaar zijn"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}))


class ReferForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Doorverwijzen naar"), queryset=JeugdRegion.objects.order_by("name"))
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=300)

    def __init__(self, *args, exclude_team=None, **kwargs):
        super().__init__(*args, **kwargs)
        if exclude_team is not None:
            self.fields["team"].queryset = self.fields["team"].queryset.exclude(pk=exclude_team.pk)


class AskInformationForm(forms.Form):
    question = forms.CharField(label=_("Wat wilt u nog weten?"), max_length=2000,
                               widget=forms.Textarea(attrs={"rows": 3}))


class InviteForm(forms.Form):
    expert = forms.TypedChoiceField(label=_("Expert"), coerce=int)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].choices = choices


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Bericht"), max_length=6000, widget=forms.Textarea(attrs={"rows": 4}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class AdviceForm(forms.ModelForm):
    class Meta:
        model = Advice
        fields = ["analysis", "advice", "actions", "plain_summary"]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["carried_out", "what_happened", "stuck_reasons"]
        widgets = {"carried_out": forms.RadioSelect, "stuck_reasons": forms.CheckboxSelectMultiple,
                   "what_happened": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["carried_out"].required = True
        self.fields["carried_out"].choices = [c for c in self.fields["carried_out"].choices if c[0]]
        self.fields["stuck_reasons"].queryset = _terms("stuck_reasons")
