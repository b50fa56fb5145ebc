from django.urls import path

from . import views

app_name = "participants"
urlpatterns = [
    path("", views.participant_list, name="list"),
    path("new/", views.participant_create, name="create"),
    path("<uuid:participant>/", views.participant_detail, name="detail"),
    path("<uuid:participant>/profile/", views.participant_profile, name="profile"),
    path("<uuid:participant>/edit/", views.participant_edit, name="edit"),
    path("<uuid:participant>/mapping/", views.participant_mapping, name="mapping"),
    path("<uuid:participant>/identity-number/", views.participant_reveal_id, name="reveal_id"),
    path("<uuid:participant>/coaches/", views.participant_coaches, name="coaches"),
    path(
        "<uuid:participant>/special-category/",
        views.special_category,
        name="special_category",
    ),
    path(
        "<uuid:participant>/special-category/edit/",
        views.special_category_edit,
        name="special_category_edit",
    ),
]
