"""The README's list of constructions, written from the frame rows themselves.

``python -m chile_trade.core.reader.readme README.md`` (``make readme``) rewrites the part
of the README between `START` and `END`; a test fails when the README and the rows
differ, so the list never goes stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from chile_trade.core.reader.frames import REASONS, Frame, frames
from chile_trade.present.explain import reason_text

__all__ = ["END", "START", "constructions", "rewrite"]

START = "<!-- constructions: written by `make readme` from core/reader/data/frames.toml -->"
END = "<!-- end of constructions -->"


def constructions() -> str:
    """The section's body: one row per frame, then one per reason."""
    lines = ["| frame | what it reads |", "|---|---|"]
    lines += [f"| `{frame.id}` | {frame.doc} |" for frame in sorted(frames(), key=_by_id)]
    lines += ["", "A figure no frame ties without a guess is `unverifiable`, and its `reason` "
              "says why:", "", "| reason | what it means |", "|---|---|"]
    lines += [f"| `{code.replace('_', ' ')}` | {reason_text(code)[0]} |" for code in REASONS]
    return "\n".join(lines)


def _by_id(frame: Frame) -> str:
    return frame.id


def rewrite(text: str) -> str:
    """``text`` with the part between `START` and `END` replaced by `constructions`."""
    head, start, rest = text.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the README has no {START!r} … {END!r} part")
    return f"{head}{START}\n{constructions()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else Path("README.md")
    text = path.read_text(encoding="utf-8")
    new = rewrite(text)
    if new != text:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(new, encoding="utf-8")
        tmp.replace(path)  # atomically: a half-written README is never left
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
