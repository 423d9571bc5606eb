"""A tiny pure-Python convkit adapter: corr2d, conv2d (stride, padding, dilation, groups, bias; zeros padding
mode) and maxPool2d (stride, padding, dilation, ceilMode). What it lacks it declares in supports.features, so
those checks are skipped, never passed. Run: npx convkit run --adapter "cmd:python3 python/examples/reference_adapter.py"
"""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from convkit_adapter import AdapterError, serve  # noqa: E402


def pair(value, default):
    """An int or [a, b] option as (a, b) (`conv.stride`, `conv.dilation`, `pool.kernel`)."""
    if value is None:
        return default, default
    if isinstance(value, list):
        return value[0], value[1]
    return value, value


def conv_pads(padding):
    """(top, bottom, left, right) from the padding forms (`conv.padding.forms`); 'same' is declared unsupported."""
    if padding is None or padding == "valid":
        return 0, 0, 0, 0
    if isinstance(padding, dict):
        return padding["top"], padding["bottom"], padding["left"], padding["right"]
    if isinstance(padding, str):
        raise AdapterError("padding %r is not supported" % padding, code="E_OPTION", clause="conv.padding.forms", argument="opts.padding", op="conv2d")
    ph, pw = pair(padding, 0)
    return ph, ph, pw, pw


def corr2d(x, k):
    """Valid cross-correlation of x [H, W] with k [kh, kw] (`corr.definition`)."""
    (h, w), (kh, kw) = x["shape"], k["shape"]
    oh, ow = h - kh + 1, w - kw + 1
    if oh < 1 or ow < 1:
        raise AdapterError("corr2d: kernel larger than input", code="E_EMPTY", clause="corr.definition", argument="k.shape", op="corr2d")
    xd, kd = x["data"], k["data"]
    out = []
    for i in range(oh):
        for j in range(ow):
            out.append(sum(xd[(i + a) * w + j + b] * kd[a * kw + b] for a in range(kh) for b in range(kw)))
    return {"shape": [oh, ow], "data": out}


def conv2d(inp, weight, bias=None, opts=None):
    """conv2d on NCHW input and OIHW weight with zeros padding (`conv.definition`, `conv.groups`, `conv.bias`)."""
    opts = opts or {}
    if opts.get("paddingMode", "zeros") != "zeros":
        raise AdapterError("paddingMode %r is not supported" % opts["paddingMode"], code="E_OPTION", clause="conv.padding.mode", argument="opts.paddingMode", op="conv2d")
    n, c, h, w = inp["shape"]
    o, cg, kh, kw = weight["shape"]
    groups = opts.get("groups") or 1
    sh, sw = pair(opts.get("stride"), 1)
    dh, dw = pair(opts.get("dilation"), 1)
    top, bottom, left, right = conv_pads(opts.get("padding"))
    if cg * groups != c:
        raise AdapterError("conv2d: weight channels %d x groups %d != input channels %d" % (cg, groups, c), code="E_SHAPE", clause="conv.channels", argument="weight.shape[1]", op="conv2d")
    oh = (h + top + bottom - dh * (kh - 1) - 1) // sh + 1
    ow = (w + left + right - dw * (kw - 1) - 1) // sw + 1
    og = o // groups
    x, wt = inp["data"], weight["data"]
    out = []
    for b in range(n):
        for oc in range(o):
            g = oc // og
            base = bias["data"][oc] if bias is not None else 0.0
            for i in range(oh):
                for j in range(ow):
                    s = 0.0
                    for ci in range(cg):
                        xc = (b * c + g * cg + ci) * h
                        wc = (oc * cg + ci) * kh
                        for a in range(kh):
                            y = i * sh - top + a * dh
                            for e in range(kw):
                                xx = j * sw - left + e * dw
                                # a padding tap is a zero summand: 0 * inf is NaN (`num.nan-propagation.padding`)
                                v = x[(xc + y) * w + xx] if 0 <= y < h and 0 <= xx < w else 0.0
                                s += v * wt[(wc + a) * kw + e]
                    out.append(s + base)
    return {"shape": [n, o, oh, ow], "data": out}


def max_pool2d(inp, opts):
    """Max pooling with -inf padding; NaN wins (`pool.max.definition`, `pool.max.nan`, `pool.ceil-mode`)."""
    n, c, h, w = inp["shape"]
    kh, kw = pair(opts["kernelSize"], None)
    sh, sw = pair(opts.get("stride"), None)
    sh, sw = sh or kh, sw or kw
    ph, pw = pair(opts.get("padding"), 0)
    dh, dw = pair(opts.get("dilation"), 1)
    ceil = bool(opts.get("ceilMode"))

    def extent(size, k, s, d, p):
        span = size + 2 * p - d * (k - 1) - 1
        count = (-(-span // s) if ceil else span // s) + 1
        if ceil and (count - 1) * s >= size + p:  # `pool.ceil-mode.last-window`
            count -= 1
        return count

    oh, ow = extent(h, kh, sh, dh, ph), extent(w, kw, sw, dw, pw)
    x = inp["data"]
    out = []
    for plane in range(n * c):
        for i in range(oh):
            for j in range(ow):
                best = -math.inf
                for a in range(kh):
                    y = i * sh - ph + a * dh
                    if 0 <= y < h:
                        for e in range(kw):
                            xx = j * sw - pw + e * dw
                            if 0 <= xx < w:
                                v = x[(plane * h + y) * w + xx]
                                if v > best or math.isnan(v):
                                    best = v
                                    if math.isnan(v):
                                        break
                    if math.isnan(best):
                        break
                out.append(best)
    return {"shape": [n, c, oh, ow], "data": out}


UNSUPPORTED = [
    "conv2d.padding.same", "conv2d.paddingMode.reflect", "conv2d.paddingMode.replicate", "conv2d.paddingMode.circular",
    "errors",
]

if __name__ == "__main__":
    serve(
        name="python-reference-example",
        dtype="float64",
        supports={"features": {f: False for f in UNSUPPORTED}},
        corr2d=corr2d,
        conv2d=conv2d,
        maxPool2d=max_pool2d,
    )
