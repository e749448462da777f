"""A real HTTP server on a loopback port serving test web pages (no outside network), and
a news page with the boilerplate real pages have."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Iran supplies drones to Russia | World News Daily</title>
<link rel="canonical" href="https://news.example.org/world/iran-drones">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-20T18:25:00Z">
<script>var headline = "Scripted claim that must never be read";</script>
<style>body { color: black }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/login">Sign in</a></li></ul></nav>
<header><div class="menu">Subscribe now for unlimited access</div></header>
<article>
<h1>Iran supplies drones to Russia</h1>
<p class="byline">By Jane Doe</p>
<p>Iran has supplied hundreds of drones to Russia, officials in Kyiv said on Monday, as the
war in Ukraine entered its third year.</p>
<p>The European Union imposed new sanctions on Iran in response, the bloc's foreign
ministers announced in Brussels after a meeting that lasted late into the night.</p>
<p>Tehran denied supplying any weapons. Café owners in Tehran said prices had risen.</p>
<script>document.write("Another scripted line");</script>
</article>
<aside>Most read: Ten recipes for summer</aside>
<footer>Copyright 2024 World News Daily. All rights reserved. Privacy policy.</footer>
</body></html>
"""


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    send_length: bool = True


@dataclass
class Site:
    """Routes by path, and the request headers received."""

    routes: dict[str, Route]
    requests: list[dict[str, str]] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append({"path": self.path, **dict(self.headers)})
            route = site.routes.get(self.path, Route(404, b"not here", "text/plain"))
            time.sleep(route.delay)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            # The client may give up early (size cap): expected.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextlib.contextmanager
def serving() -> Iterator[Callable[[dict[str, Route]], Site]]:
    """Start sites (one server each) until the block ends."""
    servers: list[ThreadingHTTPServer] = []

    def start(routes: dict[str, Route]) -> Site:
        site = Site(routes)
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        site.base = f"http://127.0.0.1:{server.server_address[1]}"
        return site

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
