from django.urls import path

from . import views

app_name = "employability"
urlpatterns = [
    path("participant/<uuid:participant>/", views.participant_overview, name="participant"),
    path("participant/<uuid:participant>/start/", views.assessment_start, name="start"),
    path("participant/<uuid:participant>/answer/", views.answer, name="answer"),
    path("participant/<uuid:participant>/paper/", views.paper, name="paper"),
    path("participant/<uuid:participant>/enter/", views.enter, name="enter"),
    path("participant/<uuid:participant>/summary/", views.summary, name="summary"),
    path("participant/<uuid:participant>/link/revoke/", views.link_revoke, name="link_revoke"),
    path("assessment/<uuid:assessment>/delete/", views.assessment_delete, name="delete"),
    path("answer/<str:token>/", views.respond, name="respond"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/edit/", views.questionnaire_edit, name="questionnaire_edit"),
    path("settings/questions/new/", views.question_create, name="question_create"),
    path("settings/questions/<int:question>/", views.question_edit, name="question_edit"),
    path("settings/questions/<int:question>/move/", views.question_move, name="question_move"),
    path("settings/languages/new/", views.language_create, name="language_create"),
    path("settings/languages/<str:language_code>/", views.language_edit, name="language_edit"),
]
