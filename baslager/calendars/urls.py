from django.urls import path

from . import views

app_name = "calendars"
urlpatterns = [
    path("", views.week, name="week"),
    path("month/", views.month, name="month"),
    path("subscribe/", views.feed, name="feed"),
    path("subscribe/revoke/", views.feed_revoke, name="feed_revoke"),
    path("feed/<str:token>.ics", views.ics, name="ics"),
]
