"""TBX termbases, read and written.

Read: TBX (ISO 30042:2019, ``conceptEntry``/``langSec``/``termSec``, with or without
its namespace) and TBX 2008 (``martif``/``termEntry``/``langSet``/``tig``), the form
Weblate and translate-toolkit write, DOCTYPE included. defusedxml parses it: a
DOCTYPE is allowed, but an entity declaration or an external reference is refused,
so nothing is ever expanded or fetched.

Written: the TBX 2008 form with its ``martifHeader``, because that is the one
translate-toolkit (and so Weblate's glossary import) reads; its reader refuses a
TBX 2019 ``<tbx>`` root. Variants are terms with ``administrativeStatus``
``deprecatedTerm-admn-sts``, the status both tools understand.
"""

from __future__ import annotations

from collections.abc import Iterable

from doclint.termbase import Term, TermbaseError, language_matches

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DEPRECATED = "deprecatedTerm-admn-sts"


def read_tbx(text: str, where: str, language: str) -> list[Term]:
    """The entries of a TBX document for ``language`` (the source is English)."""
    import xml.etree.ElementTree as ElementTree

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(text, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise TermbaseError(
            f"{where}: entity declarations and external references are not accepted in TBX"
        ) from None
    except ElementTree.ParseError as error:
        raise TermbaseError(f"{where}: not valid XML: {error}") from None
    terms = []
    for concept in root.iter():
        if _local(concept.tag) not in ("conceptEntry", "termEntry"):
            continue
        by_language: dict[str, list[tuple[str, str]]] = {}
        for section in concept:
            if _local(section.tag) not in ("langSec", "langSet"):
                continue
            tag = section.get(XML_LANG) or section.get("lang") or ""
            for element in section.iter():
                if _local(element.tag) == "term" and (element.text or "").strip():
                    status = _status(section, element)
                    by_language.setdefault(tag, []).append((element.text.strip(), status))
        source = next((v for tag, v in by_language.items() if language_matches(tag, "en")), None)
        target = next(
            (v for tag, v in by_language.items() if language_matches(tag, language)), None
        )
        if not source or not target:
            continue
        good = [term for term, status in target if status not in ("deprecated", "superseded")]
        bad = tuple(term for term, status in target if status in ("deprecated", "superseded"))
        if good:
            terms.append(Term(source[0][0], good[0], variants=bad, origin=where))
    return terms


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _status(section, term_element) -> str:
    """preferred / admitted / deprecated / superseded, from the termNote beside a term."""
    for holder in section.iter():
        if term_element in list(holder):
            for note in holder:
                if (
                    _local(note.tag) in ("termNote", "descrip")
                    and "status" in (note.get("type") or "").lower()
                ):
                    value = (note.text or "").lower()
                    for status in ("deprecated", "superseded", "admitted", "preferred"):
                        if status in value:
                            return status
    return "preferred"


def write_tbx(terms: Iterable[Term], language: str) -> str:
    """TBX 2008 (``martif``), with its header, one ``termEntry`` per term."""
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.Element("martif", {"type": "TBX", XML_LANG: "en"})
    header = ElementTree.SubElement(root, "martifHeader")
    description = ElementTree.SubElement(header, "fileDesc")
    ElementTree.SubElement(
        ElementTree.SubElement(description, "sourceDesc"), "p"
    ).text = f"doclint termbase, en to {language}"
    body = ElementTree.SubElement(ElementTree.SubElement(root, "text"), "body")
    for number, term in enumerate(terms, 1):
        entry = ElementTree.SubElement(body, "termEntry", {"id": f"c{number}"})
        if term.note:
            note = ElementTree.SubElement(entry, "descrip", {"type": "definition"})
            note.text = term.note
        for tag, texts in (
            ("en", [(term.source, "")]),
            (
                language,
                [
                    (term.target, ""),
                    # TBX has one "do not use" status for both kinds of wrong rendering
                    *((wrong, DEPRECATED) for wrong in (*term.variants, *term.forbidden)),
                ],
            ),
        ):
            section = ElementTree.SubElement(entry, "langSet", {XML_LANG: tag})
            for text, status in texts:
                group = ElementTree.SubElement(section, "tig")
                ElementTree.SubElement(group, "term").text = text
                if status:
                    ElementTree.SubElement(
                        group, "termNote", {"type": "administrativeStatus"}
                    ).text = status
    ElementTree.indent(root)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ElementTree.tostring(root, encoding="unicode")
        + "\n"
    )
