"""Web pages as documents: the main text of an HTML page, with its metadata.

The main text is found by `trafilatura <https://trafilatura.readthedocs.io>`_ (kept up to
date, the best-scored open main-text extractor in published comparisons, and the one of
the candidates that also reads the metadata geokg keeps): navigation, menus, scripts,
styles, comments, footers and "most read" boxes are dropped. The document keeps:

* ``title``: the page's headline (``og:title``, ``<h1>`` or ``<title>`` without the site
  name), also the first paragraph of ``text``, as in a ``.txt`` article, so headline facts
  are extracted;
* ``published``: the article's own date (``article:published_time``, JSON-LD
  ``datePublished``, ...; never the date of the download), else a dateline in the text;
* ``author``: the byline;
* ``url``: the canonical URL (``<link rel="canonical">`` or ``og:url``), else the URL the
  page was fetched from.

Paragraphs are separated by a blank line. Character sets: a byte-order mark wins, then the
charset of the HTTP ``Content-Type`` header (for fetched pages), then a ``<meta charset>``
or ``<meta http-equiv="Content-Type">`` in the first 4 KiB; a page declaring nothing must
be UTF-8. ``ISO-8859-1`` and ``ASCII`` labels are read as ``windows-1252``, as browsers do.
"""

from __future__ import annotations

import codecs
import logging
import re
from datetime import date

from geokg.errors import InputError
from geokg.model import Document

__all__ = ["declared_charset", "decode_html", "html_document"]

logger = logging.getLogger(__name__)

_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# WHATWG Encoding: these labels mean windows-1252 on the web.
_WEB_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}
_MAX_TITLE_CHARS = 300


def declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag near the top of a page declares, if any.

    >>> declared_charset(b'<html><head><meta charset="ISO-8859-15"></head>')
    'ISO-8859-15'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    'koi8-r'
    """
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def decode_html(data: bytes, *, where: str, header_charset: str | None = None) -> str:
    """The text of an HTML page's bytes (see the module docstring for the order of
    precedence). Raises :class:`InputError` for an unknown charset or an undeclared
    non-UTF-8 page."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace")
    label = header_charset or declared_charset(data)
    if label is None:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(
                f"{where}: the page declares no character set and is not UTF-8 (byte "
                f"{error.start}); add <meta charset=...> or convert it to UTF-8"
            ) from None
    encoding = _codec(label, where)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        # Browsers show such pages with replacement characters; so does geokg, and says so.
        logger.warning("%s: byte %d is not valid %s; replaced", where, error.start, label)
        return data.decode(encoding, "replace")


def html_document(
    html: str,
    *,
    doc_id: str,
    where: str,
    url: str | None = None,
    published: date | None = None,
) -> Document:
    """A :class:`Document` of a page's main text and metadata. ``url`` is where the page
    came from (used when it names no canonical URL); ``published`` overrides its date.
    Raises :class:`InputError` when the page has no main text."""
    import trafilatura

    from geokg.extract.documents import find_dateline

    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, RecursionError) as error:
        raise InputError(f"{where}: cannot read the HTML ({error})") from None
    body = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not body:
        raise InputError(f"{where}: the page has no main text (empty, or only navigation)")
    title = _clean(getattr(result, "title", None))
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    text = "\n\n".join(([title] if title else []) + paragraphs) + "\n"
    when = published or _iso_date(getattr(result, "date", None)) or find_dateline(text)
    return Document(
        doc_id,
        title=title[:_MAX_TITLE_CHARS] if title else None,
        url=_clean(getattr(result, "url", None)) or url,
        published=when,
        text=text,
        author=_clean(getattr(result, "author", None)),
    )


def _codec(label: str, where: str) -> str:
    name = label.strip().lower()
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        raise InputError(f"{where}: unknown character set {label!r}") from None
    return _WEB_ALIASES.get(canonical, canonical)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _iso_date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
