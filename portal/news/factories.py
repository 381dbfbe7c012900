import factory

from portal.listings.factories import TaggedPageFactory

from .models import NewsPage, StoryPage


class NewsPageFactory(TaggedPageFactory):
    news_type = "news"
    location = factory.Faker("city")

    class Meta:
        model = NewsPage


class StoryPageFactory(TaggedPageFactory):
    class Meta:
        model = StoryPage
