"""Unlock codes (解锁码): the trainer releases a trainer-graded bank's key after the sitting.

The page of such a bank carries its key and explanations sealed with XSalsa20-Poly1305
(NaCl's secretbox, authenticated: a wrong code fails, it never shows garbage). The box key
is a SHA-512 of the unlock code with the bank and version, so the browser (quiz/67-review.js
with the vendored quiz/66-secretbox.js) derives it from what the trainee types. The code is
65 bits from the project secret, the bank id and its gradable version: 13 Crockford base32
symbols, shown as XXXX-XXXX-XXXXX. Guessing 2^65 codes offline is the attack, and that is
out of reach, so the derivation need not be slow. A new version gets a new code.

Everything is deterministic (the nonce too), so two builds with the same secret are
byte-identical; the nonce is keyed by the secret over the plaintext, so a changed
explanation under the same version (same key) never reuses a nonce.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import unicodedata

import nacl.exceptions
import nacl.secret

from .secret import derive

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
LENGTH = 13  # 65 bits
_READ_AS = str.maketrans("ILO", "110")  # Crockford's decoding: letters people mistake for digits
_NOT_SYMBOL = re.compile("[^0-9A-Za-z]")


def unlock_code(secret: bytes, bank_id: str, version: str) -> str:
    """The 13-symbol code for one version of one bank (no separators)."""
    value = int.from_bytes(derive(secret, f"unlock:{bank_id}:{version}")[:9], "big") >> (72 - 5 * LENGTH)
    return "".join(ALPHABET[(value >> (5 * (LENGTH - 1 - k))) & 31] for k in range(LENGTH))


def shown(code: str) -> str:
    """The code as announced: XXXX-XXXX-XXXXX."""
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def normalise(text: str) -> str | None:
    """What a trainee typed, read forgivingly; None if not a code. Full width becomes half width,
    anything but ASCII letters and digits is a separator, case does not matter, I/L read as 1, O as 0.

    quiz/67-review.js reads codes the same way (tests/data/unlock_cases.json holds both)."""
    plain = _NOT_SYMBOL.sub("", unicodedata.normalize("NFKC", text)).upper().translate(_READ_AS)
    return plain if len(plain) == LENGTH and all(char in ALPHABET for char in plain) else None


def box_key(code: str, bank_id: str, version: str) -> bytes:
    """The secretbox key of a normalised code: SHA-512 of a domain-separated string, first 32 bytes."""
    return hashlib.sha512(f"lunxun:unlock:v1\n{bank_id}\n{version}\n{code}".encode()).digest()[:32]


def seal(secret: bytes, bank_id: str, version: str, plaintext: bytes) -> dict[str, str]:
    """The sealed key as the page carries it: base64 nonce and box (ciphertext with its tag)."""
    key = box_key(unlock_code(secret, bank_id, version), bank_id, version)
    nonce = hmac.digest(derive(secret, f"unlock-nonce:{bank_id}:{version}"), plaintext, "sha256")[:24]
    box = nacl.secret.SecretBox(key).encrypt(plaintext, nonce).ciphertext
    return {"nonce": base64.b64encode(nonce).decode(), "box": base64.b64encode(box).decode()}


def unseal(sealed: dict[str, str], code: str, bank_id: str, version: str) -> bytes | None:
    """The plaintext, or None when the code is wrong (the box does not authenticate)."""
    normal = normalise(code)
    if normal is None:
        return None
    box = nacl.secret.SecretBox(box_key(normal, bank_id, version))
    try:
        return box.decrypt(base64.b64decode(sealed["box"]), base64.b64decode(sealed["nonce"]))
    except nacl.exceptions.CryptoError:
        return None
