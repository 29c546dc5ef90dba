"""Session rules for signed-in people (after Django's and django-otp's middleware).

- Idle timeout: a session unused for longer than its idle timeout (accounts.policy) is ended, and any session
  after SESSION_COOKIE_AGE, however active.
- Privileged roles: their session ends when the browser closes, and nothing but the two-factor pages (and signing
  out) is served until a second factor was verified in this session (settings.REQUIRE_TWO_FACTOR).
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import user_has_device

from .policy import idle_timeout, is_privileged

LAST_SEEN = "accounts_last_seen"
STARTED = "accounts_started"
TOUCH_EVERY = 60  # seconds: how often the last-seen time is written to the session

# Reachable before the second factor is verified.
OPEN_URL_NAMES = {"two_factor_verify", "two_factor_setup", "logout", "wagtailadmin_logout", "set_language",
                  "javascript-catalog", "password_reset", "password_reset_done", "password_reset_confirm",
                  "password_reset_complete"}


class SessionPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)
        if self._expired(request):
            logout(request)
            messages.info(request, _("U was een tijd niet actief en bent uitgelogd. Log opnieuw in."))
            return redirect_to_login(request.get_full_path())
        if is_privileged(user):
            if not request.session.get_expire_at_browser_close():
                request.session.set_expiry(0)  # ends with the browser
            if settings.REQUIRE_TWO_FACTOR and not user.is_verified() and not self._open(request):
                target = "two_factor_verify" if user_has_device(user) else "two_factor_setup"
                return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _expired(self, request):
        """Idle too long, or older than SESSION_COOKIE_AGE (activity keeps a session alive, but not for ever)."""
        now = int(time.time())
        session = request.session
        last, started = session.get(LAST_SEEN), session.setdefault(STARTED, now)
        if now - started > settings.SESSION_COOKIE_AGE:
            return True
        if last is not None and now - last > idle_timeout(request.user).total_seconds():
            return True
        if last is None or now - last >= TOUCH_EVERY:
            session[LAST_SEEN] = now
        return False

    def _open(self, request):
        if request.path_info.startswith(settings.STATIC_URL):
            return True
        try:
            return resolve(request.path_info).url_name in OPEN_URL_NAMES
        except Resolver404:
            return False
