"""Serve a convkit adapter written in Python over convkit's stdio protocol (spec/adapter-protocol.md).

You write only the operators; this module does the protocol. Standard library only (runs under any python3).

    from convkit_adapter import serve

    def corr2d(x, k):                      # tensors are dicts: {"shape": [H, W], "data": [floats, row-major]}
        ...
        return {"shape": [oh, ow], "data": out}

    serve(name="my-adapter", dtype="float64", corr2d=corr2d,
          supports={"features": {"conv2d.groups": False}})

Then: npx convkit run --adapter "cmd:python3 my_adapter.py"

Operators take the contract's arguments in order (src/adapter/contract.ts): conv2d(input, weight, bias, opts),
maxPool2d(input, opts), pad2d(input, pads, mode, value), ...; an omitted trailing argument is not passed, so give
optional parameters defaults (opts=None). Options are dicts with the contract's camelCase keys (stride, padding,
dilation, groups, paddingMode, kernelSize, ceilMode, ...). A tensor's data arrives as a list of floats (NaN and
+-inf included). Return a tensor dict, or a numpy array (its shape and values are used), or a dict of tensors for
backward operators. Raise AdapterError (with a spec clause) to reject an invalid call; raise Unsupported(reason)
for a valid call you do not implement (the case is skipped, kit.protocol.unsupported); any other exception is
reported with its type name and message. print() inside operators goes to stderr, never into the protocol.
"""
import json
import math
import sys

__all__ = ["serve", "AdapterError", "Unsupported"]

_NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


class AdapterError(Exception):
    """An error the runner rebuilds as a ConvkitError: give the spec clause the call breaks (kit.protocol.errors)."""

    def __init__(self, message, code=None, clause=None, argument=None, op=None):
        super().__init__(message)
        self.code, self.clause, self.argument, self.op = code, clause, argument, op


class Unsupported(Exception):
    """A valid call this adapter does not implement: answered {"id", "unsupported": reason}, and the case is skipped."""


def _read(value):
    """Protocol JSON to Python: "NaN"/"Infinity"/"-Infinity" become floats, tensor data becomes floats."""
    if isinstance(value, str):
        return _NON_FINITE.get(value, value)
    if isinstance(value, list):
        return [_read(v) for v in value]
    if isinstance(value, dict):
        out = {k: _read(v) for k, v in value.items()}
        if isinstance(out.get("shape"), list) and isinstance(out.get("data"), list):
            out["data"] = [float(v) for v in out["data"]]
        return out
    return value


def _write(value):
    """Python to protocol JSON values: non-finite floats become strings; numpy arrays become tensors."""
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    if isinstance(value, (list, tuple)):
        return [_write(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _write(v) for k, v in value.items()}
    if hasattr(value, "tolist") and hasattr(value, "shape"):  # numpy array or scalar
        if getattr(value, "ndim", 0) == 0:
            return _write(value.tolist())
        return {"shape": list(value.shape), "data": _write([float(v) for v in value.reshape(-1).tolist()])}
    return value


def _error(exc):
    err = {"name": type(exc).__name__, "message": str(exc)}
    for field in ("code", "clause", "argument", "op"):
        if getattr(exc, field, None) is not None:
            err[field] = getattr(exc, field)
    return err


def serve(name, dtype="float64", supports=None, stdin=None, stdout=None, numerics=None, **operators):
    """Answers protocol requests from stdin until it closes. Keyword arguments name the operators.

    numerics: per operator, how it computes, e.g. {"conv2d": {"storage": "float16", "accumulate": "float32"}}
    (spec/numerics.md, num.declaration); the runner checks it and rejects a bad one at the handshake.
    """
    # Any operator name is served: the runner keeps the ones its operator registry knows (src/operators/), so a
    # new operator needs no change here.
    not_callable = sorted(k for k, f in operators.items() if not callable(f))
    if not_callable:
        raise TypeError("serve(): operators must be callables, got %s" % ", ".join(not_callable))
    if not operators:
        raise TypeError("serve(): give at least one operator, e.g. serve(name=..., conv2d=my_conv2d)")
    if dtype not in ("float32", "float64"):
        raise TypeError("serve(): dtype must be 'float32' or 'float64'")
    inp = stdin or sys.stdin
    out = stdout or sys.stdout
    sys.stdout = sys.stderr  # print() in an operator must not corrupt the protocol

    def send(message):
        out.write(json.dumps(message, allow_nan=False, separators=(",", ":")) + "\n")
        out.flush()

    hello = {"name": name, "dtype": dtype, "ops": list(operators)}
    if supports is not None:
        hello["supports"] = supports
    if numerics is not None:
        if not isinstance(numerics, dict):
            raise TypeError("serve(): numerics must be a dict keyed by operator name, got %r" % (numerics,))
        hello["numerics"] = numerics
    for line in inp:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            rid = request["id"]
        except (ValueError, KeyError, TypeError) as exc:
            sys.stderr.write("convkit_adapter: ignoring a line that is not a request: %s\n" % exc)
            continue
        op = request.get("op")
        if op == "hello":
            send({"id": rid, "result": hello})
            continue
        try:
            if op not in operators:
                raise NotImplementedError("adapter %s does not implement %s" % (name, op))
            result = operators[op](*_read(request.get("args", [])))
            send({"id": rid, "result": _write(result)})
        except Unsupported as exc:
            send({"id": rid, "unsupported": str(exc)})
        except Exception as exc:  # reported to the runner, which decides what it means
            send({"id": rid, "error": _error(exc)})
