"""The checker's rules in English (the interface: ``languages.Language``).

Passive voice (FALC rule 9): a form of "be", at most 2 small adverbs, then a past
participle ("is sent", "it's sent"); "logged", "connected"... name a state unless "by"
names the doer. Readability: the original Flesch formula (206.835 - 1.015 x words per
sentence - 84.6 x syllables per word), threshold 50. textstat counts English syllables with
NLTK's CMU dictionary, which it downloads from GitHub at first use; the project may reach
only PyPI, so syllables are counted here the way textstat does for a word missing from that
dictionary (the Pyphen hyphenation dictionary, a textstat dependency).
"""

from __future__ import annotations

import functools
import re

import pyphen

from ..text import plain, split_sentences, words
from . import Language

_BE = {"am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "'m"}
_EN_ADVERBS = {"also", "already", "now", "then", "automatically", "not", "never", "still", "just", "often", "only"}
_EN_IRREGULAR = {
    "sent", "made", "done", "given", "taken", "shown", "written", "seen", "kept", "known", "chosen", "found",
    "told", "paid", "built", "brought", "bought", "held", "left", "lost", "put", "set", "read", "hidden",
    "forgotten", "got", "gotten", "sold", "sent", "shut", "spent", "stolen", "thrown", "won", "meant",
}
_EN_STATE_ADJECTIVES = {"logged", "connected", "protected", "closed", "interested", "tired", "bored", "allowed"}


def english_passive(sentence: str) -> str | None:
    """The passive group of an English sentence ("is sent"), or None."""
    # A contraction is two words: "it's sent" is "it" + "'s" + "sent" ("'s" may be a possessive,
    # but a possessive is followed by a noun, never by a participle).
    found = re.findall(r"[a-z]+|'[a-z]+", plain(sentence).lower())
    for index, word in enumerate(found):
        if word not in _BE:
            continue
        after = index + 1
        while after < len(found) and found[after] in _EN_ADVERBS and after - index <= 2:
            after += 1
        if after >= len(found):
            continue
        participle = found[after]
        if participle in _EN_STATE_ADJECTIVES:
            if after + 1 < len(found) and found[after + 1] == "by":  # the doer is named: a passive
                return " ".join(found[index : after + 2])
            continue
        if (participle.endswith("ed") and len(participle) > 4) or participle in _EN_IRREGULAR:
            return " ".join(found[index : after + 1])
    return None


@functools.cache
def _hyphenation() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def reading_ease(text: str) -> float:
    found = [w.strip("'’.-") for w in words(text)]
    found = [w for w in found if w]
    if not found:
        return 100.0
    sentences = max(1, len(split_sentences(text)))
    syllables = sum(len(_hyphenation().positions(w.lower())) + 1 for w in found)
    return 206.835 - 1.015 * (len(found) / sentences) - 84.6 * (syllables / len(found))


RULES = Language(
    code="en",
    conjunctions=re.compile(r"\b(?:and|but|or|so)\b", re.IGNORECASE),
    last_of_list=re.compile(r"\s(?:and|or)\s"),
    # "one" is an article too; "second" is left out for the same reason.
    number_words=re.compile(
        r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
        r"sixteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|percent)\b",
        re.IGNORECASE,
    ),
    action=re.compile(r"^I (?:click|tick|type|tap|press|write|scan|open)\b"),
    reading_ease=reading_ease,
    min_reading_ease=50.0,
    passive=english_passive,
    # "with no" translates "sans" ("with no photo"), which is not a negative sentence.
    negative=re.compile(
        r"\bnot\b|n't\b|\bnever\b|(?<!\bwith )\bno\b|\bnothing\b|\bnobody\b|\bnone\b|\bcannot\b", re.IGNORECASE
    ),
    press=re.compile(r"^I (?:click|tick|tap|press|touch)\b"),
    control=re.compile(r"\bthe (?P<look>button|link|box)\b"),
    control_words={"button": "bouton", "link": "lien", "box": "case"},
    gesture=re.compile(r"\b(?:I|and|then)\s+(?:click|tick|untick|write|type|tap|touch|press|fill in|fill|send|scan)\b"),
    writes=re.compile(r"^I (?:write|type|fill in|fill|enter)\b"),
    fields=re.compile(r"\b(?:identifier|password|code|address|number|date of birth)\b", re.IGNORECASE),
    several=re.compile(r"\b(?:these|the|\d+) (?:pages|fields|boxes)\b", re.IGNORECASE),
    press_anywhere=re.compile(r"\bI (?:click|tick|tap|press|touch)\b"),
    means=re.compile(r"^(?P<word>[^.:!?]{1,60}?) means\s*:?\s*(?P<meaning>.+)$"),
    defines=re.compile(r"^(?:A |An |The )?(?P<word>[^.:!?]{1,40}?) (?:is|are) (?:a|an|the)\b"),
    endings=(("ies", ("y",)), ("es", ("e", "")), ("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e"))),
)
