from django.urls import path

from . import views

app_name = "signals"
urlpatterns = [
    path("", views.signals_overview, name="overview"),
    path("rapport/<slug:region>/<int:year>/", views.report, name="report"),
    path("export.<str:fmt>", views.export, name="export"),
    path("export/<slug:region>/<int:year>.<str:fmt>", views.export_region_year, name="export_region_year"),
]
