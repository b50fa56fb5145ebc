from django.urls import path

from . import views

app_name = "phases"
urlpatterns = [
    path("board/", views.board, name="board"),
    path("overview/", views.overview, name="overview"),
    path("move/<uuid:participant>/", views.move, name="move"),
    path("ladder/", views.ladder, name="ladder"),
    path("ladder/add/", views.add, name="add"),
    path("ladder/<int:phase>/edit/", views.edit, name="edit"),
    path("ladder/<int:phase>/reorder/", views.reorder, name="reorder"),
    path("ladder/<int:phase>/deactivate/", views.deactivate, name="deactivate"),
    path("ladder/<int:phase>/activate/", views.activate, name="activate"),
    path("ladder/<int:phase>/delete/", views.delete, name="delete"),
]
