from django.urls import path

from . import views

urlpatterns = [
    path("feedback-confirm/<str:token>/", views.confirm, name="feedback_confirm"),
]
