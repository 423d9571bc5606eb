"""Independent oracle: evaluates a batch of operator calls with PyTorch (float64) for convkit's tests.

Reads a JSON list of {op, inputs, options} on stdin and writes a JSON list of {shape, data} or {error} on
stdout. The contract-to-torch mapping is the PyTorch adapter's (python/adapters/torch_adapter.py), so the tests
exercise the same mapping the adapter ships. Runs under /usr/bin/python3 with Debian's python3-torch.
"""
import json
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python", "adapters"))
from torch_adapter import forward_call, to_torch  # noqa: E402


def decoded(t):
    """The test side sends non-finite values as "nan", "inf", "-inf": float() reads them."""
    return {"shape": t["shape"], "data": [float(v) for v in t["data"]]}


def run(call):
    tensors = {k: to_torch(decoded(v)) for k, v in call["inputs"].items() if v is not None}
    y = forward_call(call["op"], tensors, call.get("options", {}))
    return {"shape": list(y.shape), "data": [v if math.isfinite(v) else str(v) for v in y.reshape(-1).tolist()]}


def main():
    out = []
    for call in json.load(sys.stdin):
        try:
            out.append(run(call))
        except Exception as e:  # reported per call: the caller decides whether an error was expected
            out.append({"error": f"{type(e).__name__}: {e}"})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
