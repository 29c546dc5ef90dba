from django.urls import path

from . import api, views

app_name = "search"
urlpatterns = [
    path("zoeken/", views.search_page, name="page"),
    path("api/v1/search", api.search, name="api_search"),
    path("api/v1/autocomplete", api.autocomplete, name="api_autocomplete"),
    path("api/v1/cases/<slug:external_id>/similar", api.similar, name="api_similar"),
]
