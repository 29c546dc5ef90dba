"""Throttling of every sign-in form, on top of django-axes' lockout (settings.AXES_*).

Axes locks a username after AXES_FAILURE_LIMIT failed passwords, wherever they come from. Here, per client
address, FAILED posts to the sign-in, two-factor and new-password forms are counted (django-ratelimit), so one
address cannot keep guessing codes or tokens that axes does not see. Successful sign-ins are not counted: a team
behind one proxy address signs in many times a day (trial 10, F9). A post fails when the form comes back instead of
the redirect that follows success. Every password-reset request is counted (per address and per e-mail address),
because each one can send a mail. Over the limit: 429 with a Dutch page saying when to try again.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django_ratelimit.core import get_usage, is_ratelimited

from .network import client_ip

# URL name → settings name of its rate
COUNT_EVERY_POST = {"password_reset"}
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
        name = self._throttled_name(request) if request.method == "POST" else None
        if name is None:
            return self.get_response(request)
        if name in COUNT_EVERY_POST:
            limited = self._count(request, name)
        else:
            limited = self._count(request, name, increment=False)  # only failures are counted, after the fact
        if limited:
            return self._refuse(request)
        response = self.get_response(request)
        if name not in COUNT_EVERY_POST and response.status_code != 302:
            self._count(request, name)
        return response

    def _refuse(self, request):
        response = render(request, "registration/throttled.html", status=429)
        response["Retry-After"] = "600"
        return response

    def _throttled_name(self, request):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        return name if name in THROTTLED else None

    def _count(self, request, name, increment=True):
        """With increment, counts this post and says whether it is over the limit; without, says whether the
        failures already counted have reached it."""
        rate_setting = THROTTLED[name]
        usage = get_usage(request, group=f"sign-in:{rate_setting}", key=_by_address,
                          rate=getattr(settings, rate_setting), increment=increment)
        limited = usage["should_limit"] if increment else usage["count"] >= usage["limit"]
        if name == "password_reset" and _by_email(None, request):
            limited |= is_ratelimited(request, group="password-reset-email", key=_by_email,
                                      rate=settings.PASSWORD_RESET_PER_EMAIL_RATE, increment=True)
        return limited
