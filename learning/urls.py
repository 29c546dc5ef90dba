from django.urls import path

from .views import actions, briefings, contributions, invitations, meetings

app_name = "learning"
urlpatterns = [
    path("", briefings.learning_home, name="home"),
    path("thema/<slug:vocabulary>/<slug:slug>/", briefings.briefing, name="briefing"),
    path("nieuw/", briefings.digest_page, name="digest"),
    path("nieuw/feed/", briefings.LessonsFeed(), name="feed"),
    path("nieuwsbrief/", briefings.subscribe, name="subscribe"),
    path("nieuwsbrief/afmelden/<str:token>/", briefings.unsubscribe, name="unsubscribe"),
    path("lessen/nieuw/", contributions.lesson_create, name="lesson_create"),
    path("lessen/<int:pk>/", contributions.lesson_detail, name="lesson_detail"),
    path("lessen/<int:pk>/bewerken/", contributions.lesson_edit, name="lesson_edit"),
    path("lessen/<int:pk>/acties/nieuw/", actions.action_create, name="action_create"),
    path("acties/", actions.action_list, name="action_list"),
    path("acties/<int:pk>/voortgang/", actions.action_report, name="action_report"),
    path("reflecties/nieuw/", contributions.reflection_create, name="reflection_create"),
    path("reflecties/<int:pk>/bewerken/", contributions.reflection_edit, name="reflection_edit"),
    path("mijn-bijdragen/", contributions.my_contributions, name="my_contributions"),
    path("uitnodigingen/nieuw/<int:case_pk>/", invitations.invitation_create, name="invitation_create"),
    path("uitnodiging/<uuid:public_id>/schrijven/", invitations.invitation_write, name="invitation_write"),
    path("uitnodiging/<uuid:public_id>/<str:token>/", invitations.invitation, name="invitation"),
    path("bijeenkomsten/", meetings.meeting_list, name="meeting_list"),
    path("bijeenkomsten/nieuw/", meetings.meeting_create, name="meeting_create"),
    path("bijeenkomsten/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("bijeenkomsten/<int:pk>/verslag/", meetings.meeting_minutes, name="meeting_minutes"),
    path("bijeenkomsten/<int:pk>/agenda/", meetings.agenda_add, name="agenda_add"),
    path("bijeenkomsten/<int:pk>/agenda/<int:item_pk>/verplaatsen/", meetings.agenda_move, name="agenda_move"),
    path("bijeenkomsten/<int:pk>/agenda/<int:item_pk>/verwijderen/", meetings.agenda_remove, name="agenda_remove"),
    path("bijeenkomsten/<int:pk>/punt/<int:number>/", meetings.agenda_item, name="agenda_item"),
    path("bijeenkomsten/<int:pk>/afsluiten/", meetings.meeting_close, name="meeting_close"),
    path("bijeenkomsten/<int:pk>/punt/<int:number>/bevinding/", meetings.finding_decide, name="finding_decide"),
]
