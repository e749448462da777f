"""A small headless-Chromium driver for tests: the DevTools protocol over a pipe.

``--remote-debugging-pipe`` makes Chromium read commands from fd 3 and write replies to
fd 4 as NUL-terminated JSON, so no websocket client (and no extra package) is needed. The
browser has no network: a dead proxy and a resolver that fails every name.

    with Browser(tmp_path) as browser:
        page = browser.open(path_to_html)
        page.wait_for("document.body.dataset.ready === '1'")
        page.evaluate("document.title")
        png = page.screenshot()
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--disable-dev-shm-usage",
    "--window-size=1280,800",
)


def require_chromium() -> Path:
    """The Chromium binary; skips the test when absent, except in CI where it must exist."""
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium")
    if found:
        return Path(found)
    if os.environ.get("CI"):
        pytest.fail("/usr/bin/chromium is required in CI")
    pytest.skip("/usr/bin/chromium is not installed")


class BrowserError(RuntimeError):
    """The browser failed, replied with an error, or timed out."""


class Browser:
    """One headless Chromium process with a fresh profile under *workdir*."""

    def __init__(self, workdir: Path, *, timeout: float = 60.0) -> None:
        self.timeout = timeout
        binary = require_chromium()
        profile = workdir / "chromium-profile"
        profile.mkdir(parents=True, exist_ok=True)
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def map_pipes() -> None:  # runs in the child: fds 3 and 4 are the protocol pipes
            # Move both ends above 4 first so neither dup2 clobbers the other.
            reading = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
            writing = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [
                str(binary),
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=map_pipes,
            pass_fds=(3, 4),  # kept open after map_pipes (others are closed)
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    # -- protocol ------------------------------------------------------------------------

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError("timed out waiting for Chromium")
            ready, _, _ = select.select([self._from_browser], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise BrowserError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        result: dict[str, Any] = json.loads(message)
        return result

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        *,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.events.append(reply)

    def open(self, path: Path) -> Page:
        """A new tab showing the local file *path*."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        page = Page(self, session["sessionId"])
        for domain in ("Page.enable", "Runtime.enable", "Network.enable"):
            page.send(domain)
        page.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False},
        )
        page.send("Page.navigate", {"url": path.resolve().as_uri()})
        return page

    def close(self) -> None:
        try:
            if self.process.poll() is None:
                os.write(
                    self._to_browser,
                    json.dumps({"id": 0, "method": "Browser.close", "params": {}}).encode() + b"\0",
                )
                self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait(timeout=10)
        finally:
            for fd in (self._to_browser, self._from_browser):
                with contextlib.suppress(OSError):
                    os.close(fd)

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class Page:
    """One tab, driven through its DevTools session."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, timeout: float | None = None
    ) -> dict[str, Any]:
        return self.browser.send(method, params, self.session, timeout=timeout)

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression (awaited if it is a promise)."""
        reply = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in reply:
            raise BrowserError(f"{expression!r} threw: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def wait_for(self, expression: str, *, timeout: float = 60.0) -> float:
        """Poll until *expression* is truthy; returns the seconds it took."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            probe = (
                f"(() => {{ try {{ return Boolean({expression}); }}"
                " catch (e) { return false; } })()"
            )
            if self.evaluate(probe):
                return time.monotonic() - start
            time.sleep(0.05)
        raise BrowserError(f"timed out after {timeout}s waiting for {expression}")

    def screenshot(self) -> bytes:
        return base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])

    def events(self, method: str) -> list[dict[str, Any]]:
        """Protocol events of this tab seen so far (e.g. ``Runtime.exceptionThrown``)."""
        return [
            e.get("params", {})
            for e in self.browser.events
            if e.get("method") == method and e.get("sessionId") == self.session
        ]

    def requested_urls(self) -> list[str]:
        return [e["request"]["url"] for e in self.events("Network.requestWillBeSent")]

    def errors(self) -> list[str]:
        thrown = [
            json.dumps(e.get("exceptionDetails", {}))[:500]
            for e in self.events("Runtime.exceptionThrown")
        ]
        console = [
            json.dumps(e.get("args", []))[:500]
            for e in self.events("Runtime.consoleAPICalled")
            if e.get("type") == "error"
        ]
        return thrown + console
