"""The teams a consultation request can be asked of: the 42 regional expertteams (JeugdRegion) and the eight
supra-regional expertisecentra (ExpertiseArea). Forms and metrics name a team by a key such as 'regio-12' or
'centrum-3', so one choice list holds both kinds."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ExpertiseArea, JeugdRegion

KINDS = {JeugdRegion.key_prefix: JeugdRegion, ExpertiseArea.key_prefix: ExpertiseArea}


def from_key(key):
    """The team for a key, or None for anything malformed or unknown."""
    prefix, _sep, pk = str(key or "").partition("-")
    model = KINDS.get(prefix)
    if model is None or not pk.isdigit():
        return None
    return model.objects.filter(pk=int(pk)).first()


def from_slug(region_slug="", centre_slug=""):
    """The team named in a link from the directory (?team=<region slug> or ?centrum=<area slug>)."""
    if centre_slug:
        return ExpertiseArea.objects.filter(slug=centre_slug).first()
    if region_slug:
        return JeugdRegion.objects.filter(slug=region_slug).first()
    return None


def coordinated_by(user):
    """Every team, of either kind, that this user coordinates."""
    if not user.is_authenticated:
        return []
    return [*JeugdRegion.objects.filter(coordinators=user).order_by("name"),
            *ExpertiseArea.objects.filter(coordinators=user).order_by("sort_order", "name")]


def option_label(team):
    """'Expertteam Zeeland', not 'Expertteam Zeeland (Zeeland)': the area is added only when the name lacks it."""
    name = str(team.display_name)
    return name if team.name.casefold() in name.casefold() else f"{name} ({team.name})"


def choices(exclude=None):
    """Grouped choices: expertteams by region name, then the expertisecentra."""
    skip = exclude.team_key if exclude is not None else None
    regions = [(r.team_key, option_label(r)) for r in JeugdRegion.objects.order_by("name")]
    centres = [(a.team_key, option_label(a)) for a in ExpertiseArea.objects.order_by("sort_order", "name")]
    return [(_("Regionale expertteams"), [c for c in regions if c[0] != skip]),
            (_("Bovenregionale expertisecentra"), [c for c in centres if c[0] != skip])]


class TeamField(forms.ChoiceField):
    """A choice of expertteam or expertisecentrum; cleans to the model instance."""

    def __init__(self, *, exclude=None, **kwargs):
        super().__init__(choices=lambda: choices(exclude), **kwargs)

    def clean(self, value):
        value = super().clean(value)
        team = from_key(value)
        if team is None:
            raise forms.ValidationError(_("Kies een expertteam of expertisecentrum uit de lijst."), code="invalid")
        return team

    def prepare_value(self, value):
        return getattr(value, "team_key", value)
