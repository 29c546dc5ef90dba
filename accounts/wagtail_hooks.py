"""Two-factor authentication in the Wagtail admin's account menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Tweestapsverificatie"),
        "help_text": _("Uw authenticator-app en reservecodes."),
    }
