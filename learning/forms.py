"""Plain forms (outside the Wagtail admin), usable on a phone and without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from casebook import text_limits as limits
from casebook.models import TaxonomyTerm, Vocabulary
from casebook.text_limits import no_control_characters
from casebook.visibility import Visibility, visible_cases

from . import visibility as lesson_visibility

from .models import Decision, Lesson, NetworkMeeting, Reflection

THEME_VOCABULARIES = (Vocabulary.PROBLEM_AREAS, Vocabulary.STUCK_REASONS, Vocabulary.LIFE_DOMAINS)


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class CaseChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class LessonForm(forms.ModelForm):
    """A professional's lesson. Cases to choose from are only those the author may see."""

    class Meta:
        model = Lesson
        fields = ["statement", "explanation", "cases"]
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 2, "maxlength": 600}),
            "explanation": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {"statement": _("De les, in één zin"), "explanation": _("Toelichting")}
        help_texts = {
            "statement": _("Wat leert het netwerk hiervan? Eén zin, zonder namen of plaatsen."),
            "explanation": _("Waarom is dit een les? Je mag Markdown gebruiken."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"] = CaseChoiceField(
            queryset=visible_cases(user).order_by("title"), required=False,
            widget=forms.CheckboxSelectMultiple, label=_("Uit welke casussen komt deze les?"),
        )
        # Cases the lesson already names but the author can no longer choose (withdrawn since): kept on save, so the
        # lesson stays about them (learning.visibility) instead of losing them silently.
        self.unoffered = (list(self.instance.cases.exclude(pk__in=self.fields["cases"].queryset.values("pk")))
                          if self.instance.pk else [])
        # One checkbox group per vocabulary, so the form reads as short fieldsets.
        self.theme_field_names = []
        chosen = set(self.instance.themes.values_list("pk", flat=True)) if self.instance.pk else set()
        for vocabulary in THEME_VOCABULARIES:
            name = f"themes_{vocabulary}"
            self.fields[name] = ThemeChoiceField(
                queryset=TaxonomyTerm.objects.of(vocabulary), required=False,
                widget=forms.CheckboxSelectMultiple, label=Vocabulary(vocabulary).label,
            )
            if chosen:
                self.initial[name] = [pk for pk in chosen
                                      if pk in set(self.fields[name].queryset.values_list("pk", flat=True))]
            self.theme_field_names.append(name)

    def theme_fields(self):
        return [self[name] for name in self.theme_field_names]

    def save(self, commit=True):
        lesson = super().save(commit=False)
        themes = [term for name in self.theme_field_names for term in self.cleaned_data.get(name, [])]
        # ParentalManyToMany relations are set in memory and written by lesson.save() (in services.save_draft).
        lesson.themes.set(themes)
        lesson.cases.set([*self.cleaned_data.get("cases", []), *self.unoffered])
        return lesson


class SignatureMixin(forms.Form):
    SIGN_CHOICES = [("pseudonym", _("Met een naam die ik zelf kies")), ("anonymous", _("Anoniem"))]

    sign_as = forms.ChoiceField(label=_("Hoe wil je ondertekenen?"), choices=SIGN_CHOICES,
                                widget=forms.RadioSelect, initial="anonymous")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sign_as") == "pseudonym" and not cleaned.get("pseudonym", "").strip():
            self.add_error("pseudonym", _("Kies een naam, of kies 'Anoniem'."))
        if cleaned.get("sign_as") == "anonymous":
            cleaned["pseudonym"] = ""
        return cleaned


class ReflectionForm(SignatureMixin, forms.ModelForm):
    """Short labels, big fields: B1 Dutch for young people and parents."""

    class Meta:
        model = Reflection
        fields = ["body", "pseudonym"]
        labels = {"body": _("Jouw verhaal"), "pseudonym": _("Jouw gekozen naam")}
        help_texts = {
            "body": _("Schrijf in je eigen woorden. Wat ging goed? Wat ging mis? Wat had je nodig? "
                      "Noem geen echte namen, plaatsen of scholen."),
            "pseudonym": _("Bijvoorbeeld 'Moeder van een zoon van 15'. Niet je echte naam."),
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 10}), "pseudonym": forms.TextInput()}

    def __init__(self, *args, ask_email=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].required = False  # a draft may be empty; submitting checks it
        if self.instance.pk and self.instance.pseudonym:
            self.initial["sign_as"] = "pseudonym"
        if ask_email:
            self.fields["contact_email"] = forms.EmailField(
                label=_("Jouw e-mailadres (mag leeg blijven)"), required=False,
                initial=self.instance.contact_email,
                help_text=_("Dan laten we je weten wat er met jouw verhaal is gebeurd. "
                            "We gebruiken het nergens anders voor."),
            )

    def require_body(self):
        """Called when the writer presses 'Versturen'."""
        if not (self.cleaned_data.get("body") or "").strip():
            self.add_error("body", _("Schrijf eerst iets. Daarna kun je het versturen."))
            return False
        return True

    def save(self, commit=True):
        reflection = super().save(commit=False)
        reflection.pseudonym = self.cleaned_data.get("pseudonym", "")
        if "contact_email" in self.fields:
            reflection.contact_email = self.cleaned_data.get("contact_email", "")
        return reflection


class MeetingForm(forms.ModelForm):
    class Meta:
        model = NetworkMeeting
        fields = ["title", "date", "region", "participants"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "participants": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].label_from_instance = lambda term: term.label


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Besluit"), choices=Decision.choices, widget=forms.RadioSelect)
    minutes = forms.CharField(label=_("Verslag en toelichting voor de auteur"), required=False,
                              max_length=limits.NOTE, validators=[no_control_characters],
                              widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Kort. De auteur leest dit als het besluit 'bijstellen' of 'afwijzen' is."))

    def __init__(self, *args, lesson=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lesson = lesson
        if lesson is None:
            return
        # Issue 9 (finding 5): a lesson is as narrow as its narrowest case unless the meeting records otherwise.
        self.default_visibility = lesson_visibility.default_visibility(lesson)
        self.fields["visibility"] = forms.ChoiceField(
            label=_("Wie mag de les lezen als hij is aanvaard?"), choices=Visibility.choices, widget=forms.RadioSelect,
            initial=self.default_visibility, required=False,  # left out: the default
            help_text=_("Standaard: %(default)s, de meest beperkte zichtbaarheid van de casussen waar de les uit komt.")
            % {"default": Visibility(self.default_visibility).label},
        )
        self.fields["visibility_reason"] = forms.CharField(
            label=_("Waarom ruimer dan de casussen?"), required=False, max_length=limits.NOTE,
            validators=[no_control_characters],
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("Alleen nodig als u de les ruimer zichtbaar maakt. Dit komt in het verslag."),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") in (Decision.REVISE, Decision.DECLINE) and not cleaned.get("minutes", "").strip():
            self.add_error("minutes", _("Leg uit waarom: de auteur krijgt dit te lezen."))
        visibility = cleaned.get("visibility")
        if (self.lesson is not None and cleaned.get("decision") == Decision.ACCEPT
                and lesson_visibility.needs_reason(self.lesson, visibility)
                and not cleaned.get("visibility_reason", "").strip()):
            self.add_error("visibility_reason", _(
                "U maakt de les ruimer zichtbaar dan de casussen waar hij uit komt. Geef de reden; die komt in "
                "het verslag."))
        return cleaned


class InvitationForm(forms.Form):
    days = forms.IntegerField(label=_("Geldig (dagen)"), min_value=1, max_value=60, initial=14)
    note = forms.CharField(label=_("Notitie voor moderatoren (geen namen)"), max_length=200, required=False,
                           validators=[no_control_characters])
    email = forms.EmailField(
        label=_("Stuur de link naar (optioneel)"), required=False,
        help_text=_("Het adres wordt alleen gebruikt om deze e-mail te versturen en niet bewaard."),
    )


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        full = obj.get_full_name()
        return f"{full} ({obj.email})" if full else obj.get_username()


class ActionForm(forms.ModelForm):
    """A moderator records a recommended action of an accepted lesson."""

    class Meta:
        from .models import LessonAction

        model = LessonAction
        fields = ["what", "for_whom", "owner", "due_date"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "what": forms.Textarea(attrs={"rows": 2, "maxlength": 300})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        # Anyone with a role can own an action (they report after signing in).
        self.fields["owner"] = OwnerChoiceField(
            queryset=get_user_model().objects.filter(is_active=True, groups__isnull=False).distinct()
            .order_by("last_name", "first_name", "username"),
            label=_("Eigenaar"), help_text=self.fields["owner"].help_text,
        )


class ActionReportForm(forms.ModelForm):
    """The owner's report on an action."""

    class Meta:
        from .models import LessonAction

        model = LessonAction
        fields = ["progress", "obstacles"]
        widgets = {"progress": forms.RadioSelect, "obstacles": forms.Textarea(attrs={"rows": 4})}
        labels = {"progress": _("Hoe staat de actie ervoor?"), "obstacles": _("Wat staat in de weg?")}
        help_texts = {"obstacles": _("Zonder namen van personen. Netwerkleden lezen dit bij de les.")}
