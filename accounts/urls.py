"""Signing in and out, password reset (Django's views, Dutch templates) and two-factor authentication."""

from django.contrib.auth import views as auth_views
from django.urls import path

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", auth_views.PasswordResetView.as_view(
        email_template_name="registration/password_reset_email.txt",
        subject_template_name="registration/password_reset_subject.txt",
    ), name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("wachtwoord-herstellen/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("wachtwoord-herstellen/klaar/", auth_views.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
]
