"""Reading the reference content files: safe YAML, validated against the
schema, with errors that name the file and the field.

Nothing here writes to the database: ``Loader.run`` reads and validates every
file first, so a bad file stops the load before anything changes.
"""

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from . import schema

FILES = {
    # key in the loader's data -> (file name, schema of the whole file)
    "pages": ("pages.yaml", schema.PagesFile),
    "fields_of_work": ("fields_of_work.yaml", schema.FieldsOfWorkFile),
    "meeting_series": ("meeting_series.yaml", schema.MeetingSeriesFile),
    "countries": ("countries.yaml", schema.CountriesFile),
    "structures": ("structures.yaml", list[schema.StructureBlock]),
    "leadership": ("leadership.yaml", schema.LeadershipFile),
    "news": ("news.yaml", schema.NewsFile),
    "stories": ("stories.yaml", schema.StoriesFile),
    "events": ("events.yaml", schema.EventsFile),
    "meetings": ("meetings.yaml", schema.MeetingsFile),
    "elections": ("elections.yaml", schema.ElectionsFile),
    "donors": ("donors.yaml", schema.DonorsFile),
    "navigation": ("navigation.yaml", schema.NavigationFile),
}

TRANSLATIONS_DIRECTORY = "translations"


class _Loader(yaml.SafeLoader):
    """Safe YAML, with dates left as text for the schema to parse, so that an
    impossible date is reported with its file and field like any other error."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


class ReferenceContentError(Exception):
    """A problem in one file, named with the file and the field."""

    def __init__(self, filename: str, location: str, message: str) -> None:
        self.filename, self.location, self.message = filename, location, message
        where = f"{filename}: {location}" if location else filename
        super().__init__(f"{where}: {message}")


def _location(loc):
    parts = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif item in {"str", "Heading"} or "[" in str(item):
            continue  # pydantic's union-branch labels say nothing to an editor
        else:
            parts.append(f".{item}" if parts else str(item))
    return "".join(parts)


def read_file(
    directory: str | Path, key: str | None, filename: str | None = None, model: Any = None
) -> Any:
    """The file of ``key`` in ``FILES`` (or ``filename`` with its ``model``),
    parsed and validated; raises ReferenceContentError."""
    if filename is None:
        filename, model = FILES[key]
    path = Path(directory) / filename
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    except FileNotFoundError as exc:
        raise ReferenceContentError(filename, "", "file not found") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ReferenceContentError(filename, where, f"not valid YAML ({problem})") from exc
    try:
        if isinstance(model, type) and issubclass(model, BaseModel):
            return model.model_validate(raw)
        return TypeAdapter(model).validate_python(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise ReferenceContentError(
            filename, _location(error["loc"]), f"{error['msg']}{more}"
        ) from exc


def read_translations(directory: str | Path) -> list[tuple[str, schema.TranslationFile]]:
    """Every ``translations/<language>.yaml``, validated, in file-name order."""
    folder = Path(directory) / TRANSLATIONS_DIRECTORY
    files = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        filename = f"{TRANSLATIONS_DIRECTORY}/{path.name}"
        data = read_file(directory, None, filename, schema.TranslationFile)
        if data.language != path.stem:
            raise ReferenceContentError(
                filename, "language", f"{data.language!r} in a file named {path.name}"
            )
        files.append((filename, data))
    return files
