"""Independent oracle: evaluates a batch of operator calls with PyTorch (float64) for convkit's tests.

Reads a JSON list of {op, inputs, options} on stdin and writes a JSON list of {shape, data} or {error} on
stdout. Runs under /usr/bin/python3 with Debian's python3-torch.
"""
import json
import math
import sys

import torch
import torch.nn.functional as F


def tensor(t):
    return torch.tensor([float(v) for v in t["data"]], dtype=torch.float64).reshape(t["shape"])


def pair(v, default):
    v = default if v is None else v
    return tuple(v) if isinstance(v, list) else (v, v)


def run(call):
    op, inp, opt = call["op"], call["inputs"], call.get("options", {})
    if op == "conv2d":
        x, w = tensor(inp["input"]), tensor(inp["weight"])
        b = tensor(inp["bias"]) if inp.get("bias") else None
        pad = opt.get("padding", 0)
        mode = opt.get("paddingMode", "zeros")
        if isinstance(pad, dict):
            x = F.pad(x, (pad["left"], pad["right"], pad["top"], pad["bottom"]), mode="constant" if mode == "zeros" else mode)
            pad, mode = 0, "zeros"
        elif mode != "zeros" and pad not in ("valid", "same"):
            ph, pw = pair(pad, 0)
            x = F.pad(x, (pw, pw, ph, ph), mode=mode)
            pad = 0
        elif isinstance(pad, list):
            pad = tuple(pad)
        if mode != "zeros":
            conv = torch.nn.Conv2d(x.shape[1], w.shape[0], tuple(w.shape[2:]), stride=pair(opt.get("stride"), 1), padding=pad,
                                   dilation=pair(opt.get("dilation"), 1), groups=opt.get("groups", 1), bias=b is not None,
                                   padding_mode=mode, dtype=torch.float64)
            with torch.no_grad():
                conv.weight.copy_(w)
                if b is not None:
                    conv.bias.copy_(b)
                y = conv(x)
        else:
            y = F.conv2d(x, w, b, stride=pair(opt.get("stride"), 1), padding=pad, dilation=pair(opt.get("dilation"), 1), groups=opt.get("groups", 1))
    elif op == "convTranspose2d":
        x, w = tensor(inp["input"]), tensor(inp["weight"])
        b = tensor(inp["bias"]) if inp.get("bias") else None
        y = F.conv_transpose2d(x, w, b, stride=pair(opt.get("stride"), 1), padding=pair(opt.get("padding"), 0),
                               output_padding=pair(opt.get("outputPadding"), 0), groups=opt.get("groups", 1), dilation=pair(opt.get("dilation"), 1))
    elif op == "pad2d":
        p = opt["pads"]
        x = tensor(inp["input"])
        y = F.pad(x, (p["left"], p["right"], p["top"], p["bottom"]), mode=opt["mode"], value=opt.get("value", 0) if opt["mode"] == "constant" else None) \
            if opt["mode"] == "constant" else F.pad(x, (p["left"], p["right"], p["top"], p["bottom"]), mode=opt["mode"])
    elif op == "maxPool2d":
        y = F.max_pool2d(tensor(inp["input"]), pair(opt["kernelSize"], None), stride=pair(opt.get("stride"), opt["kernelSize"]),
                         padding=pair(opt.get("padding"), 0), dilation=pair(opt.get("dilation"), 1), ceil_mode=opt.get("ceilMode", False))
    elif op == "avgPool2d":
        y = F.avg_pool2d(tensor(inp["input"]), pair(opt["kernelSize"], None), stride=pair(opt.get("stride"), opt["kernelSize"]),
                         padding=pair(opt.get("padding"), 0), ceil_mode=opt.get("ceilMode", False),
                         count_include_pad=opt.get("countIncludePad", True), divisor_override=opt.get("divisorOverride"))
    else:
        raise ValueError("unknown op " + op)
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
