from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    PAGE = "page", _("Casuspagina")
    API = "api", _("API")
    SEARCH = "search", _("Zoekresultaten")
    EXPORT = "export", _("Export")
    CONSULTATION = "consult", _("Consultatievraag")  # external_id is then "consultatie-<public id>"


class ReadEvent(models.Model):
    """One read of a restricted case, or one export. Never changed; removed only when older than the retention."""

    at = models.DateTimeField(_("wanneer"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    # Kept as text too: the record must say who it was after the account is gone.
    username = models.CharField(_("wie"), max_length=150)
    channel = models.CharField(_("via"), max_length=8, choices=Channel.choices, db_index=True)
    external_id = models.CharField(_("casus"), max_length=64, blank=True, db_index=True)
    visibility = models.CharField(_("zichtbaarheid"), max_length=12, blank=True)
    detail = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("leesgebeurtenis")
        verbose_name_plural = _("leeslog")
        ordering = ["-at", "-pk"]

    def __str__(self):
        what = self.external_id or self.get_channel_display()
        return f"{self.at:%Y-%m-%d %H:%M} {self.username}: {what}"
