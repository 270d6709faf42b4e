"""Letter templates run in Jinja2's sandbox: errors with their line, escapes and denial of service refused."""

import pytest

from hqdesk.domain.letter_fields import DEFAULT_TEMPLATES, LetterKind, example_data, merge_fields
from hqdesk.domain.letter_templates import TemplateProblem, blocks, render_text, validate_template

DATA = {"contact": {"greeting": "尊敬的王先生"}}


def test_a_template_renders_its_merge_fields():
    assert render_text("{{ contact.greeting }}：\n\n你好", DATA) == "尊敬的王先生：\n\n你好"


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ contact.__class__ }}",
        "{{ contact._private }}",
        "{{ lipsum() }}",
        "{% for i in range(100000000) %}x{% endfor %}",
        "{{ 'x' * 100000000 }}",
        "{{ ['x'] * 100000000 }}",
        "{{ 9 ** 9999999 }}",
        "{{ (10 ** 12) * (10 ** 12) }}",
        "{{ self.__init__ }}",
        "{{ contact.greeting.format.__globals__ }}",
    ],
)
def test_sandbox_escapes_and_denial_of_service_are_refused(source):
    with pytest.raises(TemplateProblem):
        render_text(source, DATA)


def test_an_unknown_merge_field_is_an_error_with_its_line():
    with pytest.raises(TemplateProblem) as info:
        render_text("第一行\n第二行 {{ contact.nmae }}\n", DATA)
    assert info.value.line == 2 and "nmae" in info.value.message


def test_a_syntax_error_names_its_line():
    with pytest.raises(TemplateProblem) as info:
        render_text("a\nb\n{% if contact.greeting %}\nno end", DATA)
    assert info.value.line == 4 or info.value.line == 3


def test_blocks_split_paragraphs_tables_and_the_remittance_box():
    assert blocks("a\nb\n\n[[table:ledger]]\nc\n\n[[remittance]]") == [
        ("paragraph", "a\nb"),
        ("table", "ledger"),
        ("paragraph", "c"),
        ("remittance", ""),
    ]


@pytest.mark.parametrize("key", sorted(DEFAULT_TEMPLATES))
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_shipped_template_renders_with_its_kinds_example_data(key, language):
    from hqdesk.services.letters import shipped_template

    subject, body = shipped_template(key, language)
    kind = DEFAULT_TEMPLATES[key]
    assert validate_template(subject, body, example_data(kind, language)) == []
    used = {f.name for f in merge_fields(kind)}
    assert "contact.greeting" in used


def test_every_kind_lists_its_fields_with_examples():
    for kind in LetterKind:
        fields = merge_fields(kind)
        assert len({f.name for f in fields}) == len(fields)
        assert all(f.description and f.example_zh and f.example_en for f in fields)
