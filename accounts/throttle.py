"""Throttling of every sign-in form, on top of django-axes' lockout (settings.AXES_*).

Axes locks a username after AXES_FAILURE_LIMIT failed passwords, wherever they come from. Here, per client
address, POSTs to the sign-in, password-reset and two-factor forms are counted (django-ratelimit), so one address
cannot try many usernames or flood people with reset mails. Password-reset requests are also counted per e-mail
address. Over the limit: 429 with a Dutch page saying when to try again.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django_ratelimit.core import is_ratelimited

from .network import client_ip

# URL name → settings name of its rate
THROTTLED = {
    "login": "SIGN_IN_RATE",
    "wagtailadmin_login": "SIGN_IN_RATE",
    "two_factor_verify": "SIGN_IN_RATE",
    "two_factor_setup": "SIGN_IN_RATE",
    "password_reset": "PASSWORD_RESET_RATE",
    "password_reset_confirm": "SIGN_IN_RATE",
}


def _by_address(_group, request):
    return client_ip(request)


def _by_email(_group, request):
    return (request.POST.get("email") or "").strip().lower()


class SignInThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and self._limited(request):
            response = render(request, "registration/throttled.html", status=429)
            response["Retry-After"] = "600"
            return response
        return self.get_response(request)

    def _limited(self, request):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        rate_setting = THROTTLED.get(name)
        if rate_setting is None:
            return False
        rate = getattr(settings, rate_setting)
        limited = is_ratelimited(request, group=f"sign-in:{rate_setting}", key=_by_address, rate=rate, increment=True)
        if name == "password_reset" and _by_email(None, request):
            limited |= is_ratelimited(request, group="password-reset-email", key=_by_email,
                                      rate=settings.PASSWORD_RESET_PER_EMAIL_RATE, increment=True)
        return limited
