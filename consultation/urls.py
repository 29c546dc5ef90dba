from django.urls import path

from . import views

app_name = "consultation"
urlpatterns = [
    path("expertteams/", views.directory, name="directory"),
]
