"""Fetching a web page for ingestion: bounded in time, size and redirects.

:func:`fetch` downloads one ``http(s)://`` URL with the standard library and returns its
bytes with the media type and declared character set; :mod:`geokg.html` turns them into a
document. Every failure is one :class:`FetchError` line naming the URL (its password
masked): an HTTP error status, no answer in time, a body over the size cap, a body that is
not a web page or plain text, a host name that does not resolve, a refused connection,
too many redirects.

Policy:

* **Time.** ``timeout`` bounds the whole exchange (connecting, waiting for the answer and
  reading the body), not each socket read, so a server trickling bytes cannot hold a run.
* **Size.** ``max_bytes`` caps the body (default :data:`DEFAULT_MAX_BYTES`); a larger
  ``Content-Length`` is refused before reading, and a body without one is read to the cap
  plus one byte and refused.
* **Redirects** are followed, at most ``max_redirects`` (default 5), only to ``http(s)``
  URLs; credentials are not sent to another host.
* **Identity.** Requests say ``User-Agent: geokg/VERSION (+https://w3id.org/geokg)``.
* **Credentials** in the URL (``https://user:pw@host/...``) are sent as basic
  authentication, never shown.
* Nothing is retried: a page that fails is reported, and the caller decides.
"""

from __future__ import annotations

import base64
import http.client
import os
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import Message
from typing import IO, Any

from geokg.errors import InputError
from geokg.urls import mask_secrets, mask_url, split_credentials

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "FetchError",
    "FetchPolicy",
    "FetchedPage",
    "fetch",
    "user_agent",
]

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
#: Media types read as web pages; ``text/plain`` is read as a plain-text article.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
_CHUNK = 64 * 1024


class FetchError(InputError):
    """A URL given as input cannot be fetched (one line, the URL's password masked)."""


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Bounds of one fetch. :meth:`from_environment` reads ``GEOKG_FETCH_TIMEOUT``
    (seconds) and ``GEOKG_FETCH_MAX_BYTES``."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = DEFAULT_MAX_REDIRECTS

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> FetchPolicy:
        env = os.environ if environ is None else environ
        return cls(
            timeout=_positive(env, "GEOKG_FETCH_TIMEOUT", DEFAULT_TIMEOUT, float),
            max_bytes=int(_positive(env, "GEOKG_FETCH_MAX_BYTES", DEFAULT_MAX_BYTES, int)),
        )


def _positive(
    env: Mapping[str, str], name: str, default: float, kind: Callable[[str], float]
) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = 0
    if value <= 0:
        raise InputError(f"{name} must be a positive number, got {raw!r}")
    return value


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """One downloaded page. ``url`` is the URL asked for (without credentials),
    ``final_url`` the one answered after redirects."""

    url: str
    final_url: str
    media_type: str
    charset: str | None
    body: bytes = b""

    @property
    def is_html(self) -> bool:
        return self.media_type in HTML_TYPES


def user_agent() -> str:
    """``geokg/VERSION (+https://w3id.org/geokg)``."""
    from geokg import __version__

    return f"geokg/{__version__} (+https://w3id.org/geokg)"


def fetch(url: str, policy: FetchPolicy | None = None) -> FetchedPage:
    """Download a web page or plain-text file (see the module docstring for the policy)."""
    policy = policy or FetchPolicy()
    timeout, max_bytes, max_redirects = policy.timeout, policy.max_bytes, policy.max_redirects
    clean, user, password = split_credentials(url)
    shown = mask_url(url)
    headers = {
        "User-Agent": user_agent(),
        "Accept": "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8",
        "Accept-Encoding": "identity",
    }
    if user is not None:
        pair = f"{user}:{password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    request = urllib.request.Request(clean, headers=headers, method="GET")
    opener = urllib.request.build_opener(_redirects(max_redirects))
    deadline = time.monotonic() + timeout
    try:
        response = opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        error.close()
        raise FetchError(_status_message(shown, error.code, error.reason, max_redirects)) from None
    except _RedirectRefused as error:
        raise FetchError(f"{shown}: {mask_url(str(error))}") from None
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
        message = describe_network_error(error, timeout)
        raise FetchError(f"{shown}: {mask_secrets(message, password)}") from None
    with response:
        final_url = mask_url(response.geturl())
        media_type, charset = _content_type(response.headers)
        if media_type not in HTML_TYPES | TEXT_TYPES:
            raise FetchError(
                f"{shown}: not a web page or text ({media_type or 'no content type'}); "
                "save the text and ingest the file"
            )
        length = response.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise FetchError(
                f"{shown}: the page is too large ({_size(int(length))}, over {_size(max_bytes)})"
            )
        body = _read_capped(response, shown, max_bytes, deadline, timeout)
    return FetchedPage(clean, final_url, media_type, charset, body)


def describe_network_error(error: BaseException, timeout: float) -> str:
    """One phrase for a failure to reach a server (no URL: the caller adds it).

    >>> import urllib.error, socket
    >>> unknown = socket.gaierror(-2, "Name or service not known")
    >>> describe_network_error(urllib.error.URLError(unknown), 5)
    'cannot resolve the host name (Name or service not known)'
    >>> describe_network_error(TimeoutError("timed out"), 5)
    'no answer within 5 s'
    """
    reason: object = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, socket.gaierror):
        return f"cannot resolve the host name ({reason.strerror or reason})"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLError):
        return f"TLS failed ({reason.reason or reason})"
    if isinstance(reason, http.client.HTTPException):
        return f"the server broke the HTTP protocol ({type(reason).__name__})"
    if isinstance(reason, OSError):
        return f"cannot connect ({reason.strerror or reason})"
    return f"cannot connect ({reason})"


# --------------------------------------------------------------------------- internals


class _RedirectRefused(Exception):
    """A redirect to a URL geokg does not follow (internal)."""


def _redirects(limit: int) -> urllib.request.HTTPRedirectHandler:
    """A redirect handler allowing at most ``limit`` redirects."""

    class Bounded(_Redirects):
        max_redirections = limit
        max_repeats = limit

    return Bounded()


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects only to http(s), without credentials for another host."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not newurl.lower().startswith(("http://", "https://")):
            raise _RedirectRefused(f"redirected to {newurl!r}, which is not an http(s) URL")
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            old_host = urllib.parse.urlsplit(req.full_url).netloc
            new_host = urllib.parse.urlsplit(new.full_url).netloc
            if old_host != new_host:
                new.headers.pop("Authorization", None)
        return new


def _status_message(shown: str, status: int, reason: Any, max_redirects: int) -> str:
    if 300 <= status < 400 and "is not allowed" in str(reason):
        return f"{shown}: redirected to a URL that is not an http(s) URL; not followed"
    if 300 <= status < 400:
        return f"{shown}: too many redirects (more than {max_redirects})"
    text = str(reason or "").strip()
    return f"{shown}: HTTP {status}{' ' + text if text else ''}"


def _content_type(headers: Message) -> tuple[str, str | None]:
    raw = headers.get("Content-Type")
    if not raw:
        return "", None
    media_type = headers.get_content_type().lower()
    charset = headers.get_param("charset")
    return media_type, (str(charset).strip() or None) if isinstance(charset, str) else None


def _read_capped(
    response: http.client.HTTPResponse | Any,
    shown: str,
    max_bytes: int,
    deadline: float,
    timeout: float,
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"{shown}: no complete answer within {timeout:g} s")
        try:
            chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        except TimeoutError:
            raise FetchError(f"{shown}: no complete answer within {timeout:g} s") from None
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(f"{shown}: the connection broke ({error})") from None
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{shown}: the page is too large (over {_size(max_bytes)})")
        chunks.append(chunk)
    return b"".join(chunks)


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MiB"
    if count >= 1024:
        return f"{count / 1024:.0f} KiB"
    return f"{count} bytes"
