from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("cms/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("accounts.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("leren/", include("learning.urls")),
    path("", include("consultation.urls")),
    path("signalering/", include("signals.urls")),
    path("", include("search.urls")),
    path("", include("casebook.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving last: it answers every path nothing above claimed.
urlpatterns.append(path("", include(wagtail_urls)))
