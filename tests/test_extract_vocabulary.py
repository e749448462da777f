"""Every word list of the extraction code is data, checked when the lexicon loads (fast)."""

from __future__ import annotations

import ast
import dataclasses
import json
from importlib.resources import files
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

import geokg.extract
from geokg.extract.lexicon import LexiconError, check_against_ontology, load_lexicon
from geokg.extract.rules import FAMILIES, RULE_ORDER
from geokg.extract.words import Words, WordsError, words_from_data

EXTRACT = Path(geokg.extract.__file__).parent
RULE_NAMES = set(RULE_ORDER) | set(FAMILIES)
# Another engineer owns documents.py (file reading, not extraction vocabulary).
NOT_OURS = {"documents.py"}


def _word_lists(path: Path) -> list[str]:
    """Sets, tuples and lists of three or more string literals, unless every one is a label
    of spaCy's parser, tagger or recogniser (syntax, not vocabulary) or the name of a rule
    or rule family (the order table), and not ``__all__``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exported = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Set | ast.Tuple | ast.List) or id(node) in exported:
            continue
        strings = [
            e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
        ]
        identifiers = GLOSSARY.keys() | RULE_NAMES
        if len(strings) >= 3 and not all(s in identifiers for s in strings):
            found.append(f"{path.relative_to(EXTRACT)}:{node.lineno}: {strings[:4]}")
    return found


def test_no_word_list_is_left_in_the_extraction_code():
    modules = [p for p in sorted(EXTRACT.rglob("*.py")) if p.name not in NOT_OURS]
    assert len(modules) > 20
    assert [hit for path in modules for hit in _word_lists(path)] == []


def test_the_checker_finds_a_word_list(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'CUES = frozenset({"vow", "swear", "pledge"})\nDEPS = {"nsubj", "dobj", "amod"}\n'
    )
    assert [hit.split(": ", 1)[1] for hit in _word_lists_at(sample)] == [
        "['vow', 'swear', 'pledge']"
    ]


def _word_lists_at(path: Path) -> list[str]:
    global EXTRACT
    saved, EXTRACT = EXTRACT, path.parent
    try:
        return _word_lists(path)
    finally:
        EXTRACT = saved


def _data() -> dict[str, object]:
    data: dict[str, object] = json.loads(
        (files("geokg") / "data" / "lexicon" / "words.json").read_text(encoding="utf-8")
    )
    return data


def test_every_entry_is_documented_and_loaded():
    data = _data()
    names = {f.name for f in dataclasses.fields(Words)}
    assert {k for k in data if not k.startswith("_")} == names
    assert all(str(data[name]["doc"]).strip() for name in names)  # type: ignore[index]
    vocabulary = load_lexicon().words
    assert "ambassador" in vocabulary.envoy_nouns
    assert vocabulary.complement_slots[0] == "dobj"  # an ordered list stays a tuple
    # lists stored once and widened when loaded
    assert vocabulary.igo_markers <= vocabulary.body_nouns
    assert vocabulary.weapon_classes <= vocabulary.violent_item_classes


def test_a_missing_or_misshapen_entry_fails_with_the_key():
    data = _data()
    del data["vow_verbs"]
    with pytest.raises(WordsError, match=r"words\.json: missing entry 'vow_verbs'"):
        words_from_data(data)
    data = _data()
    data["vow_verbs"] = {"doc": "x", "words": "vow"}
    with pytest.raises(WordsError, match="entry 'vow_verbs' must be a list of strings"):
        words_from_data(data)
    data = _data()
    data["vow_verbz"] = {"doc": "x", "words": []}
    with pytest.raises(WordsError, match="unknown key 'vow_verbz'"):
        words_from_data(data)


def test_relation_names_and_cameo_roots_are_checked_against_the_ontology():
    lexicon = load_lexicon()
    data = _data()
    data["violent_relations"] = {"doc": "x", "words": ["attacks", "atacks"]}
    typo = dataclasses.replace(lexicon, words=words_from_data(data))
    with pytest.raises(
        LexiconError, match=r"words\.json: violent_relations names unknown relation 'atacks'"
    ):
        check_against_ontology(typo, {})
    data = _data()
    data["violent_roots"] = {"doc": "x", "words": ["18", "21"]}
    typo = dataclasses.replace(lexicon, words=words_from_data(data))
    with pytest.raises(LexiconError, match="violent_roots names unknown CAMEO root '21'"):
        check_against_ontology(typo, {})
    with pytest.raises(LexiconError, match=r"modality\.json: event_coreference\.reaction_verbs"):
        check_against_ontology(lexicon, {"reaction_verbs": {"condemn": "critisises"}})
