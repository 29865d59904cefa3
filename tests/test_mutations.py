"""The mutation benchmark, reduced: every kind of injected defect is found on a page
written for it, and on a fixed sample of real translated pages."""

from __future__ import annotations

import importlib.util
import random
import sys

import pytest

from .conftest import CORPUS, ROOT


def _benchmark():
    spec = importlib.util.spec_from_file_location("mutations", ROOT / "benchmarks" / "mutations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("mutations", module)
    spec.loader.exec_module(module)
    return module


mutations = _benchmark()

SOURCE = """\
# Uploading files

The `upload_file` method sends one file to a repository of the Hub. It takes about 30
seconds for a file of 500 MB on a fast connection, see [the limits](https://huggingface.co/docs/hub/limits).

<Tip>

Use `upload_folder` to send a whole folder at once, with every file in it.

</Tip>

## Upload a file

Pass the path of the file and the name of the repository you want to send it to.

```py
from huggingface_hub import upload_file
upload_file(path_or_fileobj="model.bin", path_in_repo="model.bin", repo_id="me/model")
```

Every upload creates one commit on the main branch of the repository you named.
"""

TRANSLATION = """\
# 파일 업로드하기[[uploading-files]]

`upload_file` 메서드는 파일 하나를 Hub 저장소로 보냅니다. 빠른 연결에서 500 MB 파일은 약 30
초가 걸립니다. [제한 사항](https://huggingface.co/docs/hub/limits)을 참고하세요.

<Tip>

`upload_folder`로 폴더 전체를 한 번에 보낼 수 있습니다.

</Tip>

## 파일 업로드[[upload-a-file]]

파일 경로와 보낼 저장소 이름을 넘기세요.

```py
from huggingface_hub import upload_file
upload_file(path_or_fileobj="model.bin", path_in_repo="model.bin", repo_id="me/model")
```

업로드할 때마다 지정한 저장소의 main 브랜치에 커밋이 하나 생깁니다.
"""


@pytest.mark.parametrize("kind", mutations.KINDS)
def test_each_kind_of_defect_is_injected_and_found(kind):
    assert (
        mutations._lint(SOURCE, TRANSLATION, "ko", "doc-builder") == []
    )  # a clean pair to start from
    mutation = mutations.mutate(TRANSLATION, SOURCE, kind, random.Random(kind))
    assert mutation is not None and mutation.text != TRANSLATION
    before = mutations._lint(SOURCE, TRANSLATION, "ko", "doc-builder")
    after = mutations._lint(SOURCE, mutation.text, "ko", "doc-builder")
    found, _ = mutations.detected(before, after, mutation)
    assert found, f"{kind} at line {mutation.start} not found; findings: {after}"


def test_recall_on_a_sample_of_real_pages():
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    trees = tuple(tree for tree in mutations.TREES if tree.name in mutations.HF_TREES)
    outcomes = mutations.run(trees, limit=12, corpus=CORPUS)
    assert len(outcomes) >= 20
    missed = [f"{o.page}:{o.line} {o.kind} {o.note!r}" for o in outcomes if not o.found]
    assert mutations.recall(outcomes) >= 0.9, missed
