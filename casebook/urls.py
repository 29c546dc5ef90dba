from django.urls import path

from . import views
from .feeds import NewCasesFeed

app_name = "casebook"
urlpatterns = [
    path("feeds/casussen/", NewCasesFeed(), name="cases_feed"),
    path("verkennen/<slug:kind>/", views.browse_index, name="browse_index"),
    path("verkennen/<slug:kind>/<slug:slug>/", views.browse_term, name="browse_term"),
]
