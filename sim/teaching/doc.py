"""A tiny document model rendered both as Markdown and as self-contained HTML.

The briefing and the after-action review are written once as a list of blocks (headings,
paragraphs, lists, tables, images) and rendered twice, so the two formats never drift apart.
The HTML carries its own stylesheet and embeds images as base64: it opens offline, no CDN.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from sim.files import output_folder, write_atomic

_CSS = """
body{font-family:Georgia,'Times New Roman',serif;max-width:62rem;margin:2rem auto;padding:0 1rem;
color:#1d1d1d;line-height:1.45}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif;color:#17324d}
h1{border-bottom:3px solid #17324d;padding-bottom:.3rem}
h2{border-bottom:1px solid #9fb3c8;margin-top:2rem}
table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem;width:100%}
th,td{border:1px solid #c8d3de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#e8eef4}
tr:nth-child(even) td{background:#f7f9fb}
q,.quote{font-style:italic;color:#4a5a6a}
.note{background:#fff8e1;border-left:4px solid #f0b400;padding:.5rem .8rem}
img{max-width:100%;border:1px solid #c8d3de;margin:.5rem 0}
"""


@dataclass
class Doc:
    """An ordered list of blocks with a title; add blocks, then render or write both formats."""

    title: str
    blocks: list[tuple[str, object]] = field(default_factory=list)

    def heading(self, text: str, level: int = 2) -> Doc:
        self.blocks.append(("heading", (level, text)))
        return self

    def para(self, text: str) -> Doc:
        self.blocks.append(("para", text))
        return self

    def note(self, text: str) -> Doc:
        """A highlighted paragraph (an inject, a warning, an instructor's note)."""
        self.blocks.append(("note", text))
        return self

    def bullets(self, items: list[str], ordered: bool = False) -> Doc:
        self.blocks.append(("list", (ordered, list(items))))
        return self

    def table(self, headers: list[str], rows: list[list[object]]) -> Doc:
        self.blocks.append(("table", (list(headers), [list(r) for r in rows])))
        return self

    def image(self, png: bytes, caption: str) -> Doc:
        self.blocks.append(("image", (png, caption)))
        return self

    def markdown(self, image_dir: Path | None = None) -> str:
        """Markdown text; images are written as PNG files to ``image_dir`` (else left out)."""
        out = [f"# {md_text(self.title)}", ""]
        for n, (kind, body) in enumerate(self.blocks):
            out += _md_block(kind, body, n, image_dir) + [""]
        return "\n".join(out)

    def html(self) -> str:
        """One self-contained HTML page (inline CSS, images as base64 data URIs)."""
        parts = [_html_block(kind, body) for kind, body in self.blocks]
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(self.title)}</title><style>{_CSS}</style></head>\n<body>\n"
            f"<h1>{html.escape(self.title)}</h1>\n" + "\n".join(parts) + "\n</body></html>\n"
        )

    def write(self, out_dir: Path, stem: str) -> tuple[Path, Path]:
        """Write ``stem.html`` and ``stem.md`` (with its images beside it) into ``out_dir``."""
        out_dir = Path(out_dir)
        output_folder(out_dir)
        html_path, md_path = out_dir / f"{stem}.html", out_dir / f"{stem}.md"
        markdown = self.markdown(out_dir / f"{stem}_figures")
        write_atomic(md_path, markdown)
        write_atomic(html_path, self.html())
        return html_path, md_path


def md_text(text: str) -> str:
    """Text for Markdown with HTML neutralised: a viewer that renders raw HTML in Markdown
    shows ``<script>`` from a scenario as text, not as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _md_block(kind: str, body, n: int, image_dir: Path | None) -> list[str]:
    if kind == "heading":
        level, text = body
        return ["#" * level + " " + md_text(text)]
    if kind == "para":
        return [md_text(body)]
    if kind == "note":
        return ["> " + md_text(body).replace("\n", "\n> ")]
    if kind == "list":
        ordered, items = body
        return [f"{i + 1}. {md_text(t)}" if ordered else f"- {md_text(t)}"
                for i, t in enumerate(items)]  # fmt: skip
    if kind == "table":
        headers, rows = body
        cell = lambda v: md_text(str(v)).replace("|", "\\|").replace("\n", " ")  # noqa: E731
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        return lines + ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    png, caption = body
    caption = md_text(caption)
    if image_dir is None:
        return [f"*{caption} (figure in the HTML version)*"]
    output_folder(image_dir)
    path = image_dir / f"figure_{n:02d}.png"
    write_atomic(path, png)
    return [f"![{caption}]({image_dir.name}/{path.name})", f"*{caption}*"]


def _html_block(kind: str, body) -> str:
    esc = html.escape
    if kind == "heading":
        level, text = body
        return f"<h{level}>{esc(text)}</h{level}>"
    if kind == "para":
        return f"<p>{esc(body)}</p>"
    if kind == "note":
        return f'<p class="note">{esc(body)}</p>'
    if kind == "list":
        ordered, items = body
        tag = "ol" if ordered else "ul"
        return f"<{tag}>" + "".join(f"<li>{esc(t)}</li>" for t in items) + f"</{tag}>"
    if kind == "table":
        headers, rows = body
        head = "".join(f"<th>{esc(h)}</th>" for h in headers)
        trs = "".join(
            "<tr>" + "".join(f"<td>{esc(str(v))}</td>" for v in r) + "</tr>" for r in rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{trs}</tbody></table>"
    png, caption = body
    data = base64.b64encode(png).decode("ascii")
    return (
        f'<figure><img alt="{esc(caption)}" src="data:image/png;base64,{data}">'
        f"<figcaption>{esc(caption)}</figcaption></figure>"
    )


class _TextOnly(HTMLParser):
    """Collects the text of an HTML page, without its tags, scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")
        if tag in ("p", "br", "div", "li", "h1", "h2", "h3", "h4", "tr"):
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(page: str) -> str:
    """The readable text of an HTML document (tags, scripts and styles dropped)."""
    parser = _TextOnly()
    parser.feed(page)
    parser.close()
    return "".join(parser.parts)
