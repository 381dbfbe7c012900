import factory

from portal.listings.factories import TaggedPageFactory

from .models import ElectionPage, FollowUp, Recommendation, Theme
from .vocabulary import Status


class ElectionPageFactory(TaggedPageFactory):
    election_type = "parliamentary"
    mission_type = "eom"

    class Meta:
        model = ElectionPage


class RecommendationFactory(factory.django.DjangoModelFactory):
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Faker("sentence", nb_words=20)

    class Meta:
        model = Recommendation
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        """``themes=["media", ...]`` (codes)."""
        if create and extracted:
            obj.themes.set(Theme.objects.filter(code__in=extracted))


class FollowUpFactory(factory.django.DjangoModelFactory):
    year = 2025
    status = Status.PARTIALLY
    source = "Final report of the next election"

    class Meta:
        model = FollowUp
