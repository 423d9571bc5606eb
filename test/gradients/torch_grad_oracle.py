"""Independent gradient oracle: evaluates a batch of operator calls with PyTorch autograd in float64 and returns
the gradient of <op(inputs), gradOutput> with respect to every tensor input (torch.autograd.grad).

Reads a JSON list of {op, inputs, options, gradOutput} on stdin; writes a JSON list of {grads: {name: {shape,
data}}} or {error} on stdout. Non-finite numbers travel as the strings "nan", "inf", "-inf". The forward mapping
is the PyTorch adapter's (python/adapters/torch_adapter.py). Runs under /usr/bin/python3 with python3-torch (1.13).
"""
import json
import math
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python", "adapters"))
from torch_adapter import forward_call, to_torch  # noqa: E402


def decoded(t):
    """The test side sends non-finite values as "nan", "inf", "-inf": float() reads them."""
    return {"shape": t["shape"], "data": [float(v) for v in t["data"]]}


def run(call):
    named = {k: to_torch(decoded(v), True) for k, v in call["inputs"].items() if v is not None}
    y = forward_call(call["op"], named, call.get("options", {}))
    g = to_torch(decoded(call["gradOutput"]))
    if list(g.shape) != list(y.shape):
        raise ValueError(f"gradOutput shape {list(g.shape)} != output shape {list(y.shape)}")
    names = list(named)
    grads = torch.autograd.grad(y, [named[n] for n in names], g, allow_unused=True)
    out = {}
    for n, gr in zip(names, grads):
        gr = torch.zeros_like(named[n]) if gr is None else gr
        out[n] = {"shape": list(gr.shape), "data": [v if math.isfinite(v) else str(v) for v in gr.reshape(-1).tolist()]}
    return {"grads": out}


def main():
    out = []
    for call in json.load(sys.stdin):
        try:
            out.append(run(call))
        except Exception as e:  # per call: the caller decides whether an error was expected
            out.append({"error": f"{type(e).__name__}: {e}"})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
