"""Every user-facing message in Danish and English, from one catalogue, chosen by ``--lang``.

A message is a catalogue key with format parameters, never a literal at the raise site::

    raise OutputError(msg("output.is-dir"), file=path)           # hint: "output.is-dir.hint"
    Issue(Severity.WARNING, "source-changed", msg("issue.source-changed", found=a, spec=b))

:func:`msg` returns a :class:`Text`: a ``str`` in the current language (Danish unless the
CLI said otherwise), so it can be joined, formatted and compared like the string it
replaces, and it keeps its key and parameters, so :meth:`Text.render` can give it again
in the other language. Converting a raise site is therefore mechanical: move the Danish
text into the area's catalogue module with its English beside it, and call ``msg``.

The catalogue lives in one module per area (``kl_survey/messages/<area>.py``, the part of
the key before the first dot), each a ``MESSAGES`` dict of ``key: (danish, english)``. A
message's hint, when it has one, is the key plus ``.hint``; :class:`KlSurveyError`
picks it up by itself. A count that changes the words uses ``.one``/``.other`` keys and
:func:`plural`. ``tests/messages/`` checks that every key used exists, that both
languages have the same placeholders, and that no module raises or reports Danish-only
text (``python tests/messages/untranslated.py`` lists any that do).

The language is a context variable, like gettext's current locale: the CLI sets it once
from ``--lang``/``KL_SURVEY_LANG`` before it parses anything, so library code never
threads a language through. Messages are rendered when they are made, so module-level
constants must stay keys, not ``msg(...)`` calls.
"""

from __future__ import annotations

import importlib
import string
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar, Token
from types import ModuleType
from typing import Any, Literal, cast

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = ("da", "en")
_current: ContextVar[Lang] = ContextVar("kl_survey_lang", default="da")
_areas: dict[str, ModuleType] = {}


def language() -> Lang:
    """The language messages are rendered in right now."""
    return _current.get()


def set_language(lang: str) -> Token[Lang]:
    """Switch the current language (unknown values mean Danish); keep the token to reset."""
    return _current.set(cast(Lang, lang) if lang in LANGS else "da")


def reset_language(token: Token[Lang]) -> None:
    _current.reset(token)


@contextmanager
def use_language(lang: str) -> Iterator[None]:
    token = set_language(lang)
    try:
        yield
    finally:
        _current.reset(token)


class Text(str):
    """A rendered catalogue message that remembers its key and parameters."""

    key: str
    params: Mapping[str, object]

    def __new__(cls, key: str, params: Mapping[str, object], lang: Lang) -> Text:
        obj = super().__new__(cls, _format(key, params, lang))
        obj.key = key
        obj.params = dict(params)
        return obj

    def render(self, lang: str | None = None) -> Text:
        """The same message in ``lang`` (default: the current language)."""
        return Text(self.key, self.params, _lang(lang))

    def hint(self, lang: str | None = None) -> Text | None:
        """The catalogue hint that goes with this message (``key.hint``), if any; a plural
        message (``key.one``/``key.other``) shares one ``key.hint``."""
        base = self.key
        if not exists(base + ".hint") and base.endswith((".one", ".other")):
            base = base.rpartition(".")[0]
        if not exists(base + ".hint"):
            return None
        return Text(base + ".hint", self.params, _lang(lang))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (self.key, self.params, language()))


def msg(key: str, /, **params: object) -> Text:
    """The message ``key`` in the current language, formatted with ``params``."""
    return Text(key, params, language())


def plural(count: int, key: str, /, **params: object) -> Text:
    """``key.one`` when ``count`` is 1, else ``key.other``; ``{n}`` is the count."""
    return msg(f"{key}.{'one' if count == 1 else 'other'}", n=count, **params)


def join(items: Sequence[str], word: Literal["and", "or"] = "and") -> str:
    """``a, b og c`` (or ``eller``) in the current language; no comma before the last."""
    if len(items) < 2:
        return items[0] if items else ""
    key = "words.or" if word == "or" else "words.and"
    return msg(key, first=", ".join(items[:-1]), last=items[-1])


def quote(text: str) -> Text:
    """``»text«`` in Danish, ``“text”`` in English."""
    return msg("words.quote", text=text)


def render(value: str | None, lang: str | None = None) -> str | None:
    """A message in ``lang``; plain (not yet converted) strings pass through unchanged."""
    if isinstance(value, Text):
        return value.render(lang)
    return value


def exists(key: str) -> bool:
    try:
        _entry(key)
    except KeyError:
        return False
    return True


def entries(area: str) -> Mapping[str, tuple[str, str]]:
    """One area's catalogue (for tests and translators)."""
    return cast(Mapping[str, tuple[str, str]], _area(area).MESSAGES)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _lang(lang: str | None) -> Lang:
    return cast(Lang, lang) if lang in LANGS else language()


def _area(name: str) -> ModuleType:
    module = _areas.get(name)
    if module is None:
        module = importlib.import_module(f"kl_survey.messages.{name}")
        _areas[name] = module
    return module


def _entry(key: str) -> tuple[str, str]:
    area = key.partition(".")[0]
    try:
        table = _area(area).MESSAGES
    except ImportError as exc:
        raise KeyError(key) from exc
    return cast(tuple[str, str], table[key])


def _format(key: str, params: Mapping[str, object], lang: Lang) -> str:
    """Fill the template; a missing key or parameter shows itself rather than crash,
    because messages are mostly rendered on the way out of an error."""
    try:
        da, en = _entry(key)
    except KeyError:
        return key + "".join(f" {k}={v}" for k, v in params.items())
    values = {k: render(v, lang) if isinstance(v, str) else v for k, v in params.items()}
    try:
        return (en if lang == "en" else da).format(**values)
    except (KeyError, IndexError, ValueError):
        return da


def one_line(where: str, message: str, hint: str | None) -> str:
    """``where: message. hint.`` on one line: the shape of every error and issue line."""
    text = message.rstrip(".")
    if where:
        text = f"{where}: {text}"
    text = f"{text}. {hint.rstrip('.')}." if hint else f"{text}."
    return " ".join(text.split())
