"""StreamField blocks shared by every page type.

Kept deliberately small: editors compose pages from a handful of blocks, and
each block carries preview values for the admin's block previews.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3")], default="h2", label=_("Level"))

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"
        preview_value = {"text": "Our challenge", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"
        preview_value = {"quote": "Security is indivisible.", "attribution": "OSCE"}


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("External URL"))
    title = blocks.CharBlock(required=False, label=_("Link text"))
    route = blocks.CharBlock(
        required=False,
        label=_("Sub-path"),
        help_text=_(
            "Optional path below the chosen page, such as participating-states/ "
            "on the countries page."
        ),
    )

    class Meta:
        icon = "link"
        preview_value = {"url": "https://www.osce.org", "title": "OSCE"}


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "pick"
        template = "core/blocks/call_to_action.html"
        preview_value = {"heading": "Join our team", "text": "Open positions.", "links": []}


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        label=_("Paragraph"),
        preview_value="<p>The Organization works across its region.</p>",
    )
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock()
    document = DocumentChooserBlock(label=_("Document"), template="core/blocks/document.html")
    call_to_action = CallToActionBlock()

    class Meta:
        block_counts = {}
