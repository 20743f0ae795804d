"""Fetching a URL within limits: a timeout, a size cap, redirects followed, charset from the headers."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from counterpoint import __version__
from counterpoint.errors import FetchError

USER_AGENT = f"counterpoint/{__version__} (+news fact-checking; offline-first)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str
    charset: str | None


def fetch(url: str, *, timeout: float = 20.0, max_bytes: int = 20_000_000) -> Fetched:
    """Download `url`, refusing bodies over `max_bytes` before they are read into memory."""
    try:
        with (
            httpx.Client(
                follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"over the size cap: {int(declared):,} bytes > {max_bytes:,}")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"over the size cap: more than {max_bytes:,} bytes")
                chunks.append(chunk)
            return Fetched(
                url=str(response.url),
                content=b"".join(chunks),
                content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
                charset=response.charset_encoding,
            )
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out after {timeout:g}s") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch: {exc}") from exc
