from django.urls import path

from . import views

app_name = "outreach"
urlpatterns = [
    path("", views.campaign_list, name="campaigns"),
    path("new/", views.campaign_create, name="campaign_create"),
    path("count/", views.campaign_count, name="campaign_count"),
    path("<int:campaign>/", views.campaign_detail, name="campaign"),
    path("<int:campaign>/edit/", views.campaign_edit, name="campaign_edit"),
    path("<int:campaign>/refresh/", views.campaign_refresh, name="campaign_refresh"),
    path("<int:campaign>/call/", views.call_next, name="call"),
    path("targets/<int:target>/", views.target_call, name="target"),
    path("needs/<int:need>/opening/", views.need_to_opening, name="need_to_opening"),
    path("tasks/", views.my_tasks, name="tasks"),
    path("tasks/<int:follow_up>/done/", views.follow_up_done, name="follow_up_done"),
]
