"""The encryption of reports of wrongdoing (docs/confidential-reports.md).

- A report, its files and every message of a case are sealed (libsodium's
  sealed boxes, ``nacl.public.SealedBox``) to the oversight key,
  ``CONFIDENTIAL_REPORTS_PUBLIC_KEY`` (base64), before anything is written:
  the server can encrypt to it but never decrypt; the private key stays with
  the oversight group.
- Each case has a reporter key pair. Its private half is locked with a key
  derived from the reporter's passphrase (Argon2id, a random salt per case)
  and a secret box; replies are sealed to its public half. The server keeps
  neither the passphrase nor anything that reads a reply without it."""

import base64
import binascii
import secrets

from django.conf import settings
from nacl import pwhash
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.secret import SecretBox
from nacl.utils import random

CASE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
PASSPHRASE_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


class KeyError_(ValueError):
    """A key that is not a base64 Curve25519 key."""


def _key_bytes(text: str) -> bytes:
    try:
        raw = base64.b64decode((text or "").strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeyError_("not base64") from exc
    if len(raw) != 32:
        raise KeyError_("not a 32-byte key")
    return raw


def oversight_public_key() -> PublicKey | None:
    text = getattr(settings, "CONFIDENTIAL_REPORTS_PUBLIC_KEY", "")
    if not text:
        return None
    try:
        return PublicKey(_key_bytes(text))
    except KeyError_:
        return None


def private_key(text: str) -> PrivateKey:
    return PrivateKey(_key_bytes(text))


def new_key_pair() -> tuple[str, str]:
    """(public, private), base64."""
    key = PrivateKey.generate()
    return (
        base64.b64encode(bytes(key.public_key)).decode(),
        base64.b64encode(bytes(key)).decode(),
    )


def seal(data: bytes, public: PublicKey) -> bytes:
    return SealedBox(public).encrypt(data)


def unseal(data: bytes, key: PrivateKey) -> bytes:
    """Raises ``CryptoError`` for a wrong key."""
    return SealedBox(key).decrypt(bytes(data))


def _grouped(alphabet: str, count: int, size: int) -> str:
    chars = "".join(secrets.choice(alphabet) for _ in range(count * size))
    return "-".join(chars[i : i + size] for i in range(0, len(chars), size))


def new_case_number() -> str:
    return _grouped(CASE_ALPHABET, 3, 4)  # 60 bits: not guessable, easy to copy


def new_passphrase() -> str:
    return _grouped(PASSPHRASE_ALPHABET, 6, 4)  # 120 bits


def normalize(text: str) -> str:
    return "".join(ch for ch in (text or "").lower() if ch.isalnum())


def _derive(passphrase: str, salt: bytes) -> bytes:
    return pwhash.argon2id.kdf(
        SecretBox.KEY_SIZE,
        normalize(passphrase).encode(),
        salt,
        opslimit=pwhash.argon2id.OPSLIMIT_INTERACTIVE,
        memlimit=pwhash.argon2id.MEMLIMIT_INTERACTIVE,
    )


def reporter_keys(passphrase: str) -> tuple[bytes, bytes, bytes]:
    """(public key, salt, locked private key) for a new case."""
    key = PrivateKey.generate()
    salt = random(pwhash.argon2id.SALTBYTES)
    locked = SecretBox(_derive(passphrase, salt)).encrypt(bytes(key))
    return bytes(key.public_key), salt, bytes(locked)


def unlock_reporter_key(passphrase: str, salt: bytes, locked: bytes) -> PrivateKey | None:
    try:
        return PrivateKey(SecretBox(_derive(passphrase, bytes(salt))).decrypt(bytes(locked)))
    except CryptoError:
        return None
