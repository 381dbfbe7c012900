"""Recommendations are records, not pages: saving one (or its themes, or an
assessment) renews what is cached of the published content, as publishing a
page does. Saving or deleting an assessment also stores its recommendation's
current status again (``records.store_current_status``)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.core.cache import bump_content_version

from .records import FollowUp, Recommendation, saving, store_current_status


def assessment_changed(sender, instance: FollowUp, **kwargs) -> None:
    if not saving(instance.recommendation_id):  # else its save stores it once, at the end
        store_current_status([instance.recommendation_id])


def connect() -> None:
    for model in (Recommendation, FollowUp):
        for signal in (post_save, post_delete):
            signal.connect(
                bump_content_version,
                sender=model,
                dispatch_uid=f"elections-{model.__name__}-{id(signal)}",
            )
    for signal in (post_save, post_delete):
        signal.connect(
            assessment_changed,
            sender=FollowUp,
            dispatch_uid=f"elections-current-status-{id(signal)}",
        )
    m2m_changed.connect(
        bump_content_version,
        sender=Recommendation.themes.through,
        dispatch_uid="elections-themes",
    )
