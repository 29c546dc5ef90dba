"""The directory of expertteams (one per jeugdregio) and expertisecentra (eight supra-regional areas).

The structure (areas, regions, municipalities) is seeded from data/municipalities.json; the contact fields are for
editors, who confirm them by setting 'laatst gecontroleerd'.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from ..lookup import normalise

STALE_AFTER = datetime.timedelta(days=365)


class ContactDetails(models.Model):
    """How to reach a team, shared by expertteams and expertisecentra."""

    for_professionals = models.BooleanField(_("professionals kunnen vragen"), default=True)
    for_parents = models.BooleanField(_("ouders kunnen vragen"), default=False)
    for_young_people = models.BooleanField(_("jongeren kunnen zelf vragen"), default=False)
    intake_route = models.TextField(_("aanmeldroute"), blank=True,
                                    help_text=_("Hoe een vraag binnenkomt: formulier, telefoon, via het wijkteam, …"))
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("webpagina"), blank=True)
    response_time = models.CharField(_("verwachte reactietijd"), max_length=120, blank=True,
                                     help_text=_("Bijvoorbeeld 'binnen 5 werkdagen'."))
    languages = models.CharField(_("talen"), max_length=200, blank=True,
                                 help_text=_("Bijvoorbeeld 'Nederlands, Engels'."))
    last_verified = models.DateField(_("laatst gecontroleerd"), null=True, blank=True,
                                     help_text=_("Datum waarop iemand deze gegevens bij het team heeft nagevraagd."))

    contact_panels = [
        MultiFieldPanel([FieldPanel("for_professionals"), FieldPanel("for_parents"), FieldPanel("for_young_people")],
                        heading=_("Wie kan een vraag stellen")),
        FieldPanel("intake_route"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("website"),
        FieldPanel("response_time"),
        FieldPanel("languages"),
        FieldPanel("last_verified"),
    ]

    class Meta:
        abstract = True

    @property
    def is_stale(self):
        """Unverified, or verified more than a year ago: the page says the details may be out of date."""
        if self.last_verified is None:
            return True
        return timezone.localdate() - self.last_verified > STALE_AFTER

    @property
    def has_contact(self):
        return bool(self.intake_route or self.phone or self.email or self.website)

    def who_may_ask(self):
        return [label for flag, label in (
            (self.for_professionals, _("professionals")),
            (self.for_parents, _("ouders")),
            (self.for_young_people, _("jongeren zelf")),
        ) if flag]


class ExpertiseArea(ContactDetails):
    """One of the eight supra-regional areas, with its expertisecentrum complexe jeugdhulp."""

    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    centre_name = models.CharField(_("naam expertisecentrum"), max_length=200, blank=True)
    region_term = models.ForeignKey(
        "casebook.TaxonomyTerm", verbose_name=_("regio in de taxonomie"), null=True, blank=True,
        on_delete=models.SET_NULL, limit_choices_to={"vocabulary": "regions"}, related_name="+",
    )
    sort_order = models.PositiveIntegerField(_("volgorde"), default=0)
    # Who triages consultation requests to the expertisecentrum, as JeugdRegion.coordinators do for an expertteam.
    coordinators = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("coördinatoren"), blank=True,
                                          related_name="coordinated_centres")

    panels = [FieldPanel("name"), FieldPanel("centre_name"), FieldPanel("region_term"), FieldPanel("coordinators"),
              *ContactDetails.contact_panels]

    class Meta:
        verbose_name = _("expertisecentrum")
        verbose_name_plural = _("expertisecentra")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.centre_name or _("Expertisecentrum %(area)s") % {"area": self.name}

    @property
    def area(self):
        """The supra-regional area a team belongs to: for an expertisecentrum, itself."""
        return self

    # Which field of ConsultationRequest points at this kind of team, and its key prefix in forms and metrics.
    request_field = "centre"
    key_prefix = "centrum"

    @property
    def team_key(self):
        return f"{self.key_prefix}-{self.pk}"


class JeugdRegion(ContactDetails):
    """A jeugdregio with its regional expertteam."""

    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    team_name = models.CharField(_("naam expertteam"), max_length=200, blank=True)
    area = models.ForeignKey(ExpertiseArea, verbose_name=_("expertisecentrum"), on_delete=models.PROTECT,
                             related_name="regions")
    # Who triages consultation requests to this team (issue 11); they see the team's requests and their audit log.
    coordinators = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("coördinatoren"), blank=True,
                                          related_name="coordinated_regions")

    panels = [FieldPanel("name"), FieldPanel("team_name"), FieldPanel("area"), FieldPanel("coordinators"),
              *ContactDetails.contact_panels]

    class Meta:
        verbose_name = _("jeugdregio")
        verbose_name_plural = _("jeugdregio's")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.team_name or _("Expertteam %(region)s") % {"region": self.name}

    request_field = "team"
    key_prefix = "regio"

    @property
    def team_key(self):
        return f"{self.key_prefix}-{self.pk}"


class Municipality(models.Model):
    name = models.CharField(_("naam"), max_length=120, unique=True)
    cbs_code = models.CharField(_("CBS-code"), max_length=6, blank=True, help_text=_("Bijvoorbeeld GM0363."))
    aliases = models.CharField(_("andere namen"), max_length=300, blank=True,
                               help_text=_("Gangbare of vroegere namen, gescheiden door puntkomma's: 'Den Bosch'."))
    region = models.ForeignKey(JeugdRegion, verbose_name=_("jeugdregio"), on_delete=models.PROTECT,
                               related_name="municipalities")
    search_key = models.CharField(max_length=120, editable=False, db_index=True)

    panels = [FieldPanel("name"), FieldPanel("cbs_code"), FieldPanel("aliases"), FieldPanel("region")]

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["search_key"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_key = normalise(self.name)
        super().save(*args, **kwargs)

    def alias_list(self):
        return [a.strip() for a in self.aliases.split(";") if a.strip()]
