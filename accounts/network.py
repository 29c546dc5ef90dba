"""Who is asking, as far as the network can tell: the one place that decides a request's client address.

Behind a reverse proxy every request comes from the proxy; TRUSTED_PROXY_COUNT (settings) says how many proxies
append to X-Forwarded-For, so the address the outermost of ours saw is used. Without proxies the header is
ignored: a client could write anything in it.
"""

from django.conf import settings


def client_ip(request):
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
