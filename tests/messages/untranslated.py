"""List the places that still raise or report Danish-only text.

    python tests/messages/untranslated.py        # every file, with line numbers

A message is Danish-only when a call that reports (an ``…Error``, an ``Issue``, ``fail``,
any helper with "issue", "error" or "fail" in its name, or whatever is raised) gets
Danish text, a string
literal or f-string with æ/ø/å or a common Danish word, instead of ``msg(...)``: then
``--lang en`` cannot translate it. Module-level string constants passed by name count
too. It is an inventory, not a proof: text built elsewhere and passed in is not seen.
The conversion is mechanical: move the text into ``kl_survey/messages/<area>.py`` with
its English beside it, and call ``msg("<area>.<name>", ...)`` (see kl_survey.messages).
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "kl_survey"
_DANISH = re.compile(r"[æøåÆØÅ]|\b(ikke|filen|kan|skal|findes|eller|angiv|ret|mangler)\b",
                     re.I)
_SINKS = re.compile(r"error|issue|fail", re.I)


def _is_sink(call: ast.Call) -> bool:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    return bool(_SINKS.search(name))


def _constants(tree: ast.Module) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.body:
        if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.value.value
    return out


def _danish_text(node: ast.AST, constants: dict[str, str]) -> bool:
    if isinstance(node, ast.JoinedStr):
        return any(_danish_text(part, constants) for part in node.values)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(_DANISH.search(node.value))
    if isinstance(node, ast.Name) and node.id in constants:
        return bool(_DANISH.search(constants[node.id]))
    if isinstance(node, ast.BinOp):
        return _danish_text(node.left, constants) or _danish_text(node.right, constants)
    return False


def findings(path: Path) -> Iterator[int]:
    """Line numbers in ``path`` where Danish-only text reaches a user."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = _constants(tree)
    raised = {id(node.exc) for node in ast.walk(tree) if isinstance(node, ast.Raise)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not (_is_sink(node) or id(node) in raised):
            continue
        texts = [*node.args, *(k.value for k in node.keywords)]
        if any(_danish_text(t, constants) for t in texts):
            yield node.lineno


def report(root: Path = PACKAGE) -> dict[str, list[int]]:
    """``{relative path: [line, …]}`` for every module with Danish-only messages."""
    out: dict[str, list[int]] = {}
    for path in sorted(root.rglob("*.py")):
        if "messages" in path.relative_to(root).parts:
            continue
        lines = sorted(set(findings(path)))
        if lines:
            out[str(path.relative_to(root.parent))] = lines
    return out


def main() -> int:
    found = report()
    for name, lines in found.items():
        print(f"{name}: {len(lines)} ({', '.join(map(str, lines))})")
    print(f"{sum(map(len, found.values()))} Danish-only messages in {len(found)} files",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
