"""Document regions: body text, captions, and boilerplate that must yield no facts.

``geokg_segments`` runs before the parser and starts a new sentence after every line break,
so that headlines, bylines and captions never merge with the following paragraph (the parser
respects preset sentence starts). :func:`region_of` then classifies each sentence:

* ``boilerplate``: site furniture (registration, cookies, newsletters, "refresh the page",
  "contributed to this report", "Related video:"), no facts;
* ``byline``: author names, datelines and timestamps (short lines with no verb), no facts;
* ``caption``: photo captions ending with a credit in parentheses ("(Getty Images)",
  "(AP Photo/Jae C. Hong)", "(Reuters)") or starting with "Photo:", facts
  with lower confidence (captions describe a picture, often taken long before);
* ``body``: everything else.
"""

from __future__ import annotations

import re
from enum import StrEnum

from spacy.language import Language
from spacy.tokens import Doc, Span

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


def region_of(sentence: Span) -> Region:
    """Classify one sentence (see the module docstring)."""
    text = sentence.text.strip()
    if not text or BOILERPLATE.search(text):
        return Region.BOILERPLATE
    if CAPTION_CREDIT.search(text) or CAPTION_PREFIX.search(text):
        return Region.CAPTION
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in sentence)
    if DATELINE.search(text) and len(sentence) <= 12:
        return Region.BYLINE
    if not has_verb and len(sentence) <= 8:
        return Region.BYLINE
    return Region.BODY


class LineBreakSentencizer:
    """Start a sentence at every token that follows a line break."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
                token.is_sent_start = True
            elif token.is_space and "\n" in token.text:
                token.is_sent_start = False
        return doc


@Language.factory("geokg_segments")
def make_line_break_sentencizer(nlp: Language, name: str) -> LineBreakSentencizer:
    """Factory of the ``geokg_segments`` component (runs before the parser)."""
    return LineBreakSentencizer()
