"""Signing in and out, password reset (Django's views, Dutch templates) and two-factor authentication."""

from django.contrib.auth import views as auth_views
from django.urls import path

from . import two_factor

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("inloggen/code/", two_factor.verify, name="two_factor_verify"),
    path("account/tweestapsverificatie/", two_factor.setup, name="two_factor_setup"),
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
