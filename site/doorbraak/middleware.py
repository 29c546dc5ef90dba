from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class DutchFirstLocaleMiddleware:
    """Dutch unless the visitor chose otherwise with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, giving half-English pages to Dutch
    professionals on English-language computers. Here only the explicit choice (the language cookie) counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class PrivateWhenSignedInMiddleware:
    """Pages for a signed-in person may hold network or restricted content: no shared cache and no browser cache
    keeps them (the back button after signing out shows nothing). Anonymous pages are public by construction."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
            patch_vary_headers(response, ("Cookie",))
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with the site's strict policy (settings.CONTENT_SECURITY_POLICY: no inline script or style).

    The Wagtail admin (/cms/) still renders some inline scripts (inline panels, date pickers) and styles, and shows
    page previews in a frame of its own: there, and only there, those are allowed.
    """

    ADMIN_UPDATE = {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE], "img-src": ["blob:"]}
    ADMIN_REPLACE = {"frame-ancestors": [SELF]}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.WAGTAIL_ADMIN_PREFIX):
            parts.update = {**self.ADMIN_UPDATE, **(parts.update or {})}
            parts.replace = {**self.ADMIN_REPLACE, **(parts.replace or {})}
        return parts
