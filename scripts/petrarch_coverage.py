"""How much of PETRARCH2's dictionaries geokg's own lexicon covers.

PETRARCH2 (Open Event Data Alliance, MIT) codes news with a CAMEO verb dictionary and an
agents dictionary. geokg does not use them: it has its own frames (``data/lexicon/``). The
dictionaries serve as a checklist, and this script measures two shares against them:

* **verbs**: of the dictionary's *coded* verbs (a verb whose code, its own or else its
  block's, is not ``---``), the share for which geokg has a verb frame producing a relation of
  the same CAMEO root. A verb frame covers a dictionary verb when its lemma is the verb (for a
  multi-word entry such as ``+CALL_OFF`` or ``+TAKE_NOTE``, the first word, with the second
  word as the frame's particle, one of its cues or the preposition of one of its slots).
  The root compared is the root of the active code (``[042:043]`` -> 04), the passive code
  when there is no active one (``[:110]``); a block's patterns may code other roots, but the
  block's main code is the one compared. A verb listed in two blocks is covered when one of
  its coded roots is. Every coded verb not covered must be listed, with a reason, in
  ``data/lexicon/petrarch_uncovered.json``.
* **agent nouns**: of the agents dictionary's role nouns (one per line, with its plurals and
  variants), the share that geokg resolves as an actor when a demonym modifies it ("Iranian
  soldiers", "the French ministers"). By default a fast check of the lexicon (the noun's head
  is an agent noun or a located noun of ``actor_nouns.json``); ``--resolve`` parses one
  sentence per noun with the spaCy model and asks geokg's actor resolution (slow, about a
  minute). Nouns left out are listed with a reason in the same data file.

Usage::

    python scripts/petrarch_coverage.py [--reference DIR] [--resolve] [--list] [--json]

The reference directory defaults to ``../shared/reference/petrarch2`` beside the repository.
Exit status 0 when both shares reach their targets and every uncovered item has a reason,
1 otherwise, 2 when the reference is missing. Nothing is written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

VERB_TARGET = 0.80
NOUN_TARGET = 0.90
REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = REPOSITORY.parent / "shared" / "reference" / "petrarch2"
VERB_FILE = "CAMEO.2.0.txt"
AGENT_FILE = "Phoenix.agents.txt"
# Demonyms placed before the agent nouns in the resolution check, used in turn.
DEMONYMS = ("Iranian", "French", "Kenyan", "Brazilian", "Indian", "Turkish", "Egyptian")
DEMONYM_STATES = {
    "Iranian": "IRN",
    "French": "FRA",
    "Kenyan": "KEN",
    "Brazilian": "BRA",
    "Indian": "IND",
    "Turkish": "TUR",
    "Egyptian": "EGY",
}

# Inflected forms the dictionary lists as verbs, with the lemma the tagger gives them; the
# prefixes the tokenizer splits off a hyphenated verb; words that make an entry a fragment.
INFLECTED = {
    "forgave": "forgive",
    "forgiven": "forgive",
    "touring": "tour",
    "worried": "worry",
    "saw": "see",
    "attacked": "attack",
    "killed": "kill",
    "kidnapped": "kidnap",
    "shot": "shoot",
}
HYPHEN_PREFIXES = ("re-", "over-", "co-", "counter-", "pre-")
CONJUNCTIONS = frozenset({"and", "or"})

# Control verbs ("agree to", "threaten to", "refuse to") code the act under them with the
# relation of their mode (see ``light_verbs.json`` and the pipeline's modes).
CONTROL_ROOTS = {"intent": "03", "threat": "13", "refuse": "12"}
# Reason kinds of verbs with no geopolitical reading (see petrarch_uncovered.json).
NON_GEOPOLITICAL = ("not-geopolitical", "not-a-verb")

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
_VERB = re.compile(r"^(\+?[A-Z][A-Z_'\-.]*)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?")
_AGENT = re.compile(r"^([^\[{=]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]*)[\]}]")
_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


@dataclass(frozen=True, slots=True)
class DictionaryVerb:
    """A verb of the CAMEO dictionary with the CAMEO roots it is coded with (may be none)."""

    entry: str  # as written, without '+': "CALL_OFF"
    words: tuple[str, ...]  # lowercase: ("call", "off")
    roots: frozenset[str]  # "04", ...; empty for a verb of a [---] block

    @property
    def key(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class AgentNoun:
    """A role noun of the agents dictionary, with its variants (lowercase, spaces)."""

    entry: str
    variants: tuple[str, ...]
    sector: str


def _root(code: str) -> str | None:
    active, _, passive = code.partition(":")
    for part in (active.strip(), passive.strip()):
        if part and part[:2].isdigit() and not part.startswith("---"):
            return part[:2]
    return None


def read_verbs(path: Path) -> list[DictionaryVerb]:
    """The verbs of ``CAMEO.2.0.txt``: one record per distinct verb entry."""
    roots: dict[str, set[str]] = {}
    block_code: str | None = None
    in_patterns = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        line = raw.split("#", 1)[0].rstrip()
        if not in_patterns or not line.strip():
            continue
        block = _BLOCK.match(line)
        if block:
            block_code = block.group(2)
            continue
        if line.startswith("-"):
            continue
        verb = _VERB.match(line)
        if verb is None or block_code is None:
            continue
        entry = verb.group(1).lstrip("+")
        code = verb.group(2) if verb.group(2) is not None else block_code
        found = roots.setdefault(entry, set())
        root = _root(code)
        if root is not None:
            found.add(root)
    return [
        DictionaryVerb(entry, tuple(w for w in entry.lower().split("_") if w), frozenset(r))
        for entry, r in roots.items()
    ]


def read_agents(path: Path) -> list[AgentNoun]:
    """The role nouns of ``Phoenix.agents.txt``, substitution sets expanded as variants."""
    substitutions: dict[str, list[str]] = {}
    nouns: list[AgentNoun] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        substitution = _SUBSTITUTION.match(line)
        if substitution:
            words = [w.strip() for w in substitution.group(2).split(",") if w.strip()]
            substitutions[substitution.group(1)] = words
            continue
        agent = _AGENT.match(line)
        if agent is None:
            continue
        forms = [agent.group(1)]
        if agent.group(2):
            forms += agent.group(2).strip("{}").split()
        variants: list[str] = []
        for form in forms:
            for expanded in _expand(form, substitutions):
                text = " ".join(expanded.lower().replace("_", " ").replace(",", " ").split())
                if text and text not in variants:
                    variants.append(text)
        if variants:
            entry = "_".join(agent.group(1).split())
            nouns.append(AgentNoun(entry, tuple(variants), agent.group(3)))
    return nouns


def _expand(form: str, substitutions: Mapping[str, list[str]]) -> Iterator[str]:
    for marker, words in substitutions.items():
        if marker in form:
            for word in words:
                yield from _expand(form.replace(marker, word, 1), substitutions)
            return
    yield form


# -- geokg's side --------------------------------------------------------------------------


def _frame_roots(frame: Any, cameo: Mapping[str, str]) -> set[str]:
    relations = set(frame.items.values())
    if not frame.needs_item:
        relations.add(frame.items.get("default", frame.relation))
    return {cameo[r][:2] for r in relations if r in cameo}


def _slot_words(frame: Any) -> set[str]:
    words: set[str] = set()
    for slot in (*frame.object, *frame.requires):
        first = slot.split(">", 1)[0]
        if first.startswith(("prep:", "prt:")):
            words.add(first.split(":", 1)[1])
    return words


def verb_roots(
    verb: DictionaryVerb,
    frames: Mapping[str, Sequence[Any]],
    cameo: Mapping[str, str],
    control: Mapping[str, str] | None = None,
) -> set[str]:
    """The CAMEO roots geokg's verb frames (and control verbs) give the dictionary verb."""
    lemma, rest = dictionary_lemma(verb.words[0]), verb.words[1:]
    if rest and rest[0] in CONJUNCTIONS:
        rest = ()  # "KILLED_AND", "ATTACKED_AND_STABBED": a fragment; its first verb counts
    found: set[str] = set()
    mode = (control or {}).get(lemma)
    if mode in CONTROL_ROOTS and not rest:
        # "agreed to resume talks": a control verb gives its mode's relation to the act.
        found.add(CONTROL_ROOTS[mode])
    for frame in frames.get(lemma, ()):
        if rest:
            second = rest[0]
            named = second == frame.particle or second in frame.cues or second in _slot_words(frame)
            # A frame with no particle and no cue still fires on the phrasal verb ("shot
            # down the plane") unless it excludes particles.
            bare = frame.particle is None and not frame.cues and "prt" not in frame.excludes
            if not (named or bare):
                continue
        elif frame.particle is not None and f"prep:{frame.particle}" not in frame.object:
            # A phrasal verb ("call off") is another verb; a verb with its preposition as
            # the object slot ("go to X") is the dictionary's verb with its object.
            continue
        found |= _frame_roots(frame, cameo)
    return found


def dictionary_lemma(word: str) -> str:
    """The lemma the tagger gives a dictionary entry's first word: an inflected form
    ("forgave", "touring") becomes its verb, and a hyphenated prefix ("re-arrest"), which
    the tokenizer splits off, leaves the verb after it."""
    word = INFLECTED.get(word, word)
    prefix, hyphen, stem = word.partition("-")
    if hyphen and f"{prefix}-" in HYPHEN_PREFIXES and stem:
        return stem
    return word


def singular(word: str) -> str:
    """A crude singular for the fast check ("ministries" -> "ministry", "men" -> "man")."""
    irregular = {"men": "man", "women": "woman", "children": "child", "people": "people"}
    if word in irregular:
        return irregular[word]
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) >= 3:
        return word[:-1]
    return word


def plural(phrase: str) -> str:
    """The plural of a noun phrase's head, for the resolution sentences."""
    words = phrase.split()
    index = words.index(head_word(phrase))
    head = words[index]
    if head in {"police", "people", "clergy", "military", "personnel", "staff", "youth"}:
        plural_head = head
    elif singular(head) != head:
        plural_head = head  # already plural ("men", "children", "gunmen")
    elif head.endswith("man"):
        plural_head = head[:-3] + "men"
    elif head.endswith("y") and head[-2:-1] not in set("aeiou"):
        plural_head = head[:-1] + "ies"
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        plural_head = head if head.endswith("s") and not head.endswith("ss") else head + "es"
    else:
        plural_head = head + "s"
    words[index] = plural_head
    return " ".join(words)


HEAD_ENDS = frozenset({"of", "for", "to", "at", "in", "on", "without", "from", "de"})


def head_word(phrase: str) -> str:
    """The head of a role phrase: the word before its first preposition, else the last."""
    words = phrase.split()
    for index, word in enumerate(words[1:], start=1):
        if word in HEAD_ENDS:
            return words[index - 1]
    return words[-1]


def complete_stems(noun: AgentNoun, words: Iterable[str]) -> AgentNoun:
    """The dictionary writes a few heads as stems that match by prefix ("FINANCE_MINIST",
    "PORT_AUTHORIT"): complete such a head with the shortest known word it begins."""
    ordered = sorted(words, key=lambda word: (len(word), word))
    variants: list[str] = []
    for variant in noun.variants:
        head = head_word(variant)
        if len(head) >= 5 and head not in ordered:
            completion = next((w for w in ordered if w.startswith(head) and w != head), None)
            if completion is not None and singular(head) not in ordered:
                parts = variant.split()
                parts[parts.index(head)] = completion
                variant = " ".join(parts)
        if variant not in variants:
            variants.append(variant)
    return AgentNoun(noun.entry, tuple(variants), noun.sector)


def fast_resolved(noun: AgentNoun, known: frozenset[str]) -> bool:
    """The noun's head (or the whole phrase) is one geokg's actor resolution accepts."""
    for variant in noun.variants:
        if variant in known or singular(variant) in known:
            return True
        head = head_word(variant)
        last = head.split("-")[-1]  # "foster-nurse": the parser splits the hyphen
        if {head, singular(head), last, singular(last)} & known:
            return True
    return False


def slow_resolved(nouns: Sequence[AgentNoun]) -> set[str]:
    """Entries whose "<demonym> <plural noun>" resolves to the demonym's state on the model."""
    from geokg.extract import Extractor
    from geokg.extract.resolve import Resolver

    extractor = Extractor()
    texts: list[tuple[str, str, str]] = []  # entry, sentence, state
    for number, noun in enumerate(nouns):
        demonym = DEMONYMS[number % len(DEMONYMS)]
        for variant in noun.variants:
            phrase = plural(variant)
            texts.append(
                (noun.entry, f"The {demonym} {phrase} met on Monday.", DEMONYM_STATES[demonym])
            )
    resolved: set[str] = set()
    docs = extractor.nlp.pipe(t[1] for t in texts)
    for (entry, _, state), doc in zip(texts, docs, strict=True):
        if entry in resolved:
            continue
        resolver = Resolver(doc, extractor.gazetteer, extractor.lexicon, published=None)
        # The phrase's head, or one of coordinated heads ("students and teachers"), must
        # resolve to the demonym's state.
        heads = [t for t in doc if t.dep_ == "nsubj"]
        heads += [c for t in heads for c in t.conjuncts]
        if any(r.actor.country == state for t in heads for r in resolver.actors(t)):
            resolved.add(entry)
    return resolved


def uncovered_reasons() -> dict[str, Any]:
    path = files("geokg") / "data" / "lexicon" / "petrarch_uncovered.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True, slots=True)
class Report:
    coded_verbs: int
    covered_verbs: int
    verbs_without_reason: tuple[str, ...]
    stale_verb_reasons: tuple[str, ...]
    uncovered_verbs: tuple[str, ...]
    agent_nouns: int
    resolved_nouns: int
    nouns_without_reason: tuple[str, ...]
    stale_noun_reasons: tuple[str, ...]
    unresolved_nouns: tuple[str, ...]
    slow: bool
    verb_kinds: Mapping[str, int]  # reason kind -> number of uncovered verbs

    @property
    def geopolitical_verbs(self) -> int:
        """Coded verbs with a geopolitical reading (not listed as such, nor as no verb)."""
        return self.coded_verbs - sum(self.verb_kinds.get(k, 0) for k in NON_GEOPOLITICAL)

    @property
    def geopolitical_share(self) -> float:
        total = self.geopolitical_verbs
        return self.covered_verbs / total if total else 0.0

    @property
    def deliberate_share(self) -> float:
        """Share of those covered with the same root or coded with another root on purpose."""
        total = self.geopolitical_verbs
        done = self.covered_verbs + self.verb_kinds.get("other-root", 0)
        return done / total if total else 0.0

    @property
    def verb_share(self) -> float:
        return self.covered_verbs / self.coded_verbs if self.coded_verbs else 0.0

    @property
    def noun_share(self) -> float:
        return self.resolved_nouns / self.agent_nouns if self.agent_nouns else 0.0

    @property
    def ok(self) -> bool:
        return (
            self.verb_share >= VERB_TARGET
            and self.noun_share >= NOUN_TARGET
            and not self.verbs_without_reason
            and not self.nouns_without_reason
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "coded_verbs": self.coded_verbs,
            "covered_verbs": self.covered_verbs,
            "verb_share": round(self.verb_share, 4),
            "uncovered_verbs_by_reason": dict(self.verb_kinds),
            "geopolitical_verbs": self.geopolitical_verbs,
            "geopolitical_share": round(self.geopolitical_share, 4),
            "same_or_deliberate_root_share": round(self.deliberate_share, 4),
            "verbs_without_reason": list(self.verbs_without_reason),
            "stale_verb_reasons": list(self.stale_verb_reasons),
            "agent_nouns": self.agent_nouns,
            "resolved_nouns": self.resolved_nouns,
            "noun_share": round(self.noun_share, 4),
            "nouns_without_reason": list(self.nouns_without_reason),
            "stale_noun_reasons": list(self.stale_noun_reasons),
            "mode": "resolve" if self.slow else "lexicon",
            "ok": self.ok,
        }


def measure(reference: Path, *, slow: bool = False) -> Report:
    from geokg.extract.lexicon import load_lexicon
    from geokg.ontology import load_ontology

    lexicon = load_lexicon()
    cameo = {name: relation.cameo for name, relation in load_ontology().relations.items()}
    reasons = uncovered_reasons()
    verb_reasons: Mapping[str, Any] = reasons.get("verbs", {})
    noun_reasons: Mapping[str, Any] = reasons.get("agent_nouns", {})

    coded = [v for v in read_verbs(reference / VERB_FILE) if v.roots]
    uncovered = sorted(
        v.key for v in coded if not (verb_roots(v, lexicon.verbs, cameo, lexicon.control) & v.roots)
    )
    known = lexicon.agent_nouns | _located()
    nouns = [complete_stems(n, known) for n in read_agents(reference / AGENT_FILE)]
    resolved = slow_resolved(nouns) if slow else {n.entry for n in nouns if fast_resolved(n, known)}
    unresolved = sorted({n.entry for n in nouns} - resolved)
    return Report(
        coded_verbs=len(coded),
        covered_verbs=len(coded) - len(uncovered),
        verbs_without_reason=tuple(v for v in uncovered if v not in verb_reasons),
        stale_verb_reasons=tuple(sorted(set(verb_reasons) - set(uncovered))),
        uncovered_verbs=tuple(uncovered),
        agent_nouns=len({n.entry for n in nouns}),
        resolved_nouns=len(resolved),
        # The data file's noun reasons follow the resolution on the model; the lexicon check
        # is a quick estimate, so only --resolve compares them.
        nouns_without_reason=tuple(n for n in unresolved if n not in noun_reasons) if slow else (),
        stale_noun_reasons=tuple(sorted(set(noun_reasons) - set(unresolved))) if slow else (),
        unresolved_nouns=tuple(unresolved),
        slow=slow,
        verb_kinds=dict(
            Counter(_kind(verb_reasons[v]) for v in uncovered if v in verb_reasons).most_common()
        ),
    )


def _kind(reason: Any) -> str:
    return str(reason.get("kind", "")) if isinstance(reason, Mapping) else ""


def _located() -> frozenset[str]:
    from geokg.extract.resolve import placed_nouns

    return frozenset(placed_nouns().located)


def _print(report: Report, *, listing: bool) -> None:
    mode = "resolved on the spaCy model" if report.slow else "lexicon check; --resolve parses"
    print(
        f"verbs: {report.covered_verbs}/{report.coded_verbs} coded dictionary verbs covered "
        f"with the same CAMEO root ({report.verb_share:.1%}, target {VERB_TARGET:.0%})"
    )
    print(
        f"agent nouns: {report.resolved_nouns}/{report.agent_nouns} resolved as actors after a "
        f"demonym ({report.noun_share:.1%}, target {NOUN_TARGET:.0%}; {mode})"
    )
    kinds = ", ".join(f"{kind} {count}" for kind, count in report.verb_kinds.items())
    print(f"uncovered verbs by reason: {kinds}")
    print(
        f"of the {report.geopolitical_verbs} coded verbs with a geopolitical reading: "
        f"{report.geopolitical_share:.1%} covered with the same root, "
        f"{report.deliberate_share:.1%} with the same root or another root on purpose"
    )
    problems: Iterable[tuple[str, tuple[str, ...]]] = (
        ("uncovered verbs without a reason", report.verbs_without_reason),
        ("reasons for verbs now covered", report.stale_verb_reasons),
        ("unresolved nouns without a reason", report.nouns_without_reason),
        ("reasons for nouns now resolved", report.stale_noun_reasons),
    )
    for label, items in problems:
        if items:
            print(f"{label} ({len(items)}): {', '.join(items)}")
    if listing:
        print("uncovered verbs:", ", ".join(report.uncovered_verbs))
        print("unresolved nouns:", ", ".join(report.unresolved_nouns))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--resolve", action="store_true", help="resolve nouns on the model")
    parser.add_argument("--list", action="store_true", help="list uncovered verbs and nouns")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    reference: Path = args.reference
    if not (reference / VERB_FILE).is_file() or not (reference / AGENT_FILE).is_file():
        print(f"error: no PETRARCH2 dictionaries in {reference}", file=sys.stderr)
        return 2
    report = measure(reference, slow=args.resolve)
    if args.json:
        print(json.dumps(report.as_json(), indent=1))
    else:
        _print(report, listing=args.list)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
