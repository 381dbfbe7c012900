from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from portal.core.localized import reading_locale_id
from portal.listings.models import TaggedPage
from portal.search.definitions import SearchDocuments
from portal.taxonomy import symbols

from . import families
from .extraction import extract_text


class PublicationPage(RoutablePageMixin, TaggedPage):
    """An official document, report, manual, factsheet... One record per
    document, whatever the number of languages it exists in: each language
    is a ``PublicationFile``."""

    class PublicationType(models.TextChoices):
        OFFICIAL_DOCUMENT = "official_document", _("Official document")
        REPORT = "report", _("Report or study")
        MANUAL = "manual", _("Manual or guide")
        FACTSHEET = "factsheet", _("Factsheet")
        OTHER = "other", _("Other publication")

    class Distribution(models.TextChoices):
        PUBLIC = "public", _("Public")
        RESTRICTED = "restricted", _("Restricted")

    class MeetingRole(models.TextChoices):
        # In the order a meeting page lists its documents.
        AGENDA = "agenda", _("Agenda")
        JOURNAL = "journal", _("Journal")
        DECISION = "decision", _("Decisions")
        STATEMENT = "statement", _("Statements")
        OTHER = "other", _("Other documents")

    schema_type = "CreativeWork"
    # For site search: the files (their languages and extracted text), the
    # symbol typed in the search box, and the restricted documents it never shows.
    search_documents = SearchDocuments(
        files="files",
        language_field="language",
        text_field="text",
        document_field="document",
        symbol_field="symbol",
        hidden=models.Q(distribution=Distribution.RESTRICTED),
    )

    publication_type = models.CharField(
        _("type"),
        max_length=30,
        choices=PublicationType.choices,
        default=PublicationType.REPORT,
        db_index=True,
    )
    distribution = models.CharField(
        _("distribution"),
        max_length=20,
        choices=Distribution.choices,
        default=Distribution.PUBLIC,
        db_index=True,
        help_text=_("Only public documents are listed and served on the website."),
    )
    symbol = models.CharField(
        _("document symbol"),
        max_length=60,
        blank=True,
        db_index=True,
        validators=[symbols.validate_symbol],
        help_text=_(
            "For official documents, e.g. PC.DEC/1162, MC.DEC/3/24, SEC.GAL/116/19/Rev.1. "
            "Stored in its canonical spelling."
        ),
    )
    # Parsed from the symbol on save, for filtering the documents library.
    issuing_body = models.CharField(_("issuing body"), max_length=10, blank=True, db_index=True)
    document_type = models.CharField(_("document type"), max_length=10, blank=True, db_index=True)
    # The family's base symbol (PC.DEC/1162 for PC.DEC/1162/Corr.1), set on save:
    # a document's revisions, corrigenda and addenda share it (docs/meetings.md).
    family_symbol = models.CharField(max_length=60, blank=True, db_index=True, editable=False)
    meeting = models.ForeignKey(
        "meetings.MeetingPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        verbose_name=_("meeting"),
        help_text=_("The meeting that adopted or issued this document."),
    )
    meeting_role = models.CharField(
        _("role at the meeting"),
        max_length=20,
        blank=True,
        choices=MeetingRole.choices,
        help_text=_(
            "Leave empty to read it from the symbol: journals (*.JOUR), decisions (*.DEC) "
            "and delegations' statements (*.DEL)."
        ),
    )

    parent_page_types = ["listings.ListingPage"]
    subpage_types = []
    search_fields = [
        *TaggedPage.search_fields,
        index.SearchField("symbol", boost=5),
        index.AutocompleteField("symbol"),
        index.FilterField("publication_type"),
        index.FilterField("distribution"),
        index.FilterField("issuing_body"),
        index.FilterField("document_type"),
        index.RelatedFields("files", [index.SearchField("text")]),
    ]
    content_panels = [
        *TaggedPage.content_panels[:2],
        FieldRowPanel([TaggedPage.date_panel, FieldPanel("publication_type")]),
        FieldRowPanel([FieldPanel("symbol"), FieldPanel("distribution")]),
        FieldRowPanel([FieldPanel("meeting"), FieldPanel("meeting_role")]),
        *TaggedPage.content_panels[3:],
    ]
    file_panels = [
        InlinePanel(
            "files",
            heading=_("Files"),
            label=_("File"),
            help_text=_(
                "One file per language. Replacing a file keeps the document's public "
                "address: /…/file/<language>/."
            ),
        )
    ]

    class Meta:
        verbose_name = _("publication")

    listing_facets = {
        "type": (
            "publication_type",
            lambda: PublicationPage.PublicationType.choices,
            _("Type"),
        ),
        "language": ("files__language", lambda: settings.LANGUAGES, _("Language")),
        "body": (
            "issuing_body",
            lambda: list(symbols.ISSUING_BODIES.items()),
            _("Issuing body"),
        ),
        "document_type": (
            "document_type",
            lambda: list(symbols.DOCUMENT_TYPES.items()),
            _("Document type"),
        ),
    }
    # The public API's typed fields (docs/api.md): the symbol and one file per language.
    api_fields = ["publication_type", "symbol", "issuing_body", "document_type", "files"]
    # What the API's lists read with each page of items, so that files cost no query per item.
    api_prefetch = ["files"]

    @property
    def label(self):
        return self.get_publication_type_display()

    @classmethod
    def listable(cls):
        return super().listable().filter(distribution=cls.Distribution.PUBLIC)

    ROLES_BY_TYPE = {"JOUR": "journal", "DEC": "decision", "DEL": "statement"}

    @property
    def role_at_meeting(self):
        """The document's place on its meeting's page: the role chosen, else
        the one its document type implies."""
        return self.meeting_role or self.ROLES_BY_TYPE.get(self.document_type, "other")

    @property
    def parsed_symbol(self):
        return symbols.parse(self.symbol) if self.symbol else None

    @property
    def is_public(self):
        return self.distribution == self.Distribution.PUBLIC

    def clean(self):
        super().clean()
        if self.symbol:
            try:
                canonical = str(symbols.parse(self.symbol))
            except symbols.SymbolError as exc:
                raise ValidationError({"symbol": str(exc)}) from exc
            twins = PublicationPage.objects.filter(symbol=canonical, locale_id=self.locale_id)
            if self.pk:
                twins = twins.exclude(pk=self.pk)
            if twins.exists():
                raise ValidationError(
                    {
                        "symbol": _(
                            "%(symbol)s already exists; add this language as a file of "
                            "that document instead."
                        )
                        % {"symbol": canonical}
                    }
                )

    def save(self, *args, **kwargs):
        if self.symbol:
            parsed = symbols.parse(self.symbol)
            self.symbol = str(parsed)
            self.issuing_body, self.document_type = parsed.body, parsed.doc_type
            self.family_symbol = parsed.base
        else:
            self.issuing_body = self.document_type = self.family_symbol = ""
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        if not self.is_public and not getattr(request, "is_preview", False):
            raise Http404(_("This document is not public."))
        return self.apply_cache_policy(
            request, RoutablePageMixin.serve(self, request, *args, **kwargs)
        )

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.is_public else []

    @path("")
    def detail(self, request):
        return self.render(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale_id = reading_locale_id(self, request)
        context["family"] = families.family_of(self, locale_id)
        context["meeting"] = families.meeting_of(self, locale_id)
        return context

    @path("file/<str:language>/")
    def file(self, request, language):
        """The stable public address of one language version: it redirects to
        the current file, so replacing the file never breaks a link."""
        match = next((f for f in self.files.all() if f.language == language), None)
        if match is None or match.document_id is None:
            raise Http404(_("This document has no file in that language."))
        response = HttpResponseRedirect(match.document.url)
        return self.apply_cache_policy(request, response)

    def file_url(self, language):
        return self.url + self.reverse_subpage("file", args=[language])

    export_prefetch = ("files",)

    @classmethod
    def export_fields(cls):
        return [*super().export_fields(), "symbol", "publication_type", "file_languages", "files"]

    def export_row(self, request=None):
        """Its symbol, and the stable address of its file in each language."""
        row = super().export_row(request)
        languages = [f.language for f in self.files.all() if f.document_id]
        base = self.get_full_url(request) or ""
        row.update(
            symbol=self.symbol,
            publication_type=self.publication_type,
            file_languages=languages,
            files=[base + self.reverse_subpage("file", args=[code]) for code in languages],
        )
        return row

    def get_schema_org(self, request=None):
        data = super().get_schema_org(request)
        if self.symbol:
            data["identifier"] = self.symbol
        data["inLanguage"] = [f.language for f in self.files.all()] or data["inLanguage"]
        return data


class PublicationFile(Orderable):
    """One language version of a publication."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("file"),
    )
    text = models.TextField(_("extracted text"), blank=True, editable=False)
    # The file_hash of the document the text was extracted from.
    text_source_hash = models.CharField(max_length=40, blank=True, editable=False)

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("document")])]
    api_fields = ["language", "url"]  # the public API: the file's language and stable address

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="one_file_per_language"),
        ]

    def __str__(self):
        return f"{self.page.title} ({self.language})"

    @property
    def url(self) -> str | None:
        """The stable public address of this language version (it redirects
        to the current file): the publication's ``file/<language>/`` route;
        None while the file is missing."""
        if self.document_id is None:
            return None
        return self.page.full_url + self.page.reverse_subpage("file", args=[self.language])

    def refresh_text(self):
        """Extract the document's text when the file changed since last time."""
        document = self.document
        if document is None:
            self.text, self.text_source_hash = "", ""
            return
        if not document.file_hash:
            document._set_file_hash()
        if document.file_hash == self.text_source_hash and self.text:
            return
        with document.open_file() as handle:
            data = handle.read()
        self.text = extract_text(data, document.filename)
        self.text_source_hash = document.file_hash

    def save(self, *args, **kwargs):
        self.refresh_text()
        super().save(*args, **kwargs)


PublicationPage.edit_handler = PublicationPage.build_edit_handler(
    extra_tabs=[ObjectList(PublicationPage.file_panels, heading=_("Files"))]
)
