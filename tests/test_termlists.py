"""Markdown term lists (FastAPI's llm-prompt.md) and TBX as Weblate and
translate-toolkit read and write it."""

from __future__ import annotations

import json

import pytest

from doclint.termbase import TermbaseError, load_file, to_yaml
from doclint.termlist import read_term_list

from .conftest import run_cli as run
from .conftest import write

PROMPT = """Translate to Korean (한국어).

### Grammar and tone

- Use polite, instructional Korean (e.g. 합니다/하세요 style).
- Keep the tone consistent: short sentences.
- Do not translate “You” literally as “당신”.

### Preferred translations / glossary

- request (HTTP): 요청
- path operation: 경로 처리
* library: 패키지 (do not translate to "라이브러리" or "도서관")
- burger: 햄버거 (NOT 버거)
- mount (noun): 마운트
- mount (verb): 마운트하기

### Admonitions

- `/// note | 참고`
- Example title used: `/// details | 상세 설명`
"""


def test_a_term_list_becomes_termbase_entries():
    terms = {term.source: term for term in read_term_list(PROMPT, "llm-prompt.md")}
    assert list(terms) == ["request", "path operation", "library", "burger", "mount"]
    assert (terms["request"].target, terms["request"].note) == ("요청", "HTTP")
    assert terms["burger"].target == "햄버거" and terms["burger"].forbidden == ("버거",)
    assert terms["library"].variants == ("라이브러리", "도서관")
    assert terms["mount"].target == "마운트"
    assert terms["mount"].note == "noun; also '마운트하기' (verb)"
    assert terms["request"].origin == "llm-prompt.md:11"


def test_prose_lists_are_not_term_lists():
    prose = "- Use polite Korean: always.\n- Keep headings short: yes.\n- A plain item.\n"
    prose += "- Another plain item.\n"
    assert read_term_list(prose, "x.md") == []


def test_term_list_as_a_termbase_flags_forbidden_and_wrong_renderings(isolated, capsys):
    write(
        isolated,
        {
            "docs/ko/llm-prompt.md": PROMPT,
            "docs/en/a.md": "# A\n\nThe library handles the request.\n\nA burger.\n",
            "docs/ko/a.md": "# 가[[a]]\n\n라이브러리가 요청을 처리합니다.\n\n버거 하나.\n",
            ".doclint.toml": 'termbases = ["docs/{lang}/llm-prompt.md"]\nselect = ["term", "no-source-file"]\nignore = ["term-missing"]\n',
        },
    )
    code, out, err = run(capsys, "check", "docs/ko", "--format", "json")
    findings = [(f["path"], f["line"], f["name"]) for f in json.loads(out)["findings"]]
    assert code == 1, err
    # the term list itself is not a page to check (it has no source page)
    assert findings == [("docs/ko/a.md", 3, "term-mismatch"), ("docs/ko/a.md", 5, "term-mismatch")]


def test_terms_extract_reads_a_term_list(isolated, capsys):
    write(isolated, {"docs/ko/llm-prompt.md": PROMPT, "docs/en/index.md": "# Home\n"})
    code, out, _ = run(capsys, "terms", "extract", "docs/ko/llm-prompt.md")
    assert code == 0 and out.startswith("language: ko\nterms:\n- source: request\n")
    assert "forbidden:\n  - 버거" in out
    write(isolated, {"docs/ko/empty.md": "# 빈 쪽\n"})
    code, _, err = run(capsys, "terms", "extract", "docs/ko/empty.md")
    assert code == 2 and "no term entries found" in err


@pytest.mark.parametrize(("language", "at_least"), [("ko", 7), ("es", 80)])
def test_fastapis_real_term_lists(corpus, language, at_least):
    path = corpus / "fastapi" / "docs" / language / "llm-prompt.md"
    if not path.is_file():
        pytest.skip(f"{path} not in the corpus")
    terms = {term.source: term for term in load_file(path, language)}
    assert len(terms) >= at_least
    if language == "ko":
        assert terms["request"].target == "요청" and terms["burger"].forbidden == ("버거",)
        assert "Use polite, instructional Korean" not in " ".join(terms)
    else:
        assert terms["library"].variants == ("biblioteca", "librería")
        assert terms["path operation"].keep_english
    # every entry survives the YAML termbase format
    assert to_yaml(terms.values(), language).count("- source:") == len(terms)


# --- TBX -------------------------------------------------------------------------------

# What translate-toolkit (and so Weblate's glossary export) writes: TBX 2008 with a DOCTYPE.
WEBLATE_TBX = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>Weblate</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="t1">
      <langSet xml:lang="en"><tig><term>attention mask</term></tig></langSet>
      <langSet xml:lang="ko"><tig><term>어텐션 마스크</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""

BOMB = """<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&b;</term></tig></langSet>
</termEntry></body></text></martif>
"""


def test_a_weblate_tbx_with_a_doctype_is_read(tmp_path):
    path = write(tmp_path, {"g.tbx": WEBLATE_TBX}) / "g.tbx"
    (term,) = load_file(path, "ko")
    assert (term.source, term.target) == ("attention mask", "어텐션 마스크")


@pytest.mark.parametrize(
    "text",
    [
        BOMB,
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><m>&x;</m>',
    ],
)
def test_entities_are_never_expanded(tmp_path, text):
    path = write(tmp_path, {"g.tbx": text}) / "g.tbx"
    with pytest.raises(TermbaseError, match="entity declarations"):
        load_file(path, "ko")


def test_exported_tbx_is_read_by_translate_toolkit(isolated, capsys):
    tbx = pytest.importorskip("translate.storage.tbx")
    write(isolated, {"docs/ko/llm-prompt.md": PROMPT, "docs/en/index.md": "# Home\n"})
    code, out, _ = run(capsys, "terms", "extract", "docs/ko/llm-prompt.md", "--format", "tbx")
    assert code == 0
    assert "<martifHeader>" in out
    store = tbx.tbxfile.parsestring(out.encode("utf-8"))
    units = {unit.source: unit.target for unit in store.units}
    assert units["request"] == "요청" and units["burger"] == "햄버거"
    assert units["library"] == "패키지"
    # and doclint reads back what it wrote, wrong renderings included
    (isolated / "back.tbx").write_text(out, encoding="utf-8")
    back = {term.source: term for term in load_file(isolated / "back.tbx", "ko")}
    assert back["library"].variants == ("라이브러리", "도서관")
    assert back["burger"].target == "햄버거"


def test_translate_toolkit_output_is_read(tmp_path):
    tbx = pytest.importorskip("translate.storage.tbx")
    store = tbx.tbxfile(sourcelanguage="en", targetlanguage="ko")
    unit = store.addsourceunit("attention mask")
    unit.target = "어텐션 마스크"
    store.addsourceunit("tokenizer").target = "토크나이저"
    path = tmp_path / "tt.tbx"
    path.write_bytes(bytes(store))
    assert b"<!DOCTYPE martif" in path.read_bytes()
    terms = {term.source: term.target for term in load_file(path, "ko")}
    assert terms == {"attention mask": "어텐션 마스크", "tokenizer": "토크나이저"}
