"""Candidates of the learned event model and their features.

The model sees the pipeline through two narrow records, so that it does not depend on how
the rules or the actor resolution are organised:

* :class:`Mention`: a resolved actor mention of a sentence (head token, actor, scorer key,
  resolution certainty and route),
* :class:`RuleFact`: a fact the rules found in the sentence (scorer keys, CAMEO root,
  polarity).

A :class:`Candidate` is an ordered pair of mentions with distinct heads in one sentence, or
a *discourse* candidate: an event word (a verb or noun of the lexicon) of the sentence with
one resolved argument, paired with a salient actor of the two previous sentences of the
story ("Moscow condemned the strikes." after "Israeli jets struck Syria").

Features are strings: the dependency path between the two heads (labels, and labels with
the lowest common ancestor's lemma), the lemmas on and around the path and their lexicon
roots (``data/lexicon/verbs.json`` and ``nouns.json`` give each lemma the CAMEO roots of its
frames: this is what lets the model carry a root to words it has not seen in training),
negation / future / condition / report / modal cues, actor kinds and resolution routes,
whether and with which root a rule fired for the pair, and distance.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from geokg.extract.lexicon import words
from geokg.model import Actor

MAX_MENTIONS = 10  # pairs are quadratic: a sentence listing 30 states gives no event pair
DISCOURSE_SENTENCES = 2
DISCOURSE_ACTORS = 2
MAX_PATH = 7  # longer paths between two actors almost never state an event between them
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
CLAUSE_DEPS = frozenset({"dobj", "attr", "xcomp", "ccomp", "oprd", "acomp"})


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention: ``head`` is the token index in the Doc."""

    head: int
    actor: Actor
    key: str
    certainty: float
    via: str


@dataclass(frozen=True, slots=True)
class RuleFact:
    """A fact the rules found in a sentence, as the scorer keys it."""

    subject: str
    object: str
    root: str
    negated: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    """An ordered actor pair the model classifies (``anchor``: the event word's token)."""

    subject: Mention
    object: Mention
    anchor: int
    discourse: bool
    negated: bool
    features: tuple[str, ...]
    # May the model propose a fact here? Not under "if"/"unless" (the rules make no fact
    # of a hypothetical either), and only with an event word of the lexicon on the path.
    proposable: bool = True

    @property
    def certainty(self) -> float:
        return min(self.subject.certainty, self.object.certainty)


@dataclass(frozen=True, slots=True)
class Cues:
    """The word lists the features read (from the lexicon; data, not code)."""

    roots: Mapping[tuple[str, str], tuple[str, ...]]  # (VERB|NOUN, lemma) -> CAMEO roots
    negation: frozenset[str]
    future: frozenset[str]
    conditional: frozenset[str]
    report: frozenset[str]
    denial: frozenset[str]
    light_verbs: frozenset[str]
    lemma: Callable[[Token], str]
    # Nouns that may refer back to an actor after a determiner ("the country", "both
    # sides"): the only nouns :func:`sentence_mentions` asks the resolver's coreference.
    nominals: frozenset[str] = frozenset()
    modals: frozenset[str] = frozenset()  # hedging auxiliaries ("may", "could")
    collective: frozenset[str] = frozenset()  # "both sides", "the two countries"

    def roots_of(self, token: Token) -> tuple[str, ...]:
        pos = "NOUN" if token.pos_ in {"NOUN", "PROPN"} else "VERB"
        return self.roots.get((pos, self.lemma(token)), ())

    def is_trigger(self, token: Token) -> bool:
        return token.pos_ in {"VERB", "NOUN"} and bool(self.roots_of(token))


class ResolvedLike(Protocol):
    """A resolved mention as the resolver gives it."""

    @property
    def actor(self) -> Actor: ...

    @property
    def certainty(self) -> float: ...

    @property
    def via(self) -> str: ...

    @property
    def token(self) -> int: ...


class ResolverLike(Protocol):
    """What :func:`sentence_mentions` needs of the actor resolution."""

    def mentions(self) -> Sequence[tuple[int, ResolvedLike, int]]: ...

    def actors(self, token: Token) -> Sequence[ResolvedLike]: ...


def sentence_mentions(
    sentence: Span, resolver: ResolverLike, key: Callable[[Actor], str], cues: Cues
) -> list[Mention]:
    """The resolved actor mentions of ``sentence``: the resolver's explicit mentions (names,
    demonyms, agent nouns with a state), and pronouns and referring nominals ("it", "the
    country", "both sides") resolved by its coreference. Places are left out."""
    found: dict[tuple[int, str], Mention] = {}
    for index, resolved, _ in resolver.mentions():
        if sentence.start <= index < sentence.end and not _place_phrase(sentence.doc[index]):
            _add(found, resolved, key)
    for token in sentence:
        if token.pos_ == "PRON" or (
            token.pos_ == "NOUN"
            and token.lemma_.lower() in cues.nominals
            and any(_referring(c, cues) for c in token.children)
        ):
            for resolved in resolver.actors(token):
                _add(found, resolved, key)
    mentions = sorted(found.values(), key=lambda m: m.head)
    return mentions[:MAX_MENTIONS]


def _referring(determiner: Token, cues: Cues) -> bool:
    """A determiner that makes a noun a possible reference back to an actor: definite or
    demonstrative ("the country", "these nations"), or collective ("both sides")."""
    return determiner.dep_ in {"det", "predet"} and (
        "Def" in determiner.morph.get("Definite", [])
        or "Dem" in determiner.morph.get("PronType", [])
        or determiner.lower_ in cues.collective
    )


def _place_phrase(token: Token) -> bool:
    """'talks in Moscow', 'a bombing near Kabul': a place where something happens, not an
    actor taking part."""
    return token.dep_ == "pobj" and token.head.lower_ in words().event_place_preps


def _add(
    found: dict[tuple[int, str], Mention], resolved: ResolvedLike, key: Callable[[Actor], str]
) -> None:
    if resolved.via == "location":
        return
    actor = resolved.actor
    mention = Mention(resolved.token, actor, key(actor), resolved.certainty, resolved.via)
    slot = (mention.head, mention.key)
    if slot not in found or found[slot].certainty < mention.certainty:
        found[slot] = mention


class SentenceCache:
    """Per-sentence memo of what several pairs share (head chains, the anchor's
    surroundings, cue words), so that a sentence's pairs cost little more than one."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        self._chains: dict[int, list[Token]] = {}
        self._words: dict[tuple[str, int], list[str]] = {}
        self._around: dict[int, list[str]] = {}
        self._cues: dict[int, frozenset[str]] = {}
        self._tokens: dict[int, Token] = {}
        self._triggers: dict[int, bool] = {}
        self._roots: dict[int, tuple[str, ...]] = {}

    def token(self, doc: Doc, i: int) -> Token:
        """``doc[i]``, built once per sentence."""
        found = self._tokens.get(i)
        if found is None:
            found = self._tokens[i] = doc[i]
        return found

    def trigger(self, token: Token) -> bool:
        """:meth:`Cues.is_trigger`, once per token."""
        found = self._triggers.get(token.i)
        if found is None:
            found = self._triggers[token.i] = self.cues.is_trigger(token)
        return found

    def roots_of(self, token: Token) -> tuple[str, ...]:
        """:meth:`Cues.roots_of`, once per token."""
        found = self._roots.get(token.i)
        if found is None:
            found = self._roots[token.i] = self.cues.roots_of(token)
        return found

    def chain(self, token: Token) -> list[Token]:
        found = self._chains.get(token.i)
        if found is None:
            found = self._chains[token.i] = _chain(token)
        return found

    def words(self, prefix: str, token: Token) -> list[str]:
        found = self._words.get((prefix, token.i))
        if found is None:
            found = self._words[(prefix, token.i)] = _token_features(prefix, token, self.cues)
        return found

    def around(self, anchor: Token) -> list[str]:
        found = self._around.get(anchor.i)
        if found is None:
            found = self._around[anchor.i] = _around(anchor, self.cues)
        return found

    def cue_words(self, token: Token) -> frozenset[str]:
        found = self._cues.get(token.i)
        if found is None:
            found = self._cues[token.i] = frozenset(_cue_features([token], self.cues))
        return found


def _chain(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def _distance(n: int) -> str:
    if n <= 2:
        return str(n)
    if n <= 5:
        return "3-5"
    return "6-10" if n <= 10 else "11+"


def _cue_features(tokens: Iterable[Token], cues: Cues) -> set[str]:
    """Negation, future, modal, condition, report and denial cues on or above the path."""
    found: set[str] = set()
    for token in tokens:
        for child in token.children:
            lower = child.lower_
            if child.dep_ == "neg" or lower in cues.negation:
                found.add("cue=neg")
            elif child.dep_ == "aux" and lower in cues.future:
                found.add("cue=future")
            elif child.dep_ == "aux" and lower in cues.modals:
                found.add("cue=modal:" + lower)
            elif child.dep_ == "mark" and lower in cues.conditional:
                found.add("cue=cond")
    return found


def _governors(token: Token, cues: Cues) -> set[str]:
    """Report, denial and condition words above ``token`` (up to three clause heads)."""
    found: set[str] = set()
    head = token
    for _ in range(3):
        if head.head.i == head.i:
            break
        if head.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in cues.conditional for c in head.children
        ):
            found.add("gov=cond")
        head = head.head
        lemma = cues.lemma(head)
        if lemma in cues.report:
            found.add("gov=report")
        if lemma in cues.denial:
            found.add("gov=deny:" + lemma)
    return found


def _negated(found: set[str], anchor: Token, cues: Cues) -> bool:
    """A negation on the path, or a denial verb at or above the event ("denied any role in
    the attack")."""
    return (
        "cue=neg" in found
        or cues.lemma(anchor) in cues.denial
        or any(f.startswith("gov=deny:") for f in found)
    )


def _token_features(prefix: str, token: Token, cues: Cues) -> list[str]:
    lemma = cues.lemma(token)
    out = [f"{prefix}={lemma}"]
    out.extend(f"{prefix}r={r}" for r in cues.roots_of(token))
    return out


def _around(anchor: Token, cues: Cues) -> list[str]:
    """Objects and complements of the anchor (light verb + event noun: "imposed sanctions",
    "held talks"), with their lexicon roots."""
    out: list[str] = []
    for child in anchor.children:
        if child.dep_ in CLAUSE_DEPS:
            out.extend(_token_features("ch:" + child.dep_, child, cues))
            for grandchild in child.children:
                if grandchild.dep_ in {"xcomp", "dobj", "pobj"}:
                    out.extend(_token_features("gch", grandchild, cues))
        elif child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and cues.roots_of(pobj):
                    out.extend(_token_features("pch", pobj, cues))
    if cues.lemma(anchor) in cues.light_verbs:
        out.append("anchor=light")
    return out


def _rule_features(subject: str, obj: str, rules: Sequence[RuleFact]) -> list[str]:
    out: list[str] = []
    for rule in rules:
        if rule.subject == subject and rule.object == obj:
            out.append("rule=" + rule.root)
            out.append("rule=any")
            if rule.negated:
                out.append("rule=neg")
        elif rule.subject == obj and rule.object == subject:
            out.append("rrule=" + rule.root)
        elif subject in (rule.subject, rule.object) or obj in (rule.subject, rule.object):
            out.append("orule=" + rule.root)
    if not any(f == "rule=any" for f in out):
        out.append("rule=none")
    return out


def _actor_features(side: str, mention: Mention, token: Token) -> list[str]:
    return [
        f"{side}k={mention.actor.type.value}",
        f"{side}v={mention.via}",
        f"{side}d={token.dep_}",
        f"{side}pos={token.pos_}",
    ]


def pair_candidate(
    subject: Mention,
    obj: Mention,
    sentence: Span,
    rules: Sequence[RuleFact],
    cues: Cues,
    *,
    cache: SentenceCache | None = None,
    needed_only: bool = False,
) -> Candidate | None:
    """The features of an ordered pair of mentions of one sentence; None for a pair no
    rule fact names whose path is longer than :data:`MAX_PATH` dependencies, and with
    ``needed_only`` for a pair whose score cannot matter at extraction (no rule fact for it,
    and no proposal possible: the same actor twice, or no event word on the path)."""
    doc = sentence.doc
    cache = cache or SentenceCache(cues)
    s_tok, o_tok = cache.token(doc, subject.head), cache.token(doc, obj.head)
    s_chain, o_chain = cache.chain(s_tok), cache.chain(o_tok)
    o_index = {t.i: n for n, t in enumerate(o_chain)}
    n_up = next((n for n, t in enumerate(s_chain) if t.i in o_index), len(s_chain) - 1)
    lca = s_chain[n_up]
    up = s_chain[:n_up]
    down = o_chain[: o_index.get(lca.i, len(o_chain) - 1)]
    interior = [t for t in (*up[1:], *down[1:]) if t.i != lca.i]
    ruled = any({r.subject, r.object} == {subject.key, obj.key} for r in rules)
    if not ruled and (
        len(up) + len(down) > MAX_PATH
        or (
            needed_only
            and (subject.key == obj.key or not any(cache.trigger(t) for t in (lca, *interior)))
        )
    ):
        return None
    up_labels = "^".join(t.dep_ for t in up)
    down_labels = "v".join(t.dep_ for t in reversed(down))
    lca_lemma = cues.lemma(lca)
    features = [
        "bias",
        f"p={up_labels}|{down_labels}",
        f"pl={up_labels}|{lca_lemma}|{down_labels}",
        f"lcapos={lca.pos_}",
        f"lcad={lca.dep_}",
        f"dist={_distance(abs(s_tok.i - o_tok.i))}",
        "order=" + ("so" if s_tok.i < o_tok.i else "os"),
        f"kk={subject.actor.type.value}:{obj.actor.type.value}",
        *cache.words("lca", lca),
        *_actor_features("s", subject, s_tok),
        *_actor_features("o", obj, o_tok),
        *_rule_features(subject.key, obj.key, rules),
    ]
    # The lexicon roots of the event word with the roles the two actors fill ("16 with
    # its subject and a prepositional object"): the features that carry to unseen words.
    roles = f"{up[-1].dep_ if up else '-'}|{down[-1].dep_ if down else '-'}"
    features.append(f"lcaroles={lca_lemma}|{roles}")
    features.extend(f"lcar={r}|{roles}" for r in cache.roots_of(lca))
    if subject.key == obj.key:
        features.append("samekey")
    if lca.i == s_tok.i or lca.i == o_tok.i:
        features.append("lca=endpoint")
    for token in interior:
        features.extend(cache.words("w", token))
        if token.dep_ == "prep":
            features.append(f"prep={token.lower_}")
    if o_tok.dep_ == "pobj":
        features.append(f"oprep={o_tok.head.lower_}")
        features.append(f"oprep={o_tok.head.lower_}|{lca_lemma}")
    if s_tok.dep_ == "pobj":
        features.append(f"sprep={s_tok.head.lower_}")
    features.extend(cache.around(lca))
    cue_set = set(cache.cue_words(lca)).union(*(cache.cue_words(t) for t in interior))
    cue_set |= _governors(lca, cues)
    features.extend(sorted(cue_set))
    anchor = lca
    if not cache.trigger(lca):
        anchor = next((t for t in interior if cache.trigger(t)), lca)
    negated = _negated(cue_set, lca, cues) or any(
        r.negated for r in rules if (r.subject, r.object) == (subject.key, obj.key)
    )
    proposable = cache.trigger(anchor) and not ({"cue=cond", "gov=cond"} & cue_set)
    return Candidate(subject, obj, anchor.i, False, negated, tuple(features), proposable)


def discourse_candidates(
    sentence: Span,
    mentions: Sequence[Mention],
    earlier: Sequence[Mention],
    rules: Sequence[RuleFact],
    cues: Cues,
    *,
    cache: SentenceCache | None = None,
) -> list[Candidate]:
    """Pairs of an event word's only resolved argument in ``sentence`` with the salient
    actors named before (``earlier``: most salient first, none of the sentence's keys)."""
    if not earlier or not mentions:
        return []
    doc = sentence.doc
    cache = cache or SentenceCache(cues)
    arguments: dict[int, list[Mention]] = {}
    for mention in mentions:
        for token in cache.chain(cache.token(doc, mention.head))[1:5]:
            if cache.trigger(token):
                arguments.setdefault(token.i, []).append(mention)
                break
    out: list[Candidate] = []
    for anchor_i, found in arguments.items():
        if len({m.key for m in found}) != 1:
            continue
        inside = found[0]
        anchor = cache.token(doc, anchor_i)
        token = cache.token(doc, inside.head)
        chain = cache.chain(token)
        path = "^".join(t.dep_ for t in chain[: chain.index(anchor)])
        common = [
            "bias",
            "disc",
            f"dp={path}",
            f"dpl={path}|{cues.lemma(anchor)}",
            f"apos={anchor.pos_}",
            *_token_features("t", anchor, cues),
            *cache.around(anchor),
            *sorted(cache.cue_words(anchor) | _governors(anchor, cues)),
        ]
        if any(c.dep_ in {"nsubjpass", "auxpass"} for c in anchor.children):
            common.append("passive")
        if not any(c.dep_ in SUBJECT_DEPS for c in anchor.children):
            common.append("nosubj")
        if not any(c.dep_ in {"dobj", "dative"} for c in anchor.children):
            common.append("noobj")
        negated = _negated(set(common), anchor, cues)
        proposable = not ({"cue=cond", "gov=cond"} & set(common))
        for rank, other in enumerate(earlier[:DISCOURSE_ACTORS]):
            for subject, obj, side in ((inside, other, "in=s"), (other, inside, "in=o")):
                features = [
                    *common,
                    side,
                    f"{side}|{path}",
                    f"{side}|{cues.lemma(anchor)}",
                    *(f"tr={r}|{side}|{token.dep_}" for r in cues.roots_of(anchor)),
                    f"rank={rank}",
                    f"kk={subject.actor.type.value}:{obj.actor.type.value}",
                    f"ink={inside.actor.type.value}",
                    f"inv={inside.via}",
                    *_rule_features(subject.key, obj.key, rules),
                ]
                out.append(
                    Candidate(subject, obj, anchor_i, True, negated, tuple(features), proposable)
                )
    return out


def salient(history: Sequence[Sequence[tuple[Mention, bool]]], exclude: set[str]) -> list[Mention]:
    """Actors of the previous sentences (``history``: per sentence, each mention and whether
    it is a subject), most recent sentence first, subjects first."""
    ranked: list[Mention] = []
    seen = set(exclude)
    for earlier in reversed(history[-DISCOURSE_SENTENCES:]):
        for mention, _ in sorted(earlier, key=lambda pair: (not pair[1], pair[0].head)):
            if mention.key not in seen:
                seen.add(mention.key)
                ranked.append(mention)
    return ranked
