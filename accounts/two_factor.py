"""Two-factor authentication with django-otp: an authenticator app (TOTP) plus single-use backup codes.

Setting up shows a QR code (segno, inline SVG: no script, no external image) and the key as text, and asks for one
code before the device counts. Verifying accepts a code from the app or one backup code; django-otp throttles
wrong codes per device. An admin resets a lost device with `manage.py reset_two_factor USERNAME`.
"""

import secrets

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 10
BACKUP_CODE_LENGTH = 8


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"), max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
        help_text=gettext_lazy("De zes cijfers uit uw authenticator-app, of een van uw reservecodes."),
    )

    def __init__(self, *args, devices, **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device = None

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        throttled = False
        for device in self.devices:
            if isinstance(device, StaticDevice) != (len(code) == BACKUP_CODE_LENGTH):
                continue  # a backup code is not tried on the app, nor an app code on the backup codes
            allowed, _info = device.verify_is_allowed()
            if not allowed:
                throttled = True
                continue
            if device.verify_token(code):
                self.device = device
                return code
        if throttled:
            raise ValidationError(_("Te veel verkeerde codes. Wacht even en probeer het dan opnieuw."))
        raise ValidationError(_("Deze code klopt niet. Controleer de tijd op uw telefoon, of gebruik een reservecode."))


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return settings.LOGIN_REDIRECT_URL


@never_cache
@sensitive_post_parameters()
@login_required
def verify(request):
    if not user_has_device(request.user):
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None, devices=[])
    if request.method == "POST":
        with transaction.atomic():
            form.devices = list(devices_for_user(request.user, for_verify=True))
            if form.is_valid():
                otp_login(request, form.device)
                return redirect(_next(request))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)})


@never_cache
@sensitive_post_parameters()
@login_required
def setup(request):
    if user_has_device(request.user):
        if request.user.is_verified():
            return render(request, "accounts/two_factor_active.html")
        return redirect("two_factor_verify")
    device, _created = TOTPDevice.objects.get_or_create(user=request.user, confirmed=False,
                                                        defaults={"name": _("Authenticator-app")})
    form = CodeForm(request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save()
        otp_login(request, device)
        codes = _new_backup_codes(request.user)
        return render(request, "accounts/two_factor_backup_codes.html", {"codes": codes, "next": _next(request)})
    return render(request, "accounts/two_factor_setup.html", {
        "form": form,
        "next": _next(request),
        "qr": segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR-code voor uw authenticator-app")),
        "key": _base32(device),
    })


def _base32(device):
    from base64 import b32encode

    key = b32encode(device.bin_key).decode()
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def _new_backup_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Reservecodes"), confirmed=True)
    codes = [f"{secrets.randbelow(10**BACKUP_CODE_LENGTH):0{BACKUP_CODE_LENGTH}d}" for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes
