"""Independent gradient oracle: evaluates a batch of operator calls with PyTorch autograd in float64 and returns
the gradient of <op(inputs), gradOutput> with respect to every tensor input (torch.autograd.grad).

Reads a JSON list of {op, inputs, options, gradOutput} on stdin; writes a JSON list of {grads: {name: {shape,
data}}} or {error} on stdout. Non-finite numbers travel as the strings "nan", "inf", "-inf".
Runs under /usr/bin/python3 with Debian's python3-torch (1.13).
"""
import json
import math
import sys

import torch
import torch.nn.functional as F


def tensor(t):
    return torch.tensor([float(v) for v in t["data"]], dtype=torch.float64).reshape(t["shape"]).requires_grad_(True)


def pair(v, default):
    v = default if v is None else v
    return tuple(v) if isinstance(v, list) else (v, v)


def conv2d(x, w, b, opt):
    pad = opt.get("padding", 0)
    mode = opt.get("paddingMode", "zeros")
    stride, dilation, groups = pair(opt.get("stride"), 1), pair(opt.get("dilation"), 1), opt.get("groups", 1)
    if isinstance(pad, dict):
        x = F.pad(x, (pad["left"], pad["right"], pad["top"], pad["bottom"]), mode="constant" if mode == "zeros" else mode)
        pad, mode = 0, "zeros"
    elif mode != "zeros" and pad not in ("valid", "same"):
        ph, pw = pair(pad, 0)
        x = F.pad(x, (pw, pw, ph, ph), mode=mode)
        pad, mode = 0, "zeros"
    elif isinstance(pad, list):
        pad = tuple(pad)
    if mode != "zeros":
        # padding='same' with a non-zeros mode: nn.Conv2d's own _conv_forward pads, then convolves.
        conv = torch.nn.Conv2d(x.shape[1], w.shape[0], tuple(w.shape[2:]), stride=stride, padding=pad, dilation=dilation,
                               groups=groups, bias=False, padding_mode=mode, dtype=torch.float64)
        y = conv._conv_forward(x, w, b)
    else:
        y = F.conv2d(x, w, b, stride=stride, padding=pad, dilation=dilation, groups=groups)
    return y


def run(call):
    op, inp, opt = call["op"], call["inputs"], call.get("options", {})
    named = {k: tensor(v) for k, v in inp.items() if v is not None}
    x = named["input"]
    if op == "conv2d":
        y = conv2d(x, named["weight"], named.get("bias"), opt)
    elif op == "convTranspose2d":
        y = F.conv_transpose2d(x, named["weight"], named.get("bias"), stride=pair(opt.get("stride"), 1), padding=pair(opt.get("padding"), 0),
                               output_padding=pair(opt.get("outputPadding"), 0), groups=opt.get("groups", 1), dilation=pair(opt.get("dilation"), 1))
    elif op == "pad2d":
        p = opt["pads"]
        sides = (p["left"], p["right"], p["top"], p["bottom"])
        y = F.pad(x, sides, mode="constant", value=opt.get("value", 0)) if opt["mode"] == "constant" else F.pad(x, sides, mode=opt["mode"])
    elif op == "maxPool2d":
        y = F.max_pool2d(x, pair(opt["kernelSize"], None), stride=pair(opt.get("stride"), opt["kernelSize"]), padding=pair(opt.get("padding"), 0),
                         dilation=pair(opt.get("dilation"), 1), ceil_mode=opt.get("ceilMode", False))
    elif op == "avgPool2d":
        y = F.avg_pool2d(x, pair(opt["kernelSize"], None), stride=pair(opt.get("stride"), opt["kernelSize"]), padding=pair(opt.get("padding"), 0),
                         ceil_mode=opt.get("ceilMode", False), count_include_pad=opt.get("countIncludePad", True),
                         divisor_override=opt.get("divisorOverride"))
    else:
        raise ValueError("unknown op " + op)
    g = torch.tensor([float(v) for v in call["gradOutput"]["data"]], dtype=torch.float64).reshape(call["gradOutput"]["shape"])
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
