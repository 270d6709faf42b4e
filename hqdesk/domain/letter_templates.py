"""Letter templates: compile, validate and render to text in Jinja2's sandbox. Pure (no Qt, no SQLAlchemy).

A template is user input (admins edit it in the app), so it runs in ``jinja2.sandbox.SandboxedEnvironment``:
- no attribute whose name starts with ``_`` (``{{ ''.__class__.__mro__ }}`` is refused), no Python globals
  beyond ``range`` (``cycler``, ``joiner``, ``lipsum``, ``namespace`` are removed);
- ``range`` yields at most ``MAX_RANGE`` items; ``*`` and ``**`` refuse results longer than ``MAX_OUTPUT``
  characters or larger than 10^12 (no string-multiplication or power denial of service);
- the rendered text is at most ``MAX_OUTPUT`` characters;
- a merge field that does not exist is an error (``StrictUndefined``): nothing prints with a blank in it.

Every failure is a ``TemplateProblem`` with the template line (1-based, ``None`` when unknown) and a message;
the service refuses to save a template with a problem, and the renderer refuses to print.

Markup of the rendered text (what the letter layout understands):
- a blank line separates paragraphs; a single line break stays a line break;
- a line holding only ``[[table:NAME]]`` places a table there (statement: ``ledger`` and ``aging``; dunning:
  ``overdue``); ``[[remittance]]`` places the remittance box (bank, account holder, account number).
"""

from __future__ import annotations

import operator
import re
import traceback
from dataclasses import dataclass
from typing import Any

MAX_RANGE = 1000
MAX_OUTPUT = 100_000
MAX_NUMBER = 10**12
MAX_SOURCE = 50_000
BLOCK = re.compile(r"^\[\[(table:[a-z_]+|remittance)\]\]$")


class TemplateProblem(Exception):
    """A template that cannot be used: ``line`` (1-based or None) and ``message`` (English, from Jinja or
    from here; the UI shows it with the line)."""

    def __init__(self, message: str, line: int | None = None, part: str = "body") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.part = part  # "subject" or "body"

    def __str__(self) -> str:
        where = f"{self.part}, line {self.line}" if self.line else self.part
        return f"{where}: {self.message}"


def _environment():
    from jinja2 import StrictUndefined
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    class LetterSandbox(SandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**"])

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            if attr.startswith("_"):
                return False
            return super().is_safe_attribute(obj, attr, value)

        def call_binop(self, context, operator_name: str, left: Any, right: Any) -> Any:
            if operator_name == "**":
                if isinstance(right, int | float) and abs(right) > 64:
                    raise SecurityError("the power is too large")
                result = operator.pow(left, right)
            else:
                for a, b in ((left, right), (right, left)):
                    if isinstance(a, str | list | tuple) and isinstance(b, int) and len(a) * b > MAX_OUTPUT:
                        raise SecurityError("the repeated text is too long")
                result = operator.mul(left, right)
            if isinstance(result, int | float) and abs(result) > MAX_NUMBER:
                raise SecurityError("the number is too large")
            return result

    env = LetterSandbox(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def safe_range(*args: int):
        r = range(*args)
        if len(r) > MAX_RANGE:
            raise SecurityError(f"a range may have at most {MAX_RANGE} items")
        return r

    for name in ("cycler", "joiner", "lipsum", "namespace", "dict"):
        env.globals.pop(name, None)
    env.globals["range"] = safe_range
    return env


_env = None


def environment():
    """The one sandboxed environment (built on first use: Jinja is imported only when letters are made)."""
    global _env
    if _env is None:
        _env = _environment()
    return _env


def _line_of(exc: BaseException) -> int | None:
    line = getattr(exc, "lineno", None)
    if line:
        return int(line)
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == "<template>":
            return frame.lineno
    return None


def compile_template(source: str, part: str = "body"):
    """The compiled template, or TemplateProblem (syntax errors with their line)."""
    from jinja2 import TemplateSyntaxError

    if len(source) > MAX_SOURCE:
        raise TemplateProblem(f"the template is longer than {MAX_SOURCE} characters", None, part)
    if "\x00" in source:
        raise TemplateProblem("the template contains a NUL character", None, part)
    try:
        return environment().from_string(source)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(exc.message or str(exc), exc.lineno, part) from None


def render_text(source: str, data: dict[str, Any], part: str = "body") -> str:
    """``source`` rendered with the merge ``data``; TemplateProblem for anything wrong (unknown field,
    sandbox refusal, output too long), with the template line where Jinja knows it."""
    template = compile_template(source, part)
    try:
        text = template.render(data)
    except TemplateProblem:
        raise
    except Exception as exc:  # UndefinedError, SecurityError, TypeError from a filter...
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        raise TemplateProblem(message, _line_of(exc), part) from None
    if len(text) > MAX_OUTPUT:
        raise TemplateProblem(f"the letter is longer than {MAX_OUTPUT} characters", None, part)
    return text.strip()


@dataclass(frozen=True)
class RenderedText:
    subject: str
    body: str


def render_letter_text(subject: str, body: str, data: dict[str, Any]) -> RenderedText:
    """Subject (one line) and body, both rendered."""
    subject_text = " ".join(render_text(subject, data, "subject").split())
    return RenderedText(subject_text, render_text(body, data, "body"))


def validate_template(subject: str, body: str, example: dict[str, Any]) -> list[TemplateProblem]:
    """The problems of a template rendered with a kind's example data (empty: fine)."""
    problems = []
    for source, part in ((subject, "subject"), (body, "body")):
        try:
            render_text(source, example, part)
        except TemplateProblem as problem:
            problems.append(problem)
    if not subject.strip():
        problems.append(TemplateProblem("the subject is empty", None, "subject"))
    if not body.strip():
        problems.append(TemplateProblem("the body is empty", None, "body"))
    return problems


def blocks(text: str) -> list[tuple[str, str]]:
    """The body's blocks in order: ("paragraph", text with line breaks) or ("table", NAME) or
    ("remittance", "")."""
    out: list[tuple[str, str]] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.rstrip() for line in chunk.strip("\n").split("\n")]
        para: list[str] = []
        for line in lines:
            m = BLOCK.match(line.strip())
            if m:
                if para:
                    out.append(("paragraph", "\n".join(para)))
                    para = []
                token = m.group(1)
                out.append(("table", token[6:]) if token.startswith("table:") else ("remittance", ""))
            else:
                para.append(line)
        if any(p.strip() for p in para):
            out.append(("paragraph", "\n".join(para).strip("\n")))
    return out


__all__ = [
    "TemplateProblem",
    "compile_template",
    "render_text",
    "render_letter_text",
    "validate_template",
    "blocks",
    "RenderedText",
    "MAX_RANGE",
    "MAX_OUTPUT",
]


from hqdesk.domain.errors import EXIT_REFUSED, HqdeskError  # noqa: E402
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP  # noqa: E402


class LetterTemplateError(HqdeskError):
    """A template that cannot be used (saved or printed): nothing was saved or printed."""

    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP(
        "Errors", "The letter template {template} has an error in the {part}, line {line}: {problem}"
    )

    @classmethod
    def of(cls, template: str, problem: TemplateProblem) -> LetterTemplateError:
        return cls(template=template, part=problem.part, line=problem.line or "?", problem=problem.message)
