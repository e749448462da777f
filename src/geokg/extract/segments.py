"""Document regions: body text, captions, and boilerplate that must yield no facts.

``geokg_segments`` runs before the parser and starts a new sentence after every line break,
so that headlines, bylines and captions never merge with the following paragraph (the parser
respects preset sentence starts). :func:`region_of` then classifies each sentence:

* ``boilerplate``: site furniture (registration, cookies, newsletters, "refresh the page",
  "contributed to this report", "Related video:"), no facts;
* ``byline``: author names, datelines and timestamps (short lines with no verb), no facts;
* ``caption``: photo captions ending with a credit in parentheses ("(Getty Images)",
  "(AP Photo/Jae C. Hong)", "(Reuters)") or starting with "Photo:", and every sentence of a
  caption line (:func:`caption_line`), facts with lower confidence (captions describe a
  picture, often taken long before; :mod:`geokg.extract.captions` drops some facts there);
* ``body``: everything else.
"""

from __future__ import annotations

import re
from enum import StrEnum

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from geokg.extract.documents import trailing_date
from geokg.extract.lexicon import words

BOILERPLATE = re.compile(
    r"thank you for (registering|subscribing|signing up|reading)|refresh (the|your) (page|browser)"
    r"|logged in|log in to|sign up (for|to)|subscribe (to|now)|newsletter|cookie|privacy policy"
    r"|terms of (use|service)|all rights reserved|contributed to this report|related video"
    r"|click here|read more:|follow us|share this|advertisement|enable javascript"
    r"|^(copyright|©)|sponsored content|most read|recommended for you|download the app"
    r"|^\s*(related|more|watch|listen|see also|also read|trending)\s*:|^\s*share (on|via)\b"
    r"|^\s*(share|tweet|email|print|comments?)\s*$|get our .* newsletter",
    re.IGNORECASE,
)
# The same pattern (its words are all lowercase) for ASCII text lowered first: one C call
# to lower the text, then a case-sensitive search, about three times faster than the
# case-insensitive one. Only for ASCII text, where lowering is exactly what IGNORECASE
# compares ("ſ" or the Kelvin sign would match "s"/"k" case-insensitively, not lowered).
_BOILERPLATE_LOWER = re.compile(BOILERPLATE.pattern)
CAPTION_PREFIX = re.compile(r"^\s*(photo|picture|image|caption|pictured)\s*:", re.IGNORECASE)
CAPTION_CREDIT = re.compile(
    r"\((?:[^()]*\b(?:getty|afp|reuters|ap|ap photo|associated press|epa|images?|photo|pool"
    r"|via|xinhua|tass|anadolu)\b[^()]*)\)\s*$",
    re.IGNORECASE,
)
DATELINE = re.compile(
    r"^\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)?\s*,?\s*\d{1,2}\s+\w+\s+\d{4}"
    r"|\d{1,2}:\d{2}|^\s*(by|updated|published)\b",
    re.IGNORECASE,
)


class Region(StrEnum):
    BODY = "body"
    CAPTION = "caption"
    BYLINE = "byline"
    BOILERPLATE = "boilerplate"


def region_of(
    sentence: Span, doc_text: str | None = None, *, captions: dict[int, bool] | None = None
) -> Region:
    """Classify one sentence (see the module docstring). ``doc_text``: the Doc's text, if
    the caller has it (the sentence's text is then a slice of it, not rebuilt from its
    tokens); ``captions``: whether each line is a caption, by the line's start, kept by
    the caller for the sentences of one Doc (a line of many sentences is read once)."""
    if doc_text is None:
        text = sentence.text.strip()
    else:
        text = doc_text[sentence.start_char : sentence.end_char].strip()
    if not text or _boilerplate(text):
        return Region.BOILERPLATE
    if CAPTION_CREDIT.search(text) or CAPTION_PREFIX.search(text):
        return Region.CAPTION
    if DATELINE.search(text) and len(sentence) <= 12:
        return Region.BYLINE
    if len(sentence) <= 8 and not any(t.pos_ in {"VERB", "AUX"} for t in sentence):
        return Region.BYLINE
    full = sentence.doc.text if doc_text is None else doc_text
    line_start = full.rfind("\n", 0, sentence.start_char) + 1
    caption = None if captions is None else captions.get(line_start)
    if caption is None:
        caption = caption_line(_line_of(sentence, full))
        if captions is not None:
            captions[line_start] = caption
    return Region.CAPTION if caption else Region.BODY


def _boilerplate(text: str) -> bool:
    """Whether ``text`` matches :data:`BOILERPLATE`."""
    if text.isascii():
        return _BOILERPLATE_LOWER.search(text.lower()) is not None
    return BOILERPLATE.search(text) is not None


def _line_of(sentence: Span, doc_text: str) -> str:
    """The whole line (between line breaks) that ``sentence`` starts in."""
    start = doc_text.rfind("\n", 0, sentence.start_char) + 1
    end = doc_text.find("\n", sentence.start_char)
    return doc_text[start : len(doc_text) if end < 0 else end]


def caption_line(line: str) -> bool:
    """Whether ``line`` is a photo caption, every sentence of it: it opens with a caption
    marker and a dash or colon ("FILE - Protesters gather in ..."), ends with a photo credit
    in parentheses ("... in Seoul (AP Photo/Ahn Young-joon)"), or ends with a date right
    after a comma or a place name ("..., in Kyiv, Ukraine, March 3, 2022.", "..., Manila
    April 29, 2014."), not after a word that makes the date part of the clause ("signed in
    Minsk on Sept. 5, 2014.", "Updated June 5, 2024": ``date_governors``).

    >>> caption_line("Soldiers patrol in Donetsk, eastern Ukraine, Aug. 10, 2014.")
    True
    >>> caption_line("The truce was signed in Minsk on Sept. 5, 2014.")
    False
    """
    vocabulary = words()
    stripped = line.strip()
    markers = "|".join(re.escape(marker) for marker in sorted(vocabulary.caption_markers))
    if re.match(rf"[\W_]*(?:{markers})\s*[-–—:]", stripped) or CAPTION_CREDIT.search(stripped):
        return True
    at = trailing_date(stripped)
    if at is None:
        return False
    quotes = vocabulary.closing_quotes | vocabulary.straight_quotes
    before = stripped[:at].rstrip()
    while before and before[-1] in quotes:
        before = before[:-1].rstrip()
    if before.endswith(","):
        return True
    last = before.rsplit(maxsplit=1)[-1] if before else ""
    return last[:1].isupper() and last.lower() not in vocabulary.date_governors


class LineBreakSentencizer:
    """Start a sentence at every token that follows a line break."""

    def __call__(self, doc: Doc) -> Doc:
        previous: Token | None = None  # the token before (each Token is built once)
        for token in doc:
            if previous is None:
                pass  # the first token starts the Doc's first sentence anyway
            elif "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
                token.is_sent_start = True
            elif token.is_space and "\n" in token.text:
                token.is_sent_start = False
            previous = token
        return doc


@Language.factory("geokg_segments")
def make_line_break_sentencizer(nlp: Language, name: str) -> LineBreakSentencizer:
    """Factory of the ``geokg_segments`` component (runs before the parser)."""
    return LineBreakSentencizer()


# Tokens after a closing quote in which ", X said" / ", said X" is looked for.
ATTRIBUTION_REACH = 30


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """(opening, closing) token indices of the quotations of ``doc``; curly quotes pair by
    direction, straight ones alternate within a paragraph (an unclosed quote ends there)."""
    spans: list[tuple[int, int]] = []
    opening: int | None = None
    vocabulary = words()
    opening_quotes, closing_quotes = vocabulary.opening_quotes, vocabulary.closing_quotes
    straight_quotes = vocabulary.straight_quotes
    previous_space = ""  # the whitespace after the token before (each Token built once)
    for token in doc:
        text = token.text
        if "\n" in text or "\n\n" in previous_space:
            opening = None  # quotes do not run across paragraphs here
        if text in opening_quotes or (text in straight_quotes and opening is None):
            opening = token.i
        elif (text in closing_quotes or text in straight_quotes) and opening is not None:
            spans.append((opening, token.i))
            opening = None
        previous_space = token.whitespace_
    return spans


def quote_speakers(doc: Doc, report_verbs: frozenset[str]) -> dict[int, Token]:
    """Speaker token of every token inside a quotation ('“... . ...,” he added', 'X said:
    “... . ...”'): the subject of the reporting verb right after (or before) the quotation,
    keyed by token index. Lets sentences of a multi-sentence quote, which the parser does
    not link to the reporting verb, be attributed."""
    speakers: dict[int, Token] = {}
    for opening, closing in quote_spans(doc):
        speaker = _attribution_after(doc, closing, report_verbs)
        if speaker is None:
            speaker = _attribution_before(doc, opening, report_verbs)
        if speaker is not None:
            speakers.update((i, speaker) for i in range(opening + 1, closing))
    return speakers


def _attribution_after(doc: Doc, closing: int, report_verbs: frozenset[str]) -> Token | None:
    for token in doc[closing + 1 : closing + 1 + ATTRIBUTION_REACH]:
        if token.is_sent_start and token.i > closing + 1:
            break
        if token.text in words().opening_quotes:
            break
        if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in report_verbs:
            return _subject(token)
    return None


def _attribution_before(doc: Doc, opening: int, report_verbs: frozenset[str]) -> Token | None:
    """'X said: “...”' -- the reporting verb ends right before the quotation."""
    previous = doc[max(0, opening - 2) : opening]
    if not any(t.text in {":", ","} for t in previous):
        return None
    sentence = doc[opening - 1].sent if opening > 0 else None
    if sentence is None:
        return None
    for token in reversed(list(doc[sentence.start : opening])):
        if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in report_verbs:
            return _subject(token)
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    return None
