"""The training side of the front-end contract: phonemes come from the TypeScript front end itself
(inference/frontend), so what the model learns is exactly what the engine feeds it."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLI = ["npx", "--no-install", "tsx", str(REPO / "inference/frontend/phonemizeCli.ts")]


def symbols() -> list[str]:
    code = 'import { SYMBOLS } from "./inference/frontend/symbols.ts"; console.log(JSON.stringify(SYMBOLS))'
    out = subprocess.run(["npx", "--no-install", "tsx", "-e", code], check=True, capture_output=True, text=True,
                         cwd=REPO).stdout
    return json.loads(out)


def phonemize(items: list[dict]) -> dict[str, dict]:
    """items [{id, text}] → {id: {symbols, ids} | {error}} in one node process."""
    payload = "".join(json.dumps({"id": it["id"], "text": it["text"]}) + "\n" for it in items)
    out = subprocess.run(CLI, input=payload, check=True, capture_output=True, text=True, cwd=REPO).stdout
    return {r["id"]: r for r in map(json.loads, out.splitlines()) if r}
