from django.urls import path

from . import views

app_name = "casebook"
urlpatterns = [
    path("verkennen/<slug:kind>/", views.browse_index, name="browse_index"),
    path("verkennen/<slug:kind>/<slug:slug>/", views.browse_term, name="browse_term"),
]
