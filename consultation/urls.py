from django.urls import path

from .views import directory, participation, requests, team

app_name = "consultation"
urlpatterns = [
    path("expertteams/", directory.directory, name="directory"),
    path("consultatie/", requests.request_list, name="request_list"),
    path("consultatie/nieuw/", requests.request_create, name="request_create"),
    path("consultatie/<uuid:public_id>/", requests.request_detail, name="request_detail"),
    path("consultatie/<uuid:public_id>/bewerken/", requests.request_edit, name="request_edit"),
    path("consultatie/<uuid:public_id>/versturen/", requests.request_submit, name="request_submit"),
    path("consultatie/<uuid:public_id>/intrekken/", requests.request_withdraw, name="request_withdraw"),
    path("consultatie/<uuid:public_id>/accepteren/", team.accept, name="accept"),
    path("consultatie/<uuid:public_id>/doorverwijzen/", team.refer, name="refer"),
    path("consultatie/<uuid:public_id>/aanvulling/", team.ask_information, name="ask_information"),
    path("consultatie/<uuid:public_id>/uitnodigen/", team.invite, name="invite"),
    path("consultatie/<uuid:public_id>/advies/", team.write_advice, name="write_advice"),
    path("consultatie/<uuid:public_id>/leeslink/", team.family_link, name="family_link"),
    path("consultatie/<uuid:public_id>/casus/", team.make_case, name="make_case"),
    path("consultatie/<uuid:public_id>/bericht/", participation.post_message, name="post_message"),
    path("consultatie/<uuid:public_id>/opvolging/", participation.follow_up, name="follow_up"),
    path("advies/<str:token>/", participation.family_read, name="family_read"),
]
