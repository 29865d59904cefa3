"""Heading ids in both slug styles, on real headings in several scripts."""

from __future__ import annotations

import pytest

from doclint.parse import parse
from doclint.slug import doc_builder_slug, github_slug, heading_ids

DOC_BUILDER = [
    ("# Agents - Guided tour", "agents---guided-tour"),
    (
        "## Choosing an agent type: CodeAgent or ToolCallingAgent",
        "choosing-an-agent-type-codeagent-or-toolcallingagent",
    ),
    ("## Load `AutoModel`s", "load-automodel-s"),
    ("### 어텐션 마스크 (attention mask)", "어텐션-마스크-attention-mask"),
    ("## クイックツアー", "クイックツアー"),
    ("## 安装 🤗 Transformers", "安装--transformers"),
    ("## Быстрый старт", "быстрый-старт"),
    ("## त्वरित शुरुआत", "तवरत-शरआत"),  # combining marks are not \p{L}: dropped
    ("## What's `pipeline()`?", "whats-pipeline-"),
    ("## snake_case_name", "snakecasename"),
    ("## Using the **CLI**", "using-the-cli"),
]

GITHUB = [
    ("# Agents - Guided tour", "agents---guided-tour"),
    ("## snake_case_name", "snake_case_name"),
    ("## What's `pipeline()`?", "whats-pipeline"),
    ("## Hello  World", "hello--world"),
    ("### 어텐션 마스크 (attention mask)", "어텐션-마스크-attention-mask"),
    ("## त्वरित शुरुआत", "त्वरित-शुरुआत"),
    ("## 🤗 Transformers", "-transformers"),
    ("## Load `AutoModel`s", "load-automodels"),
]


@pytest.mark.parametrize(("heading", "expected"), DOC_BUILDER)
def test_doc_builder(heading, expected):
    assert heading_ids(parse(heading + "\n").headings, "doc-builder") == [expected]


@pytest.mark.parametrize(("heading", "expected"), GITHUB)
def test_github(heading, expected):
    assert heading_ids(parse(heading + "\n").headings, "github") == [expected]


def test_github_numbers_duplicates_and_doc_builder_does_not():
    text = "## Usage\n\n## Usage\n\n## Usage\n"
    assert heading_ids(parse(text).headings, "github") == ["usage", "usage-1", "usage-2"]
    assert heading_ids(parse(text).headings, "doc-builder") == ["usage"] * 3


def test_explicit_anchor_wins_in_both_styles():
    text = "## 설치[[installation]]\n"
    for style in ("doc-builder", "github"):
        assert heading_ids(parse(text).headings, style) == ["installation"]


def test_functions_directly():
    assert doc_builder_slug(["  Trim  me  "]) == "trim-me"
    assert github_slug("A.B") == "ab"
