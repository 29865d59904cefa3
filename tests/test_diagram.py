"""Mermaid diagrams compared by structure: labels are translated, nodes and edges are not."""

from __future__ import annotations

from doclint.diagram import structure_lines


def structure(content: str) -> list[str]:
    return [line for line in structure_lines(content) if line]


FLOWCHART = """flowchart LR
  %% a note
  A[Start here] -->|on success| B{Is it done?}
  B -- yes --> C((Finish))
  subgraph one [First part]
    D("Step") --> E
  end
  classDef green fill:#9f6
"""


def test_translated_flowchart_labels_are_the_same_structure():
    translated = FLOWCHART.replace("Start here", "여기서 시작").replace("on success", "성공 시")
    translated = translated.replace("Is it done?", "끝났나요?").replace("-- yes -->", "-- 예 -->")
    translated = translated.replace("First part", "첫 부분").replace('"Step"', '"단계"')
    translated = translated.replace("%% a note", "%% 메모")
    assert structure(translated) == structure(FLOWCHART)


def test_a_rewired_or_added_edge_is_a_different_structure():
    assert structure(FLOWCHART.replace("--> C((", "--> D((")) != structure(FLOWCHART)
    assert structure(FLOWCHART + "  C --> A\n") != structure(FLOWCHART)
    assert structure(FLOWCHART.replace("A[Start here]", "A(Start here)")) != structure(FLOWCHART)


SEQUENCE = """sequenceDiagram
    participant Client
    participant Proxy
    Client->>Proxy: GET /app
    Note right of Proxy: strips the prefix
    loop Every minute
        Proxy-->>Client: 200 OK
    end
"""


def test_sequence_messages_notes_and_aliases_are_labels():
    translated = (
        SEQUENCE.replace("participant Client", "participant Client as 클라이언트")
        .replace("strips the prefix", "접두사를 제거")
        .replace("Every minute", "매분")
        .replace("200 OK", "200 확인")
    )
    assert structure(translated) == structure(SEQUENCE)
    assert structure(SEQUENCE.replace("Proxy-->>Client", "Client-->>Proxy")) != structure(SEQUENCE)


def test_pie_values_and_gantt_plans_stay():
    pie = 'pie title Pets\n    "Dogs" : 386\n    "Cats" : 85\n'
    assert structure(pie.replace("Dogs", "개").replace("Pets", "반려동물")) == structure(pie)
    assert structure(pie.replace("386", "300")) != structure(pie)
    gantt = "gantt\n    section Build\n    Write code :a1, 2024-01-01, 3d\n"
    assert structure(gantt.replace("Write code", "코드 작성")) == structure(gantt)
    assert structure(gantt.replace("3d", "5d")) != structure(gantt)
