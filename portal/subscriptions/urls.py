from django.urls import path

from . import views

app_name = "subscriptions"

# Tokens are Django signatures (letters, digits, "-", "_", ":" and "."); any
# other character gets the view's 400 through ``tokens.read``.
urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
