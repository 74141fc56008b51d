"""Turn a real terminal capture (tmux capture-pane -e) into an SVG picture.

Usage: make terminal-capture  (runs argmap show in tmux at 80 columns, then this)
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich._export_format import CONSOLE_SVG_FORMAT
from rich.console import Console
from rich.text import Text

# rich's template fetches Fira Code from a CDN; without it, the fallback font's
# widths disagree with rich's fixed glyph positions. DejaVu Sans Mono is local
# on Debian, has every glyph argmap prints, and is 0.602 em wide.
FORMAT = CONSOLE_SVG_FORMAT.split("    .{unique_id}-matrix", 1)
TEMPLATE = ('<svg class="rich-terminal" viewBox="0 0 {width} {height}" xml:space="preserve" '
            'xmlns="http://www.w3.org/2000/svg">\n    <style>\n\n    .{unique_id}-matrix'
            + FORMAT[1].replace("Fira Code, monospace", "'DejaVu Sans Mono', monospace"))


def main() -> None:
    """Read ANSI text from argv[1], write the SVG to argv[2]."""
    captured = Path(sys.argv[1]).read_text(encoding="utf-8").rstrip("\n")
    console = Console(record=True, width=80, force_terminal=True, color_system="256",
                      file=open("/dev/null", "w"))  # noqa: SIM115 (recording only)
    console.print(Text.from_ansi(captured), soft_wrap=True)
    title = sys.argv[3] if len(sys.argv) > 3 else "argmap show maps/nato-promise.yaml --depth 2"
    console.save_svg(sys.argv[2], title=title,
                     code_format=TEMPLATE, font_aspect_ratio=0.602)


if __name__ == "__main__":
    main()
