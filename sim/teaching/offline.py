"""Keeping the web page's server off the network.

Solara's server answers requests under ``/_solara/cdn/`` from its asset cache (filled by the
``solara-assets`` package) and, for anything missing, downloads it from a public CDN and keeps
it on disk. A page asks for KaTeX that way, and any visitor could make the server fetch and
store any npm path. ``serve_cached_assets_only`` replaces that lookup, in the server process,
with one that serves files already in the cache and answers 404 for everything else: the page
never makes the server connect anywhere.
"""

from __future__ import annotations

from pathlib import Path


def cached_only(base_cache_dir: Path, path: str) -> Path:
    """The cached asset ``path`` under ``base_cache_dir``; FileNotFoundError if absent or
    outside it (never a download)."""
    parts = path.replace("\\", "/").split("/")
    store = Path(path) if len(parts) != 1 else Path(path) / "__main.js"
    base = Path(base_cache_dir).resolve()
    full = (base / store).resolve()
    if not full.is_relative_to(base) or not full.is_file():
        raise FileNotFoundError(f"asset not in the offline cache: {path}")
    return full


def serve_cached_assets_only() -> None:
    """Swap solara's download-on-miss asset lookup for ``cached_only`` (idempotent)."""
    try:
        import solara.server.cdn_helper as cdn_helper
        import solara.server.starlette as starlette_server
    except ImportError:  # not inside a solara server: nothing to patch
        return
    cdn_helper.get_path = cached_only
    starlette_server.get_path = cached_only

    def no_download(base_cache_dir: Path, path: str) -> bytes:
        return cached_only(base_cache_dir, path).read_bytes()

    cdn_helper.get_data = no_download
