"""Editable, translatable menus (main, meta, footer).

Menus are snippets so that editors change them without touching the page
tree, and each locale may have its own copy. Rendering resolves them into
plain dictionaries once and caches the result per menu and locale (see
``portal.navigation.menus``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

from portal.core.blocks import LinkBlock


class MenuGroupBlock(blocks.StructBlock):
    link = LinkBlock(label=_("Link"))
    children = blocks.ListBlock(LinkBlock(), label=_("Sub-links"), default=[])

    class Meta:
        icon = "list-ul"
        label = _("Group")


class MenuSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=60)
    page = blocks.PageChooserBlock(
        required=False, label=_("Landing page"), help_text=_("Optional overview page.")
    )
    groups = blocks.ListBlock(MenuGroupBlock(), label=_("Groups"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Section")


class NavigationMenu(TranslatableMixin, models.Model):
    class Name(models.TextChoices):
        MAIN = "main", _("Main menu")
        META = "meta", _("Meta navigation")
        FOOTER = "footer", _("Footer")
        FOOTER_SECONDARY = "footer_secondary", _("Footer, second row")
        SOCIAL = "social", _("Social media")

    name = models.CharField(_("menu"), max_length=30, choices=Name.choices)
    items = StreamField(
        [("section", MenuSectionBlock()), ("link", LinkBlock())],
        blank=True,
        verbose_name=_("items"),
        help_text=_("The main menu holds sections; the other menus hold links."),
    )

    panels = [FieldPanel("name"), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="unique_menu_per_locale"),
        ]

    def __str__(self):
        return self.get_name_display()
