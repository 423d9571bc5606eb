"""PyTorch as a convkit adapter, over the stdio protocol (spec/adapter-protocol.md), in float64 (float32 with --float32).

Every operator maps the contract's options onto torch.nn.functional as directly as possible, so what convkit
reports is PyTorch's own behaviour: conv2d, conv_transpose2d, pad, max_pool2d, avg_pool2d, adaptive_avg_pool2d,
adaptive_max_pool2d, and their vector-Jacobian products through torch.autograd. Needs Debian's python3-torch for /usr/bin/python3:

    npx convkit run --adapter pytorch --baseline baselines/pytorch.json      # CONVKIT_PYTHON=/usr/bin/python3
    npx convkit run --adapter "cmd:/usr/bin/python3 python/adapters/torch_adapter.py"   # the same, spelled out
    npx convkit run --adapter "cmd:/usr/bin/python3 python/adapters/torch_adapter.py --float32"   # PyTorch's float32 CPU kernels
"""
import os
import sys

try:
    import torch
    import torch.nn.functional as F
except ImportError as exc:  # the runner shows these stderr lines with its load error
    sys.stderr.write(
        f"convkit's pytorch adapter needs PyTorch, which {sys.executable} cannot import ({exc}): "
        "pip install torch (or apt-get install python3-torch), or set CONVKIT_PYTHON to a python that has it\n"
    )
    sys.exit(3)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from convkit_adapter import serve  # noqa: E402

# --float32: tensors in float32, so the CPU kernels are float32's (spec/numerics.md num.calibration.pytorch).
FLOAT32 = "--float32" in sys.argv[1:]
DTYPE = torch.float32 if FLOAT32 else torch.float64

torch.set_num_threads(1)  # deterministic sums, and fair to the other adapters in benchmarks


def to_torch(t, grad=False):
    x = torch.tensor(t["data"], dtype=DTYPE).reshape(t["shape"])
    return x.requires_grad_(grad)


def to_data(x):
    return {"shape": list(x.shape), "data": x.detach().reshape(-1).tolist()}


def pair(value, default):
    if value is None:
        return (default, default)
    return tuple(value) if isinstance(value, list) else (value, value)


def conv_call(opts):
    """(explicit pads or None, torch padding argument, mode) for the contract's padding forms and modes."""
    opts = opts or {}
    padding = opts.get("padding", 0)
    mode = opts.get("paddingMode", "zeros")
    if isinstance(padding, dict):
        return (padding["left"], padding["right"], padding["top"], padding["bottom"]), 0, mode
    if mode != "zeros" and padding not in ("valid", "same"):
        ph, pw = pair(padding, 0)
        return (pw, pw, ph, ph), 0, mode
    return None, tuple(padding) if isinstance(padding, list) else padding, mode


def conv2d_forward(x, w, b, opts):
    opts = opts or {}
    pads, padding, mode = conv_call(opts)
    if pads is None and mode != "zeros":  # 'same' with a non-zeros mode: nn.Conv2d does it with _reversed_padding
        conv = torch.nn.Conv2d(x.shape[1], w.shape[0], tuple(w.shape[2:]), stride=pair(opts.get("stride"), 1), padding=padding,
                               dilation=pair(opts.get("dilation"), 1), groups=opts.get("groups", 1), bias=b is not None,
                               padding_mode=mode, dtype=DTYPE)
        return conv._conv_forward(x, w, b)
    if pads is not None:
        x = F.pad(x, pads, mode="constant" if mode == "zeros" else mode)
    return F.conv2d(x, w, b, stride=pair(opts.get("stride"), 1), padding=padding, dilation=pair(opts.get("dilation"), 1), groups=opts.get("groups", 1))


def conv_transpose2d_forward(x, w, b, opts):
    opts = opts or {}
    return F.conv_transpose2d(x, w, b, stride=pair(opts.get("stride"), 1), padding=pair(opts.get("padding"), 0),
                              output_padding=pair(opts.get("outputPadding"), 0), groups=opts.get("groups", 1),
                              dilation=pair(opts.get("dilation"), 1))


def pad2d_forward(x, pads, mode, value=0.0):
    extra = 4 - x.dim()  # torch's non-constant modes want 3-D or 4-D input
    y = x.reshape((1,) * max(extra, 0) + tuple(x.shape)) if extra > 0 else x
    widths = (pads["left"], pads["right"], pads["top"], pads["bottom"])
    y = F.pad(y, widths, mode="constant", value=value) if mode == "constant" else F.pad(y, widths, mode=mode)
    return y.reshape(tuple(x.shape[:-2]) + tuple(y.shape[-2:]))


def max_pool2d_forward(x, opts):
    return F.max_pool2d(x, pair(opts["kernelSize"], None), stride=pair(opts.get("stride"), None) if opts.get("stride") is not None else None,
                        padding=pair(opts.get("padding"), 0), dilation=pair(opts.get("dilation"), 1), ceil_mode=opts.get("ceilMode", False))


def avg_pool2d_forward(x, opts):
    return F.avg_pool2d(x, pair(opts["kernelSize"], None), stride=pair(opts.get("stride"), None) if opts.get("stride") is not None else None,
                        padding=pair(opts.get("padding"), 0), ceil_mode=opts.get("ceilMode", False),
                        count_include_pad=opts.get("countIncludePad", True), divisor_override=opts.get("divisorOverride"))


def adaptive_avg_pool2d_forward(x, opts):
    return F.adaptive_avg_pool2d(x, pair(opts["outputSize"], None))


def adaptive_max_pool2d_forward(x, opts):
    return F.adaptive_max_pool2d(x, pair(opts["outputSize"], None))


def forward_call(op, tensors, opts):
    """One contract call on torch tensors (named as in the contract: input, weight, bias, x, k). The test oracles
    (test/pytorch/torch_oracle.py, test/gradients/torch_grad_oracle.py) use this too: one contract-to-torch mapping."""
    opts = opts or {}
    if op == "corr2d":
        return F.conv2d(tensors["x"][None, None], tensors["k"][None, None])[0, 0]
    if op == "conv2d":
        return conv2d_forward(tensors["input"], tensors["weight"], tensors.get("bias"), opts)
    if op == "convTranspose2d":
        return conv_transpose2d_forward(tensors["input"], tensors["weight"], tensors.get("bias"), opts)
    if op == "pad2d":
        return pad2d_forward(tensors["input"], opts["pads"], opts["mode"], opts.get("value", 0.0))
    if op == "maxPool2d":
        return max_pool2d_forward(tensors["input"], opts)
    if op == "avgPool2d":
        return avg_pool2d_forward(tensors["input"], opts)
    if op == "adaptiveAvgPool2d":
        return adaptive_avg_pool2d_forward(tensors["input"], opts)
    if op == "adaptiveMaxPool2d":
        return adaptive_max_pool2d_forward(tensors["input"], opts)
    raise ValueError("unknown op " + op)


def vjp(forward, tensors, grad_output, names):
    """Gradients of <forward(*tensors), grad_output> for each tensor that is not None, keyed by name."""
    y = forward(*tensors)
    inputs = [t for t in tensors if isinstance(t, torch.Tensor) and t.requires_grad]
    grads = torch.autograd.grad(y, inputs, grad_outputs=to_torch(grad_output).reshape(y.shape), allow_unused=True)
    out, k = {}, 0
    for name, t in zip(names, tensors):
        if isinstance(t, torch.Tensor) and t.requires_grad:
            g = grads[k]
            out[name] = to_data(g if g is not None else torch.zeros_like(t))
            k += 1
    return out


def corr2d(x, k):
    y = F.conv2d(to_torch(x)[None, None], to_torch(k)[None, None])
    return to_data(y[0, 0])


def conv2d(inp, weight, bias=None, opts=None):
    return to_data(conv2d_forward(to_torch(inp), to_torch(weight), to_torch(bias) if bias else None, opts))


def conv_transpose2d(inp, weight, bias=None, opts=None):
    return to_data(conv_transpose2d_forward(to_torch(inp), to_torch(weight), to_torch(bias) if bias else None, opts))


def pad2d(inp, pads, mode, value=0.0):
    return to_data(pad2d_forward(to_torch(inp), pads, mode, value))


def max_pool2d(inp, opts):
    return to_data(max_pool2d_forward(to_torch(inp), opts))


def avg_pool2d(inp, opts):
    return to_data(avg_pool2d_forward(to_torch(inp), opts))


def conv2d_backward(inp, weight, bias, grad_output, opts=None):
    tensors = (to_torch(inp, True), to_torch(weight, True), to_torch(bias, True) if bias else None)
    return vjp(lambda x, w, b: conv2d_forward(x, w, b, opts), tensors, grad_output, ("input", "weight", "bias"))


def conv_transpose2d_backward(inp, weight, bias, grad_output, opts=None):
    tensors = (to_torch(inp, True), to_torch(weight, True), to_torch(bias, True) if bias else None)
    return vjp(lambda x, w, b: conv_transpose2d_forward(x, w, b, opts), tensors, grad_output, ("input", "weight", "bias"))


def max_pool2d_backward(inp, grad_output, opts):
    return vjp(lambda x: max_pool2d_forward(x, opts), (to_torch(inp, True),), grad_output, ("input",))["input"]


def avg_pool2d_backward(inp, grad_output, opts):
    return vjp(lambda x: avg_pool2d_forward(x, opts), (to_torch(inp, True),), grad_output, ("input",))["input"]


def adaptive_avg_pool2d(inp, opts):
    return to_data(adaptive_avg_pool2d_forward(to_torch(inp), opts))


def adaptive_max_pool2d(inp, opts):
    return to_data(adaptive_max_pool2d_forward(to_torch(inp), opts))


def adaptive_avg_pool2d_backward(inp, grad_output, opts):
    return vjp(lambda x: adaptive_avg_pool2d_forward(x, opts), (to_torch(inp, True),), grad_output, ("input",))["input"]


def adaptive_max_pool2d_backward(inp, grad_output, opts):
    return vjp(lambda x: adaptive_max_pool2d_forward(x, opts), (to_torch(inp, True),), grad_output, ("input",))["input"]


def pad2d_backward(inp, grad_output, pads, mode):
    return vjp(lambda x: pad2d_forward(x, pads, mode), (to_torch(inp, True),), grad_output, ("input",))["input"]


if __name__ == "__main__":
    serve(
        name="pytorch-%s%s" % (torch.__version__, " float32" if FLOAT32 else ""),
        dtype="float32" if FLOAT32 else "float64",
        corr2d=corr2d,
        conv2d=conv2d,
        convTranspose2d=conv_transpose2d,
        pad2d=pad2d,
        maxPool2d=max_pool2d,
        avgPool2d=avg_pool2d,
        adaptiveAvgPool2d=adaptive_avg_pool2d,
        adaptiveMaxPool2d=adaptive_max_pool2d,
        conv2dBackward=conv2d_backward,
        convTranspose2dBackward=conv_transpose2d_backward,
        maxPool2dBackward=max_pool2d_backward,
        avgPool2dBackward=avg_pool2d_backward,
        pad2dBackward=pad2d_backward,
        adaptiveAvgPool2dBackward=adaptive_avg_pool2d_backward,
        adaptiveMaxPool2dBackward=adaptive_max_pool2d_backward,
    )
