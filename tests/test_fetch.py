"""Web pages and URLs as input: fetching bounded in time, size and redirects, character
sets, main text and metadata, against a real HTTP server on a loopback port (no outside
network)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from geokg.errors import InputError
from geokg.extract.documents import DocumentReader, Skipped, read_documents
from geokg.fetch import FetchError, FetchPolicy, fetch, user_agent
from websites import ARTICLE, Route, Site, serving


@pytest.fixture
def site() -> Iterator[Callable[..., Site]]:
    with serving() as start:
        yield start


# ----------------------------------------------------------------- main text and metadata


def test_page_main_text_and_metadata(site: Callable[..., Site]) -> None:
    web = site({"/a": Route(body=ARTICLE.encode("utf-8"))})
    [doc] = read_documents([web.url("/a")])
    assert doc.title == "Iran supplies drones to Russia"
    assert doc.author == "Jane Doe"
    assert doc.published == date(2024, 5, 20)
    assert doc.url == "https://news.example.org/world/iran-drones"
    assert doc.id == "news.example.org-world-iran-drones"
    paragraphs = doc.text.strip().split("\n\n")
    assert paragraphs[0] == "Iran supplies drones to Russia"
    assert paragraphs[1].startswith("Iran has supplied hundreds of drones to Russia")
    assert "Café owners" in doc.text
    for boilerplate in (
        "Scripted",
        "scripted line",
        "Sign in",
        "Subscribe",
        "recipes",
        "Copyright",
    ):
        assert boilerplate not in doc.text
    assert web.requests[0]["User-Agent"] == user_agent() == "geokg/0.1.0 (+https://w3id.org/geokg)"


def test_explicit_published_wins_and_page_without_canonical_keeps_its_url(
    site: Callable[..., Site],
) -> None:
    page = ARTICLE.replace(
        '<link rel="canonical" href="https://news.example.org/world/iran-drones">', ""
    )
    web = site({"/news/today": Route(body=page.encode("utf-8"))})
    [doc] = read_documents([web.url("/news/today")], published=date(2024, 6, 1))
    assert doc.published == date(2024, 6, 1)
    assert doc.url == web.url("/news/today")
    assert doc.id == "127.0.0.1-news-today"


@pytest.mark.parametrize("where", ["header", "meta"])
def test_non_utf8_page_declared_in_header_or_meta(site: Callable[..., Site], where: str) -> None:
    page = ARTICLE.replace('<meta charset="utf-8">', "")
    if where == "meta":
        page = page.replace(
            "<head>",
            '<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        )
        content_type = "text/html"
    else:
        content_type = "text/html; charset=windows-1252"
    body = page.replace("Café", "Café “quoted”" if where == "header" else "Café").encode("cp1252")
    assert b"\xe9" in body
    web = site({"/p": Route(body=body, content_type=content_type)})
    [doc] = read_documents([web.url("/p")])
    assert ("Café “quoted” owners" if where == "header" else "Café owners") in doc.text


def test_undeclared_non_utf8_page_is_refused(site: Callable[..., Site]) -> None:
    page = ARTICLE.replace('<meta charset="utf-8">', "").encode("cp1252")
    web = site({"/p": Route(body=page, content_type="text/html")})
    with pytest.raises(InputError, match="declares no character set and is not UTF-8"):
        list(read_documents([web.url("/p")]))


def test_plain_text_url_is_an_article(site: Callable[..., Site]) -> None:
    text = "Iran supplies drones to Russia\n\nMonday 20 May 2024\n\nIran supplied drones."
    web = site({"/a.txt": Route(body=text.encode(), content_type="text/plain; charset=utf-8")})
    [doc] = read_documents([web.url("/a.txt")])
    assert doc.text == text and doc.published == date(2024, 5, 20)
    assert doc.url == web.url("/a.txt") and doc.title == "Iran supplies drones to Russia"


# ----------------------------------------------------------------- fetching policy


def test_redirect_is_followed(site: Callable[..., Site]) -> None:
    web = site({"/old": Route(301, headers={"Location": "/new"}), "/new": Route(body=b"<p>x</p>")})
    page = fetch(web.url("/old"))
    assert page.final_url == web.url("/new") and page.body == b"<p>x</p>"
    assert [r["path"] for r in web.requests] == ["/old", "/new"]


def test_redirect_loop_and_non_http_redirect_are_refused(site: Callable[..., Site]) -> None:
    web = site(
        {
            **{f"/r{i}": Route(302, headers={"Location": f"/r{i + 1}"}) for i in range(10)},
            "/file": Route(302, headers={"Location": "file:///etc/passwd"}),
        }
    )
    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        fetch(web.url("/r0"), FetchPolicy(max_redirects=3))
    assert len(web.requests) == 4
    with pytest.raises(FetchError, match="not an http"):
        fetch(web.url("/file"))


def test_http_errors_are_one_line(site: Callable[..., Site]) -> None:
    web = site({"/gone": Route(410, b"gone", "text/plain")})
    with pytest.raises(FetchError) as info:
        fetch(web.url("/missing"))
    assert str(info.value) == f"{web.url('/missing')}: HTTP 404 Not Found"
    with pytest.raises(FetchError, match="HTTP 410"):
        fetch(web.url("/gone"))


def test_not_a_web_page_is_refused(site: Callable[..., Site]) -> None:
    web = site({"/doc.pdf": Route(body=b"%PDF-1.7", content_type="application/pdf")})
    with pytest.raises(FetchError, match=r"not a web page or text \(application/pdf\)"):
        fetch(web.url("/doc.pdf"))


@pytest.mark.parametrize("send_length", [True, False])
def test_oversized_body_is_refused(site: Callable[..., Site], send_length: bool) -> None:
    web = site({"/big": Route(body=b"<p>" + b"x" * 300_000 + b"</p>", send_length=send_length)})
    with pytest.raises(FetchError, match="too large"):
        fetch(web.url("/big"), FetchPolicy(max_bytes=100_000))
    assert fetch(web.url("/big"), FetchPolicy(max_bytes=400_000)).body.startswith(b"<p>x")


def test_slow_server_times_out_once(site: Callable[..., Site]) -> None:
    web = site({"/slow": Route(body=b"<p>late</p>", delay=30)})
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"no answer within 0\.5 s"):
        fetch(web.url("/slow"), FetchPolicy(timeout=0.5))
    # The timeout is the behaviour under test: a generous bound, far from the page's 30 s.
    assert time.monotonic() - started < 15
    assert len(web.requests) == 1  # never retried


def test_closed_port_and_malformed_url(refused_port: int) -> None:
    with pytest.raises(FetchError, match="connection refused"):
        fetch(f"http://127.0.0.1:{refused_port}/page")
    with pytest.raises(InputError, match=r"invalid URL 'http://\[::1'"):
        fetch("http://[::1")


def test_credentials_are_sent_and_never_shown(site: Callable[..., Site]) -> None:
    web = site({"/private": Route(body=b"<p>members only</p>")})
    secret_url = web.url("/private").replace("http://", "http://ann:s3cr%40t@")
    page = fetch(secret_url)
    assert page.url == web.url("/private")
    assert web.requests[0]["Authorization"] == "Basic YW5uOnMzY3JAdA=="  # ann:s3cr@t
    with pytest.raises(FetchError) as info:
        fetch(secret_url.replace("/private", "/missing"))
    assert "s3cr" not in str(info.value) and "ann:***@" in str(info.value)


# ----------------------------------------------------------------- files and folders


def test_html_file_and_mixed_folder(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_path / "b.txt").write_text("Iran criticised the UK.", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "photo.JPG").write_bytes(b"\xff\xd8\xff")
    skipped: list[Skipped] = []
    docs = list(read_documents([tmp_path], on_skip=skipped.append))
    assert [d.id for d in docs] == ["b", "page"]
    assert (
        docs[1].author == "Jane Doe" and docs[1].url == "https://news.example.org/world/iran-drones"
    )
    assert [(Path(s.source).name, s.bad) for s in skipped] == [
        ("photo.JPG", False),
        ("scan.pdf", False),
    ]
    assert "geokg reads .txt, .html, .htm and .jsonl" in skipped[0].reason


def test_folder_of_only_other_files_names_the_count(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(
        InputError, match=r"has no .txt, .html or .jsonl file \(1 other files skipped\)"
    ):
        list(read_documents([tmp_path], on_skip=lambda _: None))


def test_html_file_without_main_text(tmp_path: Path) -> None:
    (tmp_path / "nav.htm").write_text(
        "<html><head><script>var a = 1;</script></head><body><script>run()</script></body></html>"
    )
    with pytest.raises(InputError, match=r"nav\.htm: the page has no main text"):
        list(read_documents([tmp_path / "nav.htm"]))


def test_skip_errors_goes_on_and_check_refuses_before_yielding(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Good article.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"Caf\xe9")
    (tmp_path / "d.txt").write_text("Another good one.", encoding="utf-8")
    strict = DocumentReader([tmp_path])
    with pytest.raises(InputError, match=r"b\.txt: file is empty"):
        strict.check()
    lenient = DocumentReader([tmp_path], skip_errors=True, on_skip=lambda _: None)
    totals = lenient.check()
    assert (totals.documents, totals.characters) == (2, len("Good article.Another good one."))
    assert [d.id for d in lenient] == ["a", "d"]
    assert [(Path(s.source).name, s.bad) for s in lenient.skipped] == [
        ("b.txt", True),
        ("c.txt", True),
    ]
    assert lenient.skipped[1].reason.startswith("not valid UTF-8")


def test_check_fetches_a_url_once(site: Callable[..., Site], tmp_path: Path) -> None:
    web = site({"/a": Route(body=ARTICLE.encode("utf-8"))})
    reader = DocumentReader(
        [web.url("/a"), web.url("/missing")], skip_errors=True, on_skip=lambda _: None
    )
    assert reader.check().documents == 1
    assert [d.title for d in reader] == ["Iran supplies drones to Russia"]
    assert [r["path"] for r in web.requests] == ["/a", "/missing"]
    assert "HTTP 404" in reader.skipped[0].reason
