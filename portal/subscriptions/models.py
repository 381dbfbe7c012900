"""The app's models: the subscriptions and the subscribe page."""

from .pages import SubscribePage
from .records import Frequency, Subscription, UnconfirmedSubscription

__all__ = ["Frequency", "SubscribePage", "Subscription", "UnconfirmedSubscription"]
