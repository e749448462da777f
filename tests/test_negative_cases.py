"""A table of general negative cases: facts that must NOT be extracted (issue 10).

Each row is one news-style sentence written for this table (not taken from any evaluation
set), the facts that must not appear and, where relevant, the one that must. The rows cover
the kinds of false fact seen on real news: lifted or suspended sanctions and tariffs (08,
never 16), acts "not ruled out" (no rejection), the content of a demand or of a "must"
(never asserted), welcomed statements (not hosting), evacuating the wounded (not a
withdrawal), "X's ally" (not X), "West African" (not the West), another body's "Peace and
Security Council" (not the UN's), future or negation leaking into the next clause,
hypotheticals, remarks told to someone (no statement, 01), sports stories and an object
pronoun taken for its own clause's subject.

A key is ``"S RR O"`` (subject, CAMEO root, object). A forbidden key without a polarity
forbids the fact affirmed or negated; ``"S RR O NEG"`` forbids only the negated one. A
required key is affirmed. Rows another area fixes are marked ``xfail(strict=True)`` with the
owner: they turn the strict xfail red when the fix lands, so the mark must then go.
"""

from __future__ import annotations

from typing import Any

import pytest

from geokg.extract import Extractor
from geokg.testing import fact_keys

Key = tuple[str, str, str, bool]


def _owed(owner: str, why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"{owner}: {why}")


# (sentence, forbidden keys, required key or None)
CASES: list[Any] = [
    # Lifted, eased or suspended sanctions and tariffs: an easing (08), never a sanction (16).
    ("The European Union lifted its sanctions on Belarus on Tuesday.", ("eu 16 BLR",), "eu 08 BLR"),
    ("Washington eased tariffs on Mexican steel last week.", ("USA 16 MEX",), "USA 08 MEX"),
    (
        "Canada suspended its sanctions against Venezuela for six months.",
        ("CAN 16 VEN",),
        None,
    ),
    ("Japan will lift export controls on South Korea next month.", ("JPN 16 KOR",), None),
    # "Did not rule out": no rejection (12); a hostile act left open is at most a threat.
    (
        "Greece has not ruled out talks with Turkey.",
        ("GRC 12 TUR",),
        None,
    ),
    (
        "Uganda has not ruled out sending troops to South Sudan.",
        ("UGA 12 SSD",),
        None,
    ),
    (
        "Beijing refused to rule out the use of force against Taiwan.",
        ("CHN 12 TWN", "CHN 19 TWN"),
        None,
    ),
    ("Turkey did not rule out military action against Syria.", ("TUR 12 SYR", "TUR 19 SYR"), None),
    ("India ruled out talks with Pakistan.", ("IND 04 PAK",), "IND 12 PAK"),
    # The content of a demand, an appeal or a "must" is not a fact.
    (
        "China demanded that Japan impose sanctions on North Korea.",
        ("JPN 16 PRK",),
        "CHN 10 JPN",
    ),
    (
        "Egypt said Israel must withdraw its troops from Gaza.",
        ("ISR 08 PSE",),
        "EGY 10 ISR",
    ),
    (
        "France called on Morocco to hold talks with Algeria.",
        ("FRA 04 DZA", "MAR 04 DZA"),
        "FRA 02 MAR",
    ),
    ("Germany urged Poland to expel Russian diplomats.", ("POL 16 RUS",), "DEU 02 POL"),
    (
        "Kenya insisted that Somalia should halt attacks on Ethiopian troops.",
        ("SOM 18 ETH", "SOM 19 ETH", "SOM 08 ETH"),
        None,
    ),
    (
        "The United States asked India to stop buying Russian oil.",
        ("IND 16 RUS", "IND 06 RUS"),
        "USA 02 IND",
    ),
    # Welcoming a statement or an announcement is praise, not hosting a visit (04).
    ("Nigeria welcomed the statement by Ghana on the border dispute.", ("NGA 04 GHA",), None),
    ("The United States welcomed Qatar's statement on the hostages.", ("USA 04 QAT",), None),
    ("India welcomed Japan's announcement of new investment.", ("IND 04 JPN",), None),
    # Evacuating the wounded is no withdrawal (08).
    ("Turkey evacuated wounded Syrian civilians from Aleppo.", ("TUR 08 SYR",), None),
    ("Jordan evacuated the wounded from the Syrian border town.", ("JOR 08 SYR",), None),
    # ... while evacuating troops from a place is a withdrawal (08), and welcoming a visitor
    # hosts it (04).
    ("Turkey evacuated its troops from the Syrian town of Kobani.", ("TUR 18 SYR",), "TUR 08 SYR"),
    ("Brazil welcomed the Chinese president on Monday.", ("BRA 05 CHN",), "BRA 04 CHN"),
    # "X's ally Y" is Y, not X.
    pytest.param(
        "Iran's ally Hezbollah fired rockets at Israel.",
        ("IRN 19 ISR", "IRN 18 ISR"),
        None,
    ),
    pytest.param(
        "Russia's ally Belarus criticised Poland on Monday.",
        ("RUS 11 POL",),
        None,
    ),
    # "West African" is not the West; another body's Peace and Security Council is not the UN.
    (
        "West African leaders condemned the coup in Niger.",
        ("west 11 NER",),
        None,
    ),
    ("The West African bloc ECOWAS imposed sanctions on Mali.", ("west 16 MLI",), None),
    (
        "The African Union's Peace and Security Council suspended Sudan.",
        ("un 16 SDN", "unsc 16 SDN"),
        None,
    ),
    # Future and negation do not leak from one clause into the next.
    (
        "Iran did not attend the talks, but Iraq met Saudi officials on Monday.",
        ("IRQ 04 SAU NEG",),
        "IRQ 04 SAU",
    ),
    (
        "Russia will host the summit in June, and Ukraine shelled Russian border towns on Sunday.",
        ("UKR 13 RUS",),
        "UKR 19 RUS",
    ),
    (
        "Algeria will not send troops to Mali, but it welcomed the French withdrawal.",
        ("DZA 12 FRA",),
        None,
    ),
    (
        "Pakistan said it will not attend the summit, and India accused Pakistan of "
        "sheltering militants.",
        ("IND 11 PAK NEG",),
        "IND 11 PAK",
    ),
    ("Egypt will not mediate, officials said, after Israel struck Gaza.", ("ISR 13 PSE",), None),
    # Hypotheticals and possibilities are not acts.
    (
        "A war between India and Pakistan would be catastrophic, experts said.",
        ("IND 13 PAK", "IND 19 PAK"),
        None,
    ),
    ("Analysts asked what would happen if China attacked Taiwan.", ("CHN 19 TWN",), None),
    ("If Russia attacked Estonia, NATO would be obliged to respond.", ("RUS 19 EST",), None),
    (
        "Washington could impose further sanctions on Syria, officials said.",
        ("USA 16 SYR",),
        "USA 13 SYR",
    ),
    (
        "Serbia may recall its ambassador from Croatia, officials said.",
        ("SRB 16 HRV",),
        None,
    ),
    ("Britain has no plans to send troops to Ukraine.", ("GBR 07 UKR", "GBR 15 UKR"), None),
    # Remarks told to someone are no statement (01); a news outlet is never a recipient.
    (
        "Putin told the French president that Russia would not back down.",
        ("RUS 01 FRA",),
        None,
    ),
    (
        "The Kenyan foreign minister told VOA that Somalia had violated the deal.",
        ("KEN 01 USA",),
        None,
    ),
    # Military strikes are no labour strikes: "launched" cues an attack, not a walkout.
    (
        "Israel launched air strikes on Iranian air defence sites near Isfahan.",
        ("ISR 14 IRN",),
        "ISR 19 IRN",
    ),
    # Sports stories: a match won is no attack.
    (
        "Brazil beat Argentina 2-1 in the World Cup qualifier on Tuesday.",
        ("BRA 18 ARG", "BRA 19 ARG"),
        None,
    ),
    ("France defeated England in the Six Nations match.", ("FRA 19 GBR", "FRA 18 GBR"), None),
    # An object pronoun is never its own clause's subject (principle B): "it" is Eritrea.
    (
        "The Security Council imposed sanctions on Eritrea on Friday, accusing it of arming "
        "rebels in Somalia.",
        ("unsc 07 SOM",),
        "ERI 07 SOM",
    ),
]


def _key(text: str) -> tuple[str, str, str, bool | None]:
    parts = text.split()
    negated: bool | None = True if parts[3:] == ["NEG"] else None
    return parts[0], parts[1], parts[2], negated


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_the_table_is_of_the_promised_size() -> None:
    assert len(CASES) >= 20  # the table only grows: a new kind of false fact gets its row
    texts = [getattr(case, "values", case)[0] for case in CASES]
    assert len(set(texts)) == len(texts)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "forbidden", "required"), CASES)
def test_negative_case(
    extractor: Extractor, text: str, forbidden: tuple[str, ...], required: str | None
) -> None:
    found = fact_keys(extractor.extract_text(text))
    for entry in forbidden:
        subject, root, obj, negated = _key(entry)
        hits = [k for k in found if k[:3] == (subject, root, obj)]
        if negated is not None:
            hits = [k for k in hits if k[3] == negated]
        assert not hits, f"{entry} must not be extracted from {text!r}: {sorted(found)}"
    if required is not None:
        subject, root, obj, _ = _key(required)
        assert (subject, root, obj, False) in found, f"{required} missing: {sorted(found)}"
