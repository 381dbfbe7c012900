"""Opening, reading and answering cases; nothing here writes plaintext."""

import json
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey

from . import crypto
from .records import Case, CaseFile, CaseMessage


@dataclass
class Received:
    number: str
    passphrase: str


def open_case(text: str, contact: str, uploads) -> Received:
    """Seal the report and its files to the oversight key and keep them."""
    public = crypto.oversight_public_key()
    if public is None:
        raise RuntimeError("CONFIDENTIAL_REPORTS_PUBLIC_KEY is not set")
    passphrase = crypto.new_passphrase()
    reporter_public, salt, locked = crypto.reporter_keys(passphrase)
    stored, described = [], []
    for upload in uploads:
        upload.seek(0)
        name = default_storage.save(
            f"confidential/{secrets.token_hex(16)}.sealed",
            ContentFile(crypto.seal(upload.read(), public)),
        )
        stored.append(name)
        described.append({"name": upload.name, "size": upload.size, "stored": name})
    report = {"report": text, "contact": contact, "files": described}
    with transaction.atomic():
        while True:
            number = crypto.new_case_number()
            if not Case.objects.filter(number=number).exists():
                break
        case = Case.objects.create(
            number=number,
            received_on=timezone.localdate(),
            sealed_report=crypto.seal(json.dumps(report).encode(), public),
            reporter_public_key=reporter_public,
            reporter_key_salt=salt,
            reporter_key_locked=locked,
        )
        CaseFile.objects.bulk_create(CaseFile(case=case, stored_name=name) for name in stored)
    return Received(number, passphrase)


def fake_receipt() -> Received:
    """What a bot that filled the honeypot is shown: nothing is kept."""
    return Received(crypto.new_case_number(), crypto.new_passphrase())


def read_for_reporter(number: str, passphrase: str) -> tuple[Case, list[dict]] | None:
    """The case's messages for its reporter, or None (unknown number or wrong
    passphrase: the same answer)."""
    case = Case.objects.filter(number=(number or "").strip().upper()).first()
    if case is None:
        crypto.unlock_reporter_key(passphrase, b"\0" * 16, b"\0" * 56)  # the same time
        return None
    key = crypto.unlock_reporter_key(passphrase, case.reporter_key_salt, case.reporter_key_locked)
    if key is None:
        return None
    return case, _messages(case, key, "for_reporter")


def read_for_oversight(case: Case, key: PrivateKey) -> dict:
    """Raises ``CryptoError`` for a key that is not the oversight key."""
    report = json.loads(crypto.unseal(case.sealed_report, key))
    return {"report": report, "messages": _messages(case, key, "for_oversight")}


def read_file(stored_name: str, key: PrivateKey) -> bytes:
    with default_storage.open(stored_name, "rb") as f:
        return crypto.unseal(f.read(), key)


def _messages(case: Case, key: PrivateKey, field: str) -> list[dict]:
    return [
        {
            "sent_on": message.sent_on,
            "from_reporter": message.from_reporter,
            "text": crypto.unseal(getattr(message, field), key).decode(),
        }
        for message in case.messages.all()
    ]


def add_message(case: Case, text: str, from_reporter: bool) -> CaseMessage:
    public = crypto.oversight_public_key()
    if public is None:
        raise RuntimeError("CONFIDENTIAL_REPORTS_PUBLIC_KEY is not set")
    data = text.encode()
    return CaseMessage.objects.create(
        case=case,
        sent_on=timezone.localdate(),
        from_reporter=from_reporter,
        for_oversight=crypto.seal(data, public),
        for_reporter=crypto.seal(data, PublicKey(bytes(case.reporter_public_key))),
    )


__all__ = ["CryptoError", "Received", "add_message", "open_case", "read_for_reporter"]
