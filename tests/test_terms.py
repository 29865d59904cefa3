"""Termbases (YAML, CSV, TBX, glossary pages) and the term rules on real pages."""

from __future__ import annotations

import json

import pytest

from doclint.cli import main
from doclint.termbase import Termbase, TermbaseError, load_file
from doclint.termmatch import TermIndex, renderings

from .conftest import write


def test_yaml_termbase_and_its_language(tmp_path):
    path = (
        write(
            tmp_path,
            {
                "t.yml": "language: ko\nterms:\n  - {source: model, target: 모델, variants: [모형]}\n"
            },
        )
        / "t.yml"
    )
    (term,) = load_file(path, "ko")
    assert (term.source, term.target, term.variants, term.origin) == (
        "model",
        "모델",
        ("모형",),
        str(path),
    )
    assert load_file(path, "ja") == []


def test_csv_termbase_with_language_columns(tmp_path):
    path = (
        write(
            tmp_path,
            {
                "g.csv": "Term [en],Term [ko],Description\nattention mask,어텐션 마스크,approved\n,빈 줄,\n"
            },
        )
        / "g.csv"
    )
    (term,) = load_file(path, "ko")
    assert (term.source, term.target, term.note) == ("attention mask", "어텐션 마스크", "approved")
    assert load_file(path, "zh") == []


TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
  <conceptEntry id="c1">
    <langSec xml:lang="en"><termSec><term>attention mask</term></termSec></langSec>
    <langSec xml:lang="ko">
      <termSec><term>어텐션 마스크</term></termSec>
      <termSec><term>주의 마스크</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
    </langSec>
  </conceptEntry>
</body></text></tbx>
"""


def test_tbx_termbase_deprecated_terms_are_variants(tmp_path):
    path = write(tmp_path, {"t.tbx": TBX}) / "t.tbx"
    (term,) = load_file(path, "ko")
    assert (term.source, term.target, term.variants) == (
        "attention mask",
        "어텐션 마스크",
        ("주의 마스크",),
    )


def test_tbx_with_entities_is_refused(tmp_path):
    evil = '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx>&x;</tbx>'
    path = write(tmp_path, {"t.tbx": evil}) / "t.tbx"
    with pytest.raises(
        TermbaseError, match="entity declarations and external references are not accepted"
    ):
        load_file(path, "ko")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("t.yml", "terms: nope\n", "a mapping with a 'terms' list"),
        ("t.yml", "terms:\n  - {source: a}\n", "terms[0]: missing key 'target'"),
        ("t.yml", "terms:\n  - {source: a, target: b, colour: red}\n", "unknown key 'colour'"),
        ("t.csv", "ko,de\nx,y\n", "no source-language column"),
        ("t.tbx", "<tbx><unclosed></tbx>", "not valid XML"),
        ("t.txt", "x", "unknown termbase format"),
    ],
)
def test_bad_termbases_name_the_file(tmp_path, name, content, message):
    path = write(tmp_path, {name: content}) / name
    with pytest.raises(TermbaseError) as raised:
        load_file(path, "ko")
    assert str(raised.value).startswith(str(path)) and message in str(raised.value)


def test_conflicts_are_reported_once_naming_both_files(isolated, capsys):
    write(
        isolated,
        {
            "a.yml": "terms:\n  - {source: model, target: 모델}\n",
            "b.csv": "en,ko\nmodel,모형\nModel,모형\n",
            ".doclint.toml": 'termbases = ["a.yml", "b.csv"]\n',
            "docs/en/x.md": "# X\n\nA model.\n",
            "docs/ko/x.md": "# 엑스[[x]]\n\n모델입니다.\n",
            "docs/en/y.md": "# Y\n\nA model.\n",
            "docs/ko/y.md": "# 와이[[y]]\n\n모델입니다.\n",
        },
    )
    code = main(["check", "docs/ko"])
    err = capsys.readouterr().err
    assert code == 0
    assert err.count("termbase conflict") == 1
    assert "'모델' in a.yml" in err and "'모형' in b.csv:2" in err and str(isolated) not in err


def test_term_index_and_renderings():
    from doclint.termbase import Term

    index = TermIndex(
        [
            Term("label", "레이블", inflect=True),
            Term("large language models", "대규모 언어 모델", abbreviation="LLM"),
        ]
    )
    found = [o.text for o in index.find("Labels are labeled; large language model (LLM), llm")]
    assert found == ["Labels", "labeled", "large language model", "LLM"]
    assert [
        r.text for r in renderings("어텐션 마스크는, 어텐션마스크를", "어텐션 마스크", "ko")
    ] == ["어텐션 마스크", "어텐션마스크"]
    assert renderings("모델링은", "모델", "ko") == []
    assert renderings("모델들은", "모델", "ko")[0].exact


def test_termbase_merge_keeps_the_first():
    from doclint.termbase import Term

    termbase = Termbase()
    termbase.add(
        [
            Term("model", "모델", origin="a"),
            Term("Model", "모형", origin="b"),
            Term("Model", "모델", origin="c"),
        ]
    )
    assert termbase.terms["model"].target == "모델" and len(termbase.warnings) == 1


# --- the real Korean glossary ---------------------------------------------------------

GLOSSARY_ENTRIES = {
    "attention mask": "어텐션 마스크", "autoencoding models": "오토인코딩 모델",
    "autoregressive models": "자기회귀 모델", "backbone": "백본",
    "causal language modeling": "인과적 언어 모델링", "channel": "채널",
    "connectionist temporal classification": "연결 시간분류", "convolution": "컨볼루션",
    "DataParallel": "데이터 병렬화", "decoder input IDs": "디코더 입력 ID", "decoder models": "디코더 모델",
    "deep learning": "딥러닝", "encoder models": "인코더 모델", "feature extraction": "특징 추출",
    "feed forward chunking": "피드 포워드 청킹", "finetuned models": "파인튜닝 모델", "head": "헤드",
    "image patch": "이미지 패치", "inference": "인퍼런스", "input IDs": "입력 ID", "labels": "레이블",
    "large language models": "대규모 언어 모델", "masked language modeling": "마스킹된 언어 모델링",
    "multimodal": "멀티모달", "Natural language generation": "자연어 생성",
    "Natural language processing": "자연어 처리", "Natural language understanding": "자연어 이해",
    "pipeline": "파이프라인", "PipelineParallel": "파이프라인 병렬화", "pixel values": "픽셀 값",
    "pooling": "풀링", "position IDs": "포지션 ID", "preprocessing": "전처리",
    "pretrained model": "사전 학습된 모델", "recurrent neural network": "순환 신경망",
    "representation learning": "표현학습", "sampling rate": "샘플링 속도", "self-attention": "셀프 어텐션",
    "self-supervised learning": "자기지도 학습", "semi-supervised learning": "준지도 학습",
    "sequence-to-sequence": "시퀀스 투 시퀀스", "Sharded DDP": "분할 DDP", "stride": "스트라이드",
    "supervised learning": "지도학습", "Tensor Parallelism": "텐서 병렬화", "token": "토큰",
    "token Type IDs": "토큰 타입 ID", "transfer learning": "전이학습", "transformer": "트랜스포머",
    "unsupervised learning": "비지도 학습", "Zero Redundancy Optimizer": "Zero Redundancy Optimizer",
}  # fmt: skip


def test_extracting_the_korean_glossary_gives_one_entry_per_term_heading(corpus, capsys):
    assert (
        main(["terms", "extract", str(corpus / "transformers/ko/glossary.md"), "--format", "csv"])
        == 0
    )
    rows = capsys.readouterr().out.strip().split("\n")[1:]
    extracted = {row.split(",")[0]: row.split(",")[1] for row in rows}
    assert extracted == GLOSSARY_ENTRIES
    headings = (corpus / "transformers/en/glossary.md").read_text(encoding="utf-8").count("\n### ")
    assert len(extracted) == headings == 51
    assert "abbreviation: LLM" in "\n".join(rows) and "abbreviation: seq2seq" in "\n".join(rows)


def test_the_korean_glossary_checked_against_its_own_termbase(corpus, isolated, capsys):
    write(
        isolated,
        {
            ".doclint.toml": f'glossary = "{(corpus / "transformers").as_posix()}/{{lang}}/glossary.md"\nselect = ["term"]\nignore = ["term-missing"]\n'
        },
    )
    code = main(["check", str(corpus / "transformers/ko/glossary.md"), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1
    assert [(f["line"], f["name"]) for f in findings] == [
        (116, "term-spacing-variant"),  # 시퀀스-투-시퀀스(sequence-to-sequence): 시퀀스 투 시퀀스
        (124, "term-mismatch"),  # 인과 언어 모델링(causal language modeling): 인과적 언어 모델링
        (136, "term-mismatch"),  # 자동 인코딩 모델(Autoencoding models): 오토인코딩 모델
        (160, "term-spacing-variant"),  # 전이 학습(transfer learning): 전이학습
        (168, "term-inconsistent"),  # hidden state: 은닉 상태 and 히든 상태
        (171, "term-inconsistent"),  # linear layer: 선형계층 and 선형 계층
        (248, "term-mismatch"),  # 정답(label): 레이블
        (328, "term-spacing-variant"),  # 자기 지도 학습: 자기지도 학습
        (354, "term-spacing-variant"),  # [지도 학습](#supervised-learning): 지도학습
        (356, "term-mismatch"),  # [마스크 언어 모델링](#masked-language-modeling-mlm)
        (360, "term-spacing-variant"),  # 지도 학습: 지도학습
    ]


def test_term_inconsistent_on_the_korean_hub_docs(corpus, capsys):
    main(
        [
            "check",
            "--isolated",
            str(corpus / "huggingface_hub/docs/source/ko"),
            "--select",
            "term-inconsistent",
            "--format",
            "json",
        ]
    )
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f["message"].split(" is rendered")[0] for f in findings] == ["'detached'"]
    assert (
        "'참조되지 않는'" in findings[0]["message"] and "'사용되지 않는'" in findings[0]["message"]
    )
