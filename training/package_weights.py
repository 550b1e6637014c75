"""Read a model package's FP32 ONNX weights back into the torch models.

The committed package is the one artefact that survives a lost machine, so it doubles as a warm start:
`train_acoustic.py --init-from cache_hub/default` continues training from it, and
`export.py --from-package DIR` re-exports it with the current graph code (e.g. a faster op rewrite).

Parameters keep their torch names in the graphs, except those the exporter folded (a layer norm's
gamma.view(1, C, 1) becomes `onnx::Mul_123`). Those are matched by position: a fresh export of the same
modules folds the same parameters in the same order of first use, and gives each a value we can trace
back to its parameter. `load_package` then re-exports what it loaded and checks every weight against
the package, so a silent mismatch cannot slip through.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import numpy_helper

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from training.config import ModelConfig
from training.models.acoustic_model import AcousticModel
from training.models.vocoder import Vocoder

PARTS = ("encoder", "decoder", "emotion", "vocoder")


def _modules(part: str, acoustic: AcousticModel, vocoder: Vocoder) -> tuple[torch.nn.Module, str]:
    """graph part → (the module whose state it holds, prefix of parameter names inside the graph)."""
    if part == "vocoder":
        return vocoder, ""
    if part == "emotion":
        return acoustic.emotion, ""
    return acoustic, "model."


def _weights(model: onnx.ModelProto, named: set[str]) -> tuple[dict[str, np.ndarray], list[np.ndarray]]:
    """→ (named parameters by graph name, the other non-scalar initializers in order of first use)."""
    inits = {i.name: i for i in model.graph.initializer}
    folded: list[str] = []
    for node in model.graph.node:
        for name in node.input:
            if name in inits and name not in named and name not in folded and np.prod(inits[name].dims) > 1:
                folded.append(name)
    # constants of the graph code rather than weights: layer norm's 1/C averaging kernel
    folded = [n for n in folded if not np.all(numpy_helper.to_array(inits[n]) == np.float32(1.0 / np.prod(inits[n].dims)))]
    named_arrays = {n: numpy_helper.to_array(inits[n]) for n in named if n in inits}
    return named_arrays, [numpy_helper.to_array(inits[n]) for n in folded]


def _load_part(part: str, old: onnx.ModelProto, fresh: onnx.ModelProto, module: torch.nn.Module, prefix: str) -> None:
    state = module.state_dict()
    named = {prefix + k for k in state}
    old_named, old_folded = _weights(old, named)
    _, fresh_folded = _weights(fresh, named)
    if len(old_folded) != len(fresh_folded):
        raise ValueError(f"{part}: package graph and current code fold different parameters")
    update = {k: torch.from_numpy(old_named[prefix + k].copy()).reshape(v.shape)
              for k, v in state.items() if prefix + k in old_named}
    for f_arr, o_arr in zip(fresh_folded, old_folded):
        if f_arr.shape != o_arr.shape:
            raise ValueError(f"{part}: folded initializer shapes differ ({f_arr.shape} vs {o_arr.shape})")
        # a folded parameter is reshaped (layer-norm gamma → [1, C, 1]) or transposed (Linear → MatMul)
        for key, value in state.items():
            if key in update or value.numel() != f_arr.size:
                continue
            v = value.numpy()
            if np.array_equal(v.reshape(-1), f_arr.reshape(-1)):
                update[key] = torch.from_numpy(o_arr.copy()).reshape(value.shape)
                break
            if v.ndim == 2 and f_arr.ndim == 2 and np.array_equal(v.T, f_arr):
                update[key] = torch.from_numpy(o_arr.T.copy())
                break
        else:
            raise ValueError(f"{part}: cannot trace a folded initializer of shape {f_arr.shape} to a parameter")
    module.load_state_dict({**state, **update})


def _check(package: Path, manifest: dict, acoustic: AcousticModel, vocoder: Vocoder, cfg: ModelConfig) -> None:
    """Re-export the loaded modules: every weight must equal the package's."""
    from training.export import export_graphs

    with tempfile.TemporaryDirectory() as tmp:
        export_graphs(acoustic, vocoder, cfg, Path(tmp))
        for part in PARTS:
            module, prefix = _modules(part, acoustic, vocoder)
            named = {prefix + k for k in module.state_dict()}
            old_named, old_folded = _weights(onnx.load(str(package / manifest["files"][part]["fp32"])), named)
            new_named, new_folded = _weights(onnx.load(str(Path(tmp) / f"{part}.onnx")), named)
            same = old_named.keys() == new_named.keys() and all(np.array_equal(old_named[k], new_named[k]) for k in old_named)
            same = same and len(old_folded) == len(new_folded) and all(
                np.array_equal(a, b) for a, b in zip(old_folded, new_folded))
            if not same:
                raise ValueError(f"{part}: reloaded weights do not reproduce the package")


def load_package(package: Path) -> tuple[AcousticModel, Vocoder, ModelConfig, dict]:
    """package dir (model.json + FP32 ONNX) → (acoustic, vocoder, config, manifest)."""
    from training.export import export_graphs
    from training.frontend import symbols

    manifest = json.loads((package / "model.json").read_text())
    cfg = ModelConfig.from_dict(manifest["training"]["config"])
    if manifest["frontend"]["symbols"] != symbols():
        raise ValueError("the package's symbols differ from the front end's table: cannot continue from it")
    acoustic, vocoder = AcousticModel(cfg.acoustic, len(symbols())), Vocoder(cfg.vocoder)
    torch.manual_seed(0)
    with torch.no_grad():  # distinct values, so each folded initializer traces back to one parameter
        for p in list(acoustic.parameters()) + list(vocoder.parameters()):
            p.copy_(torch.randn_like(p))
    with tempfile.TemporaryDirectory() as tmp:
        export_graphs(acoustic, vocoder, cfg, Path(tmp))
        fresh = {part: onnx.load(str(Path(tmp) / f"{part}.onnx")) for part in PARTS}
    for part in PARTS:
        module, prefix = _modules(part, acoustic, vocoder)
        _load_part(part, onnx.load(str(package / manifest["files"][part]["fp32"])), fresh[part], module, prefix)
    _check(package, manifest, acoustic, vocoder, cfg)
    return acoustic, vocoder, cfg, manifest
