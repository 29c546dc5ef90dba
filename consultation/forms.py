from django import forms
from django.utils.translation import gettext_lazy as _

from casebook.models import TaxonomyTerm

from .models import Advice, ConsultationRequest, FollowUp
from .teams import TeamField


def _terms(vocabulary):
    return TaxonomyTerm.objects.filter(vocabulary=vocabulary).order_by("sort_order", "label_nl")


class RequestForm(forms.ModelForm):
    # Not the model's `team` field: one list offers both the expertteams and the expertisecentra.
    team = TeamField(label=_("Gevraagd team"),
                     help_text=_("Een regionaal expertteam, of voor de meest complexe vragen het bovenregionale "
                                 "expertisecentrum."))

    class Meta:
        model = ConsultationRequest
        fields = ["title", "question", "situation", "tried", "needed", "problem_areas", "age_band",
                  "stuck_reasons", "urgency"]
        widgets = {"problem_areas": forms.CheckboxSelectMultiple, "stuck_reasons": forms.CheckboxSelectMultiple,
                   "urgency": forms.RadioSelect,
                   **{name: forms.Textarea(attrs={"rows": 5}) for name in ("question", "situation", "tried", "needed")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["team"] = self.instance.receiver.team_key
        self.fields["problem_areas"].queryset = _terms("problem_areas")
        self.fields["stuck_reasons"].queryset = _terms("stuck_reasons")
        self.fields["age_band"].queryset = _terms("age_bands")
        self.order_fields(["team"])

    def _post_clean(self):
        if "team" in self.cleaned_data:
            self.instance.receiver = self.cleaned_data["team"]
        super()._post_clean()


class SubmitForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Toch versturen? Leg uit waarom deze gegevens niet herkenbaar zijn"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}))


class ReferForm(forms.Form):
    """To another regional expertteam or to an expertisecentrum, and back; never to the team itself."""

    team = TeamField(label=_("Doorverwijzen naar"))
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=300)

    def __init__(self, *args, exclude_team=None, **kwargs):
        super().__init__(*args, **kwargs)
        if exclude_team is not None:
            self.fields["team"] = TeamField(label=self.fields["team"].label, exclude=exclude_team)


class AskInformationForm(forms.Form):
    question = forms.CharField(label=_("Wat wilt u nog weten?"), max_length=2000,
                               widget=forms.Textarea(attrs={"rows": 3}))


class InviteForm(forms.Form):
    expert = forms.TypedChoiceField(label=_("Expert"), coerce=int)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].choices = choices


def _checked_anyway():
    # Offered only once the anonymity check has warned (or could not run): the writer confirms having reread it.
    return forms.BooleanField(required=False, label=_("Ik heb de tekst nagelezen: er staat niets in waaraan een "
                                                      "jongere of gezin te herkennen is"))


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Bericht"), max_length=6000, widget=forms.Textarea(attrs={"rows": 4}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    checked_anyway = _checked_anyway()

    def texts(self):
        return {"body": self.cleaned_data["body"]}


class AdviceForm(forms.ModelForm):
    checked_anyway = _checked_anyway()

    class Meta:
        model = Advice
        fields = ["analysis", "advice", "actions", "plain_summary"]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}

    def texts(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


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
