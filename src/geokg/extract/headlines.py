"""Title-case lines are parsed in sentence case: "Iran Says It Will Retaliate Against Israel".

The parser reads a capitalised word as a proper noun: in a headline written in title case
("US Warns Russia Over Crimea Referendum", "UN Security Council Condemns Deadly Syrian
Attack on Turkey") the verb becomes part of a name and the sentence a noun phrase, so the
facts it states are lost or garbled.

Rule (stated once): a line of the text is in *title case* when it has at least
:data:`MIN_WORDS` words and every word of at least :data:`MIN_CASED_LETTERS` letters that
names nobody starts with a capital, and there are at least :data:`MIN_RECASED` such words.
Such a line is given to the parser in sentence case: every capitalised word outside an actor
name the gazetteer matches (``geokg_actors``, case-insensitively) is lowercased, except the
line's first word and all-capital words ("US", "NATO"). The text keeps its length, so every
offset is that of the original; a fact's evidence is cut from the original text. Lines in
sentence case (body text, captions: "Karzai leaves after the last day of the Loya Jirga"),
short lines (bylines) and lines of capitals are left as they are.
"""

from __future__ import annotations

import re

from spacy.language import Language

from geokg.extract.actors import SPAN_KEY

MIN_WORDS = 4
MIN_CASED_LETTERS = 4
MIN_RECASED = 2

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _title_case(line: str) -> bool:
    """A cheap test on the raw line (before any tokenising): enough words, and every long
    word capitalised. Names are checked afterwards, on the tokens."""
    found = _WORD.findall(line)
    if len(found) < MIN_WORDS:
        return False
    long_words = [w for w in found if len(w) >= MIN_CASED_LETTERS]
    return len(long_words) >= MIN_RECASED and all(w[0].isupper() for w in long_words)


def recase_line(nlp: Language, line: str) -> str:
    """``line`` in sentence case if it is in title case (see the module docstring), else
    ``line`` unchanged; the result has the same length."""
    if not _title_case(line):
        return line
    doc = nlp.make_doc(line)
    for token in doc:
        token.is_sent_start = token.i == 0  # one sentence: the matcher reads sentences
    if "geokg_actors" in nlp.pipe_names:
        doc = nlp.get_pipe("geokg_actors")(doc)
    named = {token.i for span in doc.spans.get(SPAN_KEY, ()) for token in span}
    words = [t for t in doc if t.is_alpha]
    unnamed = [t for t in words if t.i not in named and len(t.text) >= MIN_CASED_LETTERS]
    if len(unnamed) < MIN_RECASED or not all(t.is_title for t in unnamed):
        return line
    first = words[0].i if words else -1
    chars = list(line)
    for token in words:
        if token.i in named or token.i == first or not token.is_title:
            continue
        chars[token.idx] = chars[token.idx].lower()
    return "".join(chars)


def recase_headlines(nlp: Language, text: str) -> str:
    """``text`` with each of its title-case lines in sentence case (same length)."""
    if not any(_title_case(line) for line in text.split("\n")):
        return text
    return "\n".join(recase_line(nlp, line) for line in text.split("\n"))
