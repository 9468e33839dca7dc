"""Free-text answers as one immutable sequence, kept as Arrow text until asked for.

A 100 000-row survey's comments are some 130 000 answers. Making each a Python string
took 25-30 ms (``to_pylist``), and handing them to orjson took more; the 500 000-row
export's took five times that. Most runs never need them as Python strings: the JSON
writer copies them straight from Arrow (:mod:`kl_survey.output.jsontext`), and every
other renderer iterates :class:`Texts` as it iterated a tuple, the strings made once,
on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    import pyarrow as pa


class Texts(Sequence[str]):
    """Answers in respondent order, equal to any sequence of the same strings."""

    __slots__ = ("_arrow", "_items")

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._arrow: pa.Array | None = None
        self._items: tuple[str, ...] | None = tuple(items)

    @classmethod
    def of_arrow(cls, array: pa.Array | pa.ChunkedArray) -> Texts:
        """Over an Arrow string column without nulls (one chunk is kept, not copied)."""
        if array.null_count:
            raise ValueError("free-text answers hold no nulls")
        if hasattr(array, "combine_chunks"):
            array = array.combine_chunks()
        out = cls()
        out._arrow, out._items = array, None
        return out

    @property
    def arrow(self) -> pa.Array | None:
        """The Arrow column the answers came from (None when made from Python strings)."""
        return self._arrow

    @property
    def items(self) -> tuple[str, ...]:
        """The answers as Python strings, made once."""
        if self._items is None:
            assert self._arrow is not None
            self._items = tuple(self._arrow.to_pylist())
        return self._items

    def __len__(self) -> int:
        if self._items is not None:
            return len(self._items)
        assert self._arrow is not None
        return len(self._arrow)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return self.items[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self.items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Texts):
            return self.items == other.items
        if isinstance(other, (tuple, list)):
            return self.items == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.items)

    def __repr__(self) -> str:
        return f"Texts({self.items!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Texts, (self.items,))


#: no answers
NONE = Texts()

