"""The front-end contract, checked: the engine's front end, run now over the corpus transcripts, must give
the phoneme ids the model was trained on (prepare_acoustic.py stored them) for at least 99% of utterances.

  python3 training/check_frontend_contract.py --data DIR/acoustic.pt [--min 0.99]

Training takes its phonemes from the same TypeScript front end, so a mismatch means the front end changed
after the data was prepared: the model would then be fed sequences it never saw. Exit status 1 below --min.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from training.corpus.synthesize_mandarin import phonemize  # the front end with both languages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--min", type=float, default=0.99)
    args = ap.parse_args()
    items = torch.load(args.data)["items"]
    now = phonemize([{"id": it["id"], "text": it["text"]} for it in items])
    differ = [it for it in items if now.get(it["id"], {}).get("ids") != it["phonemes"].tolist()]
    share = 1 - len(differ) / max(1, len(items))
    print(f"front-end contract: {len(items) - len(differ)}/{len(items)} utterances identical ({100 * share:.2f}%)")
    for it in differ[:5]:
        print(f"  differs: {it['id']} {it['text']!r}: {now.get(it['id'], {}).get('symbols') or now.get(it['id'])}")
    if share < args.min:
        sys.exit(f"front-end contract: below {100 * args.min:.0f}%")


if __name__ == "__main__":
    main()
