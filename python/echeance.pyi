"""Legal deadlines, retention dates and account lifecycles (French and EU law).

Type stubs of the compiled module (python/module.cpp). Dates are ``datetime.date`` or
``"YYYY-MM-DD"``; a ``datetime.datetime`` is refused (its day depends on a time zone).
"""

import datetime
from typing import Any, Iterable, Literal, Mapping, TypedDict, Union, overload

__version__: str

DateLike = Union[str, datetime.date]

class Error(ValueError):
    """Every error of the library: ``id`` is its stable id (docs/errors.md)."""

    id: str
    """The id of the first error, e.g. ``"echeance.date.invalid"``."""
    errors: list[str]
    """Every error, ``"[id] where: message"``: a rule file's mistakes, or each bad history line."""
    result: Union[None, str, list[dict[str, Any]]]
    """After bad history lines: the report of the valid persons (as ``Rules.replay`` returns it)."""

class Holiday(TypedDict):
    date: datetime.date
    id: str
    name: str
    name_fr: str
    cite: str

def deadline(
    date: DateLike,
    period: str,
    convention: Literal["plain", "cpc", "eu"] = "cpc",
    territory: str = "FR",
) -> datetime.date:
    """The last day of ``period`` (ISO 8601, e.g. ``"P6W"``) from ``date``."""

def add(
    date: DateLike, period: str, month_end: Literal["clamp", "overflow", "reject"] = "clamp"
) -> datetime.date:
    """``date + period``, plain arithmetic."""

def holidays(year: int, territory: str = "FR") -> list[Holiday]:
    """The public holidays of ``year`` in ``territory``, in date order."""

History = Union[str, bytes, Iterable[Mapping[str, Any]]]

class Rules:
    """A rule set (a folder with a ruleset.json, or the file); immutable, shareable by threads."""

    def __init__(self, path: str) -> None: ...
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @overload
    def replay(
        self,
        history: History,
        as_of: DateLike,
        output: Literal["json"] = "json",
        input_format: Literal["jsonl", "csv", "detect"] = "detect",
        as_text: Literal[False] = False,
        first_line: int = 1,
        file_name: str = "<history>",
    ) -> list[dict[str, Any]]: ...
    @overload
    def replay(
        self,
        history: History,
        as_of: DateLike,
        output: Literal["text", "json", "summary", "ics"],
        input_format: Literal["jsonl", "csv", "detect"] = "detect",
        *,
        as_text: Literal[True],
        first_line: int = 1,
        file_name: str = "<history>",
    ) -> str:
        """With ``as_text``, json is the JSON Lines text, byte for byte the command line's;
        ``first_line`` and ``file_name`` say where ``history`` sits in a larger file (for the
        line numbers of the report and of the errors), e.g. a partition of a sweep."""
    @overload
    def replay(
        self,
        history: History,
        as_of: DateLike,
        output: Literal["text", "summary", "ics"],
        input_format: Literal["jsonl", "csv", "detect"] = "detect",
        as_text: bool = False,
        first_line: int = 1,
        file_name: str = "<history>",
    ) -> str: ...
    @overload
    def due(
        self,
        history: History,
        first: DateLike,
        last: Union[DateLike, None] = None,
        output: Literal["json"] = "json",
        input_format: Literal["jsonl", "csv", "detect"] = "detect",
        as_text: Literal[False] = False,
    ) -> list[DueAction]:
        """Every action due from ``first`` to ``last`` (both included; default: ``first``),
        person by person in input order, each judged as of its own day (docs/due.md)."""
    @overload
    def due(
        self,
        history: History,
        first: DateLike,
        last: Union[DateLike, None] = None,
        output: Literal["csv", "json"] = "csv",
        input_format: Literal["jsonl", "csv", "detect"] = "detect",
        as_text: bool = True,
    ) -> str: ...

class DueAction(TypedDict):
    day: str
    """YYYY-MM-DD; for an overdue obligation, its past due day."""
    person: str
    """The id shown (a NIR masked)."""
    what: Literal["obligation_overdue", "move", "purge", "window_end", "obligation_due"]
    rule: str
    event: str
    """The event(s) that act on it, ids separated by a space."""
    role: str
    """The role(s) that send them, ids separated by a space."""
    cite: str
