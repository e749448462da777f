"""HTTP(S) URLs given by users: checking them, taking credentials out, and never showing
a password.

Both the web page fetcher (:mod:`geokg.fetch`) and the remote store
(:mod:`geokg.store.remote`) take URLs from the command line. A URL may carry credentials
(``http://user:secret@host/...``): they are taken out of the URL before it is used (the
caller sends them as HTTP basic authentication) and every message shows the URL with the
password replaced by ``***``.

>>> split_credentials("http://ann:s3cret@127.0.0.1:7878/query")
('http://127.0.0.1:7878/query', 'ann', 's3cret')
>>> mask_url("https://ann:s3cret@example.org/sparql")
'https://ann:***@example.org/sparql'
>>> is_http_url("HTTPS://example.org"), is_http_url("data/articles")
(True, False)
"""

from __future__ import annotations

import re
import urllib.parse

from geokg.errors import InputError

__all__ = ["check_http_url", "is_http_url", "mask_secrets", "mask_url", "split_credentials"]

_SCHEMES = ("http://", "https://")
# scheme://user:password@ : the password is everything up to the last '@' before the host.
_USERINFO = re.compile(r"(?i)\b(https?://)([^/@\s:]*):([^/\s]*)@")


def is_http_url(text: str) -> bool:
    """Whether a command-line argument names an ``http(s)://`` URL rather than a path."""
    return text[:8].lower().startswith(_SCHEMES)


def mask_url(url: str) -> str:
    """The URL with any password replaced by ``***`` (the user name stays: it helps)."""
    return _USERINFO.sub(r"\1\2:***@", url)


def mask_secrets(message: str, *secrets: str | None) -> str:
    """A message with URL passwords masked and each given secret replaced by ``***``."""
    masked = mask_url(message)
    for secret in secrets:
        if secret:
            masked = masked.replace(secret, "***")
    return masked


def check_http_url(url: str, *, what: str = "URL") -> urllib.parse.SplitResult:
    """Parse an ``http(s)://`` URL, raising one readable :class:`InputError` when it is
    malformed (``http://[::1``, a bad port, no host).

    >>> check_http_url("http://[::1").netloc
    Traceback (most recent call last):
    ...
    geokg.errors.InputError: invalid URL 'http://[::1': Invalid IPv6 URL
    """
    shown = mask_url(url)
    if any(ch.isspace() or ord(ch) < 0x20 for ch in url):
        raise InputError(f"invalid {what} {shown!r}: it contains spaces or control characters")
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port  # raises ValueError for a port out of range or not a number
    except ValueError as error:
        raise InputError(f"invalid {what} {shown!r}: {error}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"invalid {what} {shown!r}: only http:// and https:// are supported")
    if not parts.hostname:
        raise InputError(f"invalid {what} {shown!r}: it names no host")
    del port
    return parts


def split_credentials(url: str, *, what: str = "URL") -> tuple[str, str | None, str | None]:
    """``(url_without_credentials, user, password)``; user and password are ``None`` when
    the URL has none, and are percent-decoded (``%40`` is ``@``)."""
    parts = check_http_url(url, what=what)
    if parts.username is None and parts.password is None:
        return url, None, None
    host = parts.netloc.rpartition("@")[2]
    clean = urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    user = urllib.parse.unquote(parts.username or "")
    password = urllib.parse.unquote(parts.password) if parts.password is not None else None
    return clean, user, password
