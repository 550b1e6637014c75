"""Export a trained voice (or a random-weight fixture) as a model package the engine loads.

  python3 training/export.py --acoustic CKPT --vocoder CKPT --out cache_hub/default
  python3 training/export.py --random-init --config tiny --out /tmp/fixture   # test fixture
  python3 training/export.py --from-package cache_hub/default --out DIR       # same weights, current graphs

Writes encoder/decoder/vocoder/emotion ONNX graphs in FP32 and FP16-weight variants plus model.json
(see cache_hub/README.md for the contract).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper, TensorProto

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from training.audio import AudioConfig
from training.config import CONFIGS, ModelConfig, config_of
from training.frontend import symbols as frontend_symbols
from training.models.acoustic_model import AcousticModel
from training.models.emotion_controller import N_EMOTIONS
from training.models.layers import sequence_mask
from training.models.vocoder import Vocoder
from training.package_weights import load_package

FRONTEND_NAME = "index-tts-web/phonemes@1"
EMOTIONS = ["happy", "angry", "sad", "afraid", "disgusted", "melancholic", "surprised", "calm"]
OPSET = 17


class EncoderGraph(torch.nn.Module):
    def __init__(self, model: AcousticModel):
        super().__init__()
        self.model = model

    def forward(self, phonemes, phoneme_lengths, speaker, style):
        mask = sequence_mask(phoneme_lengths, phonemes.shape[1])
        mu, logw, pitch = self.model.encoder(phonemes, mask, self.model.condition(speaker, style))
        return (mu, logw) if pitch is None else (mu, logw, pitch)


class DecoderGraph(torch.nn.Module):
    def __init__(self, model: AcousticModel):
        super().__init__()
        self.model = model

    def forward(self, x, t, mu, mask, speaker, style, pitch=None):
        cond = mu if pitch is None else torch.cat([mu, pitch], dim=1)
        return self.model.decoder(x, cond, mask, t, self.model.condition(speaker, style))


def _export(module, args, path: Path, inputs: list[str], outputs: list[str], axes: dict) -> None:
    module.eval()
    with torch.no_grad():
        torch.onnx.export(module, args, str(path), input_names=inputs, output_names=outputs,
                          dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(str(path)))


def to_fp16_weights(src: Path, dst: Path) -> None:
    """Store large float initializers as FP16 and Cast them back to FP32 at load: half the file,
    FP32 compute (FP16 arithmetic only pays on a GPU)."""
    model = onnx.load(str(src))
    graph = model.graph
    casts = []
    for init in graph.initializer:
        if init.data_type != TensorProto.FLOAT or np.prod(init.dims) < 64:
            continue
        arr = numpy_helper.to_array(init).astype(np.float16)
        name = init.name
        init.CopyFrom(numpy_helper.from_array(arr, name + "__fp16"))
        casts.append(helper.make_node("Cast", [name + "__fp16"], [name], to=TensorProto.FLOAT))
    nodes = casts + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export_graphs(acoustic: AcousticModel, vocoder: Vocoder, cfg: ModelConfig, out: Path) -> None:
    """The four FP32 graphs: emotion, encoder, decoder (one velocity evaluation), vocoder."""
    out.mkdir(parents=True, exist_ok=True)
    acoustic.eval(), vocoder.eval()
    style_dim = cfg.acoustic.style_dim
    b, t, f = 1, 12, 32
    _export(acoustic.emotion, (torch.zeros(b, N_EMOTIONS),), out / "emotion.onnx", ["emotion"], ["style"],
            {"emotion": {0: "B"}, "style": {0: "B"}})
    pitch = cfg.acoustic.pitch
    _export(EncoderGraph(acoustic),
            (torch.ones(b, t, dtype=torch.long), torch.full((b,), t, dtype=torch.long),
             torch.zeros(b, dtype=torch.long), torch.zeros(b, style_dim)),
            out / "encoder.onnx", ["phonemes", "phoneme_lengths", "speaker", "style"],
            ["mu", "log_durations"] + ["pitch"] * pitch,
            {"phonemes": {0: "B", 1: "T"}, "phoneme_lengths": {0: "B"}, "speaker": {0: "B"}, "style": {0: "B"},
             "mu": {0: "B", 2: "T"}, "log_durations": {0: "B", 1: "T"}, **({"pitch": {0: "B", 2: "T"}} if pitch else {})})
    _export(DecoderGraph(acoustic),
            (torch.randn(b, 80, f), torch.full((b,), 0.5), torch.randn(b, 80, f), torch.ones(b, 1, f),
             torch.zeros(b, dtype=torch.long), torch.zeros(b, style_dim), *([torch.randn(b, 1, f)] if pitch else [])),
            out / "decoder.onnx", ["x", "t", "mu", "mask", "speaker", "style"] + ["pitch"] * pitch, ["velocity"],
            {"x": {0: "B", 2: "F"}, "t": {0: "B"}, "mu": {0: "B", 2: "F"}, "mask": {0: "B", 2: "F"},
             "speaker": {0: "B"}, "style": {0: "B"}, "velocity": {0: "B", 2: "F"},
             **({"pitch": {0: "B", 2: "F"}} if pitch else {})})
    _export(vocoder, (torch.randn(b, 80, f),), out / "vocoder.onnx", ["mel"], ["audio"],
            {"mel": {0: "B", 2: "F"}, "audio": {0: "B", 1: "N"}})


def export_package(acoustic: AcousticModel, vocoder: Vocoder, cfg: ModelConfig, out: Path, *,
                   mel_mean: float, mel_std: float, symbols: list[str], meta: dict) -> None:
    export_graphs(acoustic, vocoder, cfg, out)
    style_dim = cfg.acoustic.style_dim
    files = {}
    for part in ("encoder", "decoder", "vocoder", "emotion"):
        to_fp16_weights(out / f"{part}.onnx", out / f"{part}.fp16.onnx")
        files[part] = {"fp32": f"{part}.onnx", "fp16": f"{part}.fp16.onnx"}
    with torch.no_grad():
        neutral = acoustic.emotion(torch.zeros(1, N_EMOTIONS))[0].tolist()

    audio = AudioConfig()
    manifest = {
        "format": "index-tts-web/model@1",
        "id": meta.get("id", out.name),
        "name": meta.get("name", "index-tts-web voice"),
        "version": meta.get("version", "0.0.0"),
        "license": meta.get("license", "Apache-2.0"),
        "provenance": meta.get("provenance", {}),
        "audio": {"sample_rate": audio.sample_rate, "n_fft": audio.n_fft, "hop_length": audio.hop_length,
                  "win_length": audio.win_length, "n_mels": audio.n_mels, "f_min": audio.f_min,
                  "f_max": audio.f_max, "mel_mean": mel_mean, "mel_std": mel_std},
        "frontend": {"name": FRONTEND_NAME, "languages": meta.get("languages", ["en"]), "symbols": symbols},
        "speakers": meta.get("speakers", [{"id": "slt", "name": "Serena (US English)", "index": 0, "languages": ["en"]}]),
        "emotions": {"names": EMOTIONS, "style_dim": style_dim, "neutral_style": [round(v, 6) for v in neutral]},
        "decoder": {"solver": "euler", "default_steps": 10, "min_steps": 2, "max_steps": 32,
                    "temperature": meta.get("temperature", 0.667), "frame_multiple": 4,
                    "prior_anchors": cfg.acoustic.prior_anchors, "pitch": cfg.acoustic.pitch},
        "files": files,
        "training": {"config": cfg.to_dict(), **meta.get("training", {})},
        "sha256": {name: sha256(out / name) for part in files.values() for name in part.values()},
    }
    (out / "model.json").write_text(json.dumps(manifest, indent=2) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--config", default="base", choices=sorted(CONFIGS))
    ap.add_argument("--random-init", action="store_true", help="random weights (test fixtures)")
    ap.add_argument("--from-package", type=Path, help="re-export a package's weights with the current graph code")
    ap.add_argument("--acoustic", type=Path, help="acoustic checkpoint (train_acoustic.py)")
    ap.add_argument("--vocoder", type=Path, help="vocoder checkpoint (train_vocoder.py)")
    ap.add_argument("--meta", type=Path, help="JSON with id/name/version/license/provenance")
    ap.add_argument("--weights", choices=["ema", "model"], default="ema",
                    help="the averaged weights (default) or the raw ones (early in training the average lags)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--languages", help="comma-separated: list only these of --meta's languages (and their "
                                        "speakers), e.g. while another language does not pass its checks yet")
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    syms = frontend_symbols()
    cfg = CONFIGS[args.config]
    acoustic, vocoder = AcousticModel(cfg.acoustic, len(syms)), Vocoder(cfg.vocoder)
    meta = json.loads(args.meta.read_text()) if args.meta else {}
    mel_mean, mel_std = -5.5, 2.1
    if args.from_package:
        acoustic, vocoder, cfg, old = load_package(args.from_package)
        mel_mean, mel_std = old["audio"]["mel_mean"], old["audio"]["mel_std"]
        meta = {k: old[k] for k in ("id", "name", "version", "license", "provenance", "speakers")} | meta
        meta.setdefault("languages", old["frontend"]["languages"])
        meta.setdefault("temperature", old["decoder"]["temperature"])
        meta.setdefault("training", {k: v for k, v in old["training"].items() if k != "config"})
    elif not args.random_init:
        if not (args.acoustic and args.vocoder):
            ap.error("--acoustic and --vocoder are required unless --random-init")
        a = torch.load(args.acoustic, map_location="cpu")
        v = torch.load(args.vocoder, map_location="cpu")
        a_cfg, v_cfg = config_of(a), config_of(v)
        cfg = ModelConfig(name=a_cfg.name, acoustic=a_cfg.acoustic, vocoder=v_cfg.vocoder)
        acoustic, vocoder = AcousticModel(cfg.acoustic, len(syms)), Vocoder(cfg.vocoder)
        acoustic.load_state_dict(a[args.weights])
        vocoder.load_state_dict(v[args.weights])
        mel_mean, mel_std = a["mel_mean"], a["mel_std"]
        meta.setdefault("training", {}).update({"acoustic_step": a["step"], "vocoder_step": v["step"]})
    else:
        meta.setdefault("id", args.out.name)
        meta.setdefault("name", f"random-weight {args.config} fixture")
        meta.setdefault("provenance", {"note": "random weights; for tests only"})
        with torch.no_grad():  # random durations could round to 0 frames: centre them on ~4 frames a token
            acoustic.encoder.duration.proj.bias.fill_(float(np.log1p(4.0)))
    if args.languages:
        keep = args.languages.split(",")
        if unknown := set(keep) - set(meta.get("languages", ["en"])):
            ap.error(f"--languages: not in the package's languages: {sorted(unknown)}")
        meta["languages"] = keep
        meta["speakers"] = [s for s in meta.get("speakers", []) if set(s["languages"]) <= set(keep)]
    export_package(acoustic, vocoder, cfg, args.out, mel_mean=mel_mean, mel_std=mel_std, symbols=syms, meta=meta)
    print(f"exported {args.out}")


if __name__ == "__main__":
    main()
