"""Training sentences from WordNet 3.0 (Debian `wordnet-base`, WordNet licence: free use with notice).

WordNet's usage examples and glosses give tens of thousands of short, everyday English sentences with a
wide vocabulary, which matters more for an unseen-sentence voice than more steps on few sentences.
Held-out evaluation sentences (`EVAL_SENTENCES`, Harvard sentences, public domain) never enter the corpus.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

WORDNET_DIR = Path("/usr/share/wordnet")

# IEEE Harvard sentences, lists 1 and 2 (IEEE Recommended Practice for Speech Quality Measurements, 1969).
EVAL_SENTENCES = [
    "The birch canoe slid on the smooth planks.",
    "Glue the sheet to the dark blue background.",
    "It's easy to tell the depth of a well.",
    "These days a chicken leg is a rare dish.",
    "Rice is often served in round bowls.",
    "The juice of lemons makes fine punch.",
    "The box was thrown beside the parked truck.",
    "The hogs were fed chopped corn and garbage.",
    "Four hours of steady work faced us.",
    "A large size in stockings is hard to sell.",
    "The boy was there when the sun rose.",
    "A rod is used to catch pink salmon.",
    "The source of the huge river is the clear spring.",
    "Kick the ball straight and follow through.",
    "Help the woman get back to her feet.",
    "A pot of tea helps to pass the evening.",
    "Smoky fires lack flame and heat.",
    "The soft cushion broke the man's fall.",
    "The salt breeze came across from the sea.",
    "The girl at the booth sold fifty bonds.",
    # everyday sentences written for this project (same licence as the repo)
    "Please call me when you get home tonight.",
    "The train to the city leaves in ten minutes.",
    "I would like a cup of coffee with milk.",
    "We are going to the beach this weekend.",
    "Can you help me carry these boxes upstairs?",
    "The meeting has been moved to next Tuesday.",
    "She bought a new bicycle for her daughter.",
    "It is going to rain later this afternoon.",
    "Turn left at the next traffic light.",
    "My brother works at a hospital in the city.",
    "The children are playing in the garden.",
    "Do you know where I left my keys?",
    "The restaurant closes at nine in the evening.",
    "He reads the newspaper every morning.",
    "Thank you very much for your help today.",
    "The store is out of fresh bread again.",
    "Our flight was delayed by two hours.",
    "Please turn off the lights when you leave.",
    "The doctor will see you in a few minutes.",
    "I need to finish this report before lunch.",
    "The weather is much warmer than last week.",
    "They watched a movie together last night.",
    "Could you send me the file by email?",
    "The kitchen window was left open all night.",
    "We planted tomatoes and beans in the spring.",
    "The bus stop is across the street from the bank.",
    "She plays the piano better than anyone I know.",
    "Let me know if you have any questions.",
    "The price of gas went up again this month.",
    "He forgot to bring his umbrella to work.",
]

_ALLOWED = re.compile(r"^[A-Za-z][A-Za-z ,.'?!;:-]*$")


def _clean(text: str) -> str | None:
    text = re.sub(r"\s+", " ", text.strip().strip('"').strip())
    text = text.replace("--", ", ").replace(" ,", ",")
    if not _ALLOWED.match(text) or "''" in text or " '" in text or "." in text[:-1]:
        return None
    words = text.split()
    if not 4 <= len(words) <= 18 or any(len(w) > 16 for w in words):
        return None
    text = text[0].upper() + text[1:]
    if text[-1] not in ".?!":
        text = text.rstrip(",;:-") + "."
    return text


def wordnet_sentences() -> list[str]:
    """Usage examples and glosses of every synset, cleaned and de-duplicated, in a stable order."""
    seen: set[str] = set()
    evals = {s.lower() for s in EVAL_SENTENCES}
    out: list[str] = []
    for name in ("data.verb", "data.adj", "data.adv", "data.noun"):
        for line in (WORDNET_DIR / name).read_text(encoding="latin-1").splitlines():
            if line.startswith("  ") or "|" not in line:
                continue  # licence header
            gloss = line.split("|", 1)[1]
            parts = re.findall(r'"([^"]+)"', gloss) + [p for p in gloss.split(";") if '"' not in p]
            for part in parts:
                text = _clean(part)
                if text and text.lower() not in seen and text.lower() not in evals:
                    seen.add(text.lower())
                    out.append(text)
    return out


def pick(n: int, seed: int = 1234) -> list[str]:
    """n training sentences, examples (full sentences) preferred over glosses, reproducibly shuffled."""
    pool = wordnet_sentences()
    rng = random.Random(seed)
    rng.shuffle(pool)
    return pool[:n]


if __name__ == "__main__":
    pool = wordnet_sentences()
    print(len(pool))
    for s in pick(15):
        print(s)
