#!/usr/bin/python3
"""Computes convkit's golden fixtures whose source is "pytorch", and re-checks those whose source is "notes".

An implementation independent of convkit's reference: PyTorch (torch 1.13, Debian python3-torch), in float64.

    /usr/bin/python3 golden/tools/compute_torch.py                # print each computed fixture's expected value
    /usr/bin/python3 golden/tools/compute_torch.py --write        # (re)write golden/notes/<id>.json and
                                                                  # golden/pytorch/<id>.json for them
    /usr/bin/python3 golden/tools/compute_torch.py --check-notes  # recompute every "notes" fixture, compare

Each entry of FIXTURES below is the code of one notes cell (or of the d2l text the notes follow) turned into one
operator call; each entry of CASES is an edge case no note contains (adaptive pooling), written to golden/pytorch/
with a comment saying what it covers. Inputs the notes drew with torch.rand/randn are {"shape", "fill": "random"}: only the output shape
is kept, so the values used here (a seeded torch.rand) do not matter.
"""
import json
import math
import sys
from pathlib import Path

import torch
import torch.nn.functional as F

GOLDEN = Path(__file__).resolve().parent.parent
NOTES_DIR = GOLDEN / 'notes'
CASES_DIR = GOLDEN / 'pytorch'
COMPUTED_WITH = 'torch 1.13 (Debian python3-torch) via golden/tools/compute_torch.py'
CASES_COMPUTED_WITH = f'torch {torch.__version__} (Debian python3-torch), float64, via golden/tools/compute_torch.py'

# The 5×5 input and the 1..9 kernel of note 003 (sections 单通道卷积, padding, 步长).
N003_INPUTS = [3, 4, 6, 5, 7, 2, 4, 6, 8, 2, 1, 6, 7, 8, 4, 9, 7, 4, 6, 2, 3, 7, 5, 4, 1]
N003_KERNEL = list(range(1, 10))
ARANGE9 = list(range(9))
ARANGE4 = list(range(4))


def t(shape, data):
    return {'shape': shape, 'data': data}


def rand(shape):
    return {'shape': shape, 'fill': 'random'}


FIXTURES = [
    {
        'id': 'notes-001-corr2d-example',
        'op': 'corr2d',
        'inputs': {'x': t([3, 3], ARANGE9), 'k': t([2, 2], ARANGE4)},
        'options': {},
        'note': '001_708e5866ac4ff5dd.txt', 'cell': '§1.1',
        'comment': 'X and K are only in the figure; the text prints the first element only: '
                   '"$0 \\times 0 + 1 \\times 1 + 3 \\times 2 + 4 \\times 3 = 19$", which the computed value matches.',
        'clauses': ['corr.definition', 'corr.shape'],
    },
    {
        'id': 'notes-001-conv2d-padding1-figure',
        'op': 'conv2d',
        'inputs': {'input': t([1, 1, 3, 3], ARANGE9), 'weight': t([1, 1, 2, 2], ARANGE4), 'bias': None},
        'options': {'padding': 1},
        'note': '001_708e5866ac4ff5dd.txt', 'cell': '§2.1',
        'comment': 'The figure of §2.1 (d2l): the 3×3 input padded to 5×5 gives a 4×4 output; the text prints only '
                   'its first element, "$0\\times 0+0\\times 1+0\\times 2+0\\times 3=0$", which the computed value matches.',
        'clauses': ['conv.definition', 'conv.padding.forms', 'shape.conv'],
    },
    {
        'id': 'notes-001-conv2d-stride-3x2-figure',
        'op': 'conv2d',
        'inputs': {'input': t([1, 1, 3, 3], ARANGE9), 'weight': t([1, 1, 2, 2], ARANGE4), 'bias': None},
        'options': {'padding': 1, 'stride': [3, 2]},
        'note': '001_708e5866ac4ff5dd.txt', 'cell': '§2.2',
        'comment': 'The figure of §2.2 (d2l): strides 3 (rows) and 2 (columns) on the 3×3 input padded by 1, '
                   'kernel 2×2; the notes only describe it ("向下滑动三行和向右滑动两列"); padding 1 and the '
                   'tensors are those of the d2l figure.',
        'clauses': ['conv.definition', 'conv.stride', 'conv.padding.forms', 'shape.conv'],
    },
    {
        'id': 'notes-001-conv2d-same-padding-shape',
        'op': 'conv2d',
        'inputs': {'input': rand([1, 1, 8, 8]), 'weight': rand([1, 1, 3, 3]), 'bias': rand([1])},
        'options': {'padding': 1},
        'note': '001_708e5866ac4ff5dd.txt', 'cell': '§2.1',
        'comment': 'comp_conv2d(nn.Conv2d(1, 1, kernel_size=3, padding=1), torch.rand(size=(8, 8))).shape; the notes '
                   'print no output, only the text "输出的高度和宽度也是8". comp_conv2d drops the (1, 1) batch and '
                   'channel dimensions kept here.',
        'clauses': ['shape.conv', 'conv.padding.forms', 'tensor.layout.nchw', 'tensor.layout.oihw'],
    },
    {
        'id': 'notes-001-conv2d-stride2-shape',
        'op': 'conv2d',
        'inputs': {'input': rand([1, 1, 8, 8]), 'weight': rand([1, 1, 3, 3]), 'bias': rand([1])},
        'options': {'padding': 1, 'stride': 2},
        'note': '001_708e5866ac4ff5dd.txt', 'cell': '§2.2',
        'comment': 'd2l §6.3.2: comp_conv2d(nn.Conv2d(1, 1, kernel_size=3, padding=1, stride=2), X).shape with X 8×8 '
                   '(d2l prints torch.Size([4, 4])). The notes follow that section but do not include this code.',
        'clauses': ['shape.conv', 'conv.stride', 'conv.padding.forms'],
    },
    {
        'id': 'notes-001-conv2d-asymmetric-stride-shape',
        'op': 'conv2d',
        'inputs': {'input': rand([1, 1, 8, 8]), 'weight': rand([1, 1, 3, 5]), 'bias': rand([1])},
        'options': {'padding': [0, 1], 'stride': [3, 4]},
        'note': '001_708e5866ac4ff5dd.txt', 'cell': '§2.2',
        'comment': 'd2l §6.3.2: nn.Conv2d(1, 1, kernel_size=(3, 5), padding=(0, 1), stride=(3, 4)) on 8×8 (d2l prints '
                   'torch.Size([2, 2])). The notes do not include this code; 004 In [132] tries the same call with '
                   'its own conv2d_padding_stride and raises a TypeError.',
        'clauses': ['shape.conv', 'conv.stride', 'conv.padding.forms'],
    },
    {
        'id': 'notes-003-corr2d-single-channel',
        'op': 'corr2d',
        'inputs': {'x': t([5, 5], N003_INPUTS), 'k': t([3, 3], N003_KERNEL)},
        'options': {},
        'note': '003_3e90e956b958d4c6.txt', 'cell': '§单通道卷积',
        'comment': 'The loop computes outputs[i, j] = torch.mul(inputs[i:i+mk, j:j+nk], kernel).sum() but never prints it.',
        'clauses': ['corr.definition', 'corr.shape'],
    },
    {
        'id': 'notes-003-conv2d-multichannel-shape',
        'op': 'conv2d',
        'inputs': {'input': rand([1, 5, 100, 100]), 'weight': rand([10, 5, 3, 3]), 'bias': rand([10])},
        'options': {},
        'note': '003_3e90e956b958d4c6.txt', 'cell': '§多通道卷积',
        'comment': 'torch.nn.Conv2d(5, 10, kernel_size=3) on torch.randn(1, 5, 100, 100); the notes print nothing '
                   '(their print call is not valid Python: a string literal spans lines).',
        'clauses': ['conv.channels', 'shape.conv', 'tensor.layout.nchw', 'tensor.layout.oihw'],
    },
    {
        'id': 'notes-003-conv2d-padding1-kernel-1to9',
        'op': 'conv2d',
        'inputs': {'input': t([1, 1, 5, 5], N003_INPUTS), 'weight': t([1, 1, 3, 3], N003_KERNEL), 'bias': None},
        'options': {'padding': 1},
        'note': '003_3e90e956b958d4c6.txt', 'cell': '§padding',
        'comment': 'torch.nn.Conv2d(1, 1, kernel_size=3, padding=1, bias=False) with weight 1..9; the notes call '
                   'print(outputs) but show no output.',
        'clauses': ['conv.definition', 'conv.padding.forms', 'shape.conv', 'tensor.layout.oihw'],
    },
    {
        'id': 'notes-003-conv2d-stride2-kernel-1to9',
        'op': 'conv2d',
        'inputs': {'input': t([1, 1, 5, 5], N003_INPUTS), 'weight': t([1, 1, 3, 3], N003_KERNEL), 'bias': None},
        'options': {'padding': 0, 'stride': 2},
        'note': '003_3e90e956b958d4c6.txt', 'cell': '§步长',
        'comment': 'torch.nn.Conv2d(1, 1, kernel_size=3, padding=0, stride=2, bias=False) with weight 1..9; the notes '
                   'call print(outputs) but show no output (only figures).',
        'clauses': ['conv.definition', 'conv.stride', 'shape.conv'],
    },
    {
        'id': 'notes-003-maxpool2d-module-stride1',
        'op': 'maxPool2d',
        'inputs': {'input': t([1, 1, 3, 3], ARANGE9)},
        'options': {'kernelSize': 2, 'padding': 0, 'stride': 1},
        'note': '003_3e90e956b958d4c6.txt', 'cell': '§池化 (torch.nn.MaxPool2d)',
        'comment': 'pool2d = torch.nn.MaxPool2d(2, padding=0, stride=1); pool2d(X) on X = [[0, 1, 2], [3, 4, 5], '
                   '[6, 7, 8]] viewed as 1×1×3×3; the notes show no output. Same values as the text\'s max(…) list '
                   '(fixture notes-003-maxpool2d-2x2-stride1).',
        'clauses': ['pool.max.definition', 'shape.pool'],
    },
    {
        'id': 'notes-003-avgpool2d-2x2-stride1',
        'op': 'avgPool2d',
        'inputs': {'input': t([1, 1, 3, 3], ARANGE9)},
        'options': {'kernelSize': 2, 'stride': 1},
        'note': '003_3e90e956b958d4c6.txt', 'cell': '§池化 (pool2d)',
        'comment': 'The notes\' pool2d(X, pool_size, mode="avg") (window mean, stride 1) is defined but only called '
                   'with mode "max"; this is its mode "avg" on the same X.',
        'clauses': ['pool.avg.definition', 'shape.pool'],
    },
]



def ints(count):
    """Distinct integers −36 … 36 (37 is invertible mod 73) in a scrambled order: no max-pooling ties, and window
    sums are exact in float32 too."""
    assert count <= 73
    return [(i * 37) % 73 - 36 for i in range(count)]


AVG_TOLERANCE = {'abs': 1e-5, 'comment': 'Inputs are integers of magnitude ≤ 36, so window sums (≤ 12 terms) are exact in '
                 'float32; the one or two divisions by the window size round by ≤ 2^-24 relative each, ≤ 4.3e-6 for '
                 'outputs ≤ 36; 1e-5 bounds that for float32 and float64 adapters alike.'}
NAN_ROWS = [1, 'NaN', 3, 'NaN', 0, '-Infinity', '-Infinity', '-Infinity', 'Infinity', '-Infinity']

# Adaptive pooling (spec/pooling.md): uneven windows (5 → 3, 7 → 3), even ones (5 → 1 per column), global pooling
# (ONNX GlobalAveragePool / GlobalMaxPool), an output larger than the input, and NaN / ±∞.
CASES = []
for op, kind in (('adaptiveAvgPool2d', 'avg'), ('adaptiveMaxPool2d', 'max')):
    name = f'torch-adaptive-{kind}-pool2d'
    tolerance = AVG_TOLERANCE if kind == 'avg' else {'abs': 0}  # max only compares (`num.exact`)
    defining = ['pool.adaptive.avg' if kind == 'avg' else 'pool.adaptive.max', 'pool.adaptive.windows', 'shape.adaptive-pool']
    CASES += [
        {'id': f'{name}-5x5-to-3x3', 'op': op, 'inputs': {'input': t([1, 1, 5, 5], list(range(1, 26)))},
         'options': {'outputSize': 3}, 'tolerance': tolerance,
         'comment': 'Uneven, overlapping windows: 5 → 3 gives rows and columns [0, 2), [1, 4), [3, 5) '
                    '(pool.adaptive.windows); input 1..25 row-major.',
         'clauses': defining + ['pool.adaptive.output-size']},
        {'id': f'{name}-7x5-to-3x1', 'op': op, 'inputs': {'input': t([1, 2, 7, 5], ints(70))},
         'options': {'outputSize': [3, 1]}, 'tolerance': tolerance,
         'comment': 'Rows 7 → 3: windows [0, 3), [2, 5), [4, 7), each overlapping the next by one row; columns 5 → 1, '
                    'one window over the whole row; two channels pooled independently.',
         'clauses': defining},
        {'id': f'{name}-global', 'op': op, 'inputs': {'input': t([2, 3, 3, 4], ints(72))},
         'options': {'outputSize': 1}, 'tolerance': tolerance,
         'comment': 'outputSize 1: one window over each whole 3 × 4 plane, the global pooling head of ResNet and '
                    'EfficientNet (ONNX Global' + ('Average' if kind == 'avg' else 'Max') + 'Pool).',
         'clauses': defining},
        {'id': f'{name}-2x3-to-5x7', 'op': op, 'inputs': {'input': t([1, 1, 2, 3], [4, -1, 2, 0, 3, -2])},
         'options': {'outputSize': [5, 7]}, 'tolerance': tolerance,
         'comment': 'An output larger than the input on both axes: windows of one or two elements that repeat '
                    '(3 → 7: [0, 1), [0, 1), [0, 2), [1, 2), [1, 3), [2, 3), [2, 3)).',
         'clauses': defining + ['pool.adaptive.output-size']},
        {'id': f'{name}-nan-and-infinities', 'op': op, 'inputs': {'input': t([1, 1, 2, 5], NAN_ROWS)},
         'options': {'outputSize': 2}, 'tolerance': tolerance,
         'comment': 'Rows [1, NaN, 3, NaN, 0] and [−∞, −∞, −∞, +∞, −∞]; columns 5 → 2 give windows [0, 3) and [2, 5). '
                    + ('Sums propagate NaN and ±∞: NaN, NaN, −∞, and −∞ + ∞ = NaN.' if kind == 'avg' else
                       'A NaN wins (both windows of row 0 are NaN), a window of −∞ gives −∞, +∞ beats −∞.'),
         'clauses': defining + (['num.nan-propagation'] if kind == 'avg' else [])},
    ]


# ---------------------------------------------------------------------------------------------------------------
# The operators, in torch float64, with convkit's option names (src/adapter/contract.ts).

def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def to_torch(tensor, generator):
    if tensor is None:
        return None
    if tensor.get('fill') == 'random':
        return torch.rand(tensor['shape'], generator=generator, dtype=torch.float64)
    data = [float(x) for x in tensor['data']]  # 'NaN' / 'Infinity' / '-Infinity' parse as floats
    return torch.tensor(data, dtype=torch.float64).reshape(tensor['shape'])


def pad_nchw(x, pads, mode, value=0.0):
    """F.pad on the last two dimensions; modes other than constant need a 3-D or 4-D tensor in torch 1.13."""
    torch_mode = {'zeros': 'constant', 'constant': 'constant'}.get(mode, mode)
    widths = (pads['left'], pads['right'], pads['top'], pads['bottom'])
    if torch_mode == 'constant':
        return F.pad(x, widths, mode='constant', value=value)
    shape = x.shape
    x4 = x.reshape((-1, 1) + tuple(shape[-2:]))
    y = F.pad(x4, widths, mode=torch_mode)
    return y.reshape(tuple(shape[:-2]) + tuple(y.shape[-2:]))


def run(op, inputs, options):
    g = torch.Generator().manual_seed(0)
    T = {name: to_torch(value, g) for name, value in inputs.items()}
    o = options
    if op == 'corr2d':
        return F.conv2d(T['x'][None, None], T['k'][None, None])[0, 0]
    if op == 'conv2d':
        x, padding = T['input'], o.get('padding', 0)
        mode = o.get('paddingMode', 'zeros')
        if isinstance(padding, dict) or (mode != 'zeros' and padding not in ('valid', 'same')):
            pads = padding if isinstance(padding, dict) else dict(zip(('top', 'left'), pair(padding)))
            pads = {'top': pads['top'], 'bottom': pads.get('bottom', pads['top']),
                    'left': pads['left'], 'right': pads.get('right', pads['left'])}
            x, padding = pad_nchw(x, pads, mode), 0
        elif mode != 'zeros' and padding == 'same':
            raise NotImplementedError('paddingMode with padding "same"')
        return F.conv2d(x, T['weight'], T['bias'], stride=pair(o.get('stride', 1)),
                        padding=padding if isinstance(padding, str) else pair(padding),
                        dilation=pair(o.get('dilation', 1)), groups=o.get('groups', 1))
    if op == 'convTranspose2d':
        return F.conv_transpose2d(T['input'], T['weight'], T['bias'], stride=pair(o.get('stride', 1)),
                                  padding=pair(o.get('padding', 0)), output_padding=pair(o.get('outputPadding', 0)),
                                  groups=o.get('groups', 1), dilation=pair(o.get('dilation', 1)))
    if op == 'pad2d':
        return pad_nchw(T['input'], o['pads'], o['mode'], o.get('value', 0.0))
    if op == 'maxPool2d':
        k = pair(o['kernelSize'])
        return F.max_pool2d(T['input'], k, stride=pair(o.get('stride', k)), padding=pair(o.get('padding', 0)),
                            dilation=pair(o.get('dilation', 1)), ceil_mode=o.get('ceilMode', False))
    if op == 'avgPool2d':
        k = pair(o['kernelSize'])
        return F.avg_pool2d(T['input'], k, stride=pair(o.get('stride', k)), padding=pair(o.get('padding', 0)),
                            ceil_mode=o.get('ceilMode', False), count_include_pad=o.get('countIncludePad', True),
                            divisor_override=o.get('divisorOverride'))
    if op == 'adaptiveAvgPool2d':
        return F.adaptive_avg_pool2d(T['input'], pair(o['outputSize']))
    if op == 'adaptiveMaxPool2d':
        return F.adaptive_max_pool2d(T['input'], pair(o['outputSize']))
    raise ValueError(f'unknown op {op!r}')


def has_random_input(inputs):
    return any(v is not None and v.get('fill') == 'random' for v in inputs.values())


def element(v):
    if math.isnan(v):
        return 'NaN'
    if math.isinf(v):
        return 'Infinity' if v > 0 else '-Infinity'
    return int(v) if v == int(v) and abs(v) < 2**53 else v


def expected_of(spec):
    y = run(spec['op'], spec['inputs'], spec['options'])
    shape = list(y.shape)
    if has_random_input(spec['inputs']):
        return {'shape': shape}
    return {'shape': shape, 'data': [element(v) for v in y.flatten().tolist()]}


def fixture_of(spec):
    expected = expected_of(spec)
    f = {'id': spec['id'], 'kind': 'forward', 'op': spec['op'], 'inputs': spec['inputs'],
         'options': spec['options'], 'expected': expected}
    if 'data' in expected:
        exact = all(isinstance(v, int) for v in expected['data'])
        f['tolerance'] = {'abs': 0} if exact else spec['tolerance']
        if 'note' not in spec:
            f['tolerance'] = spec['tolerance']  # stated per case: exact only where nothing is computed
    f['provenance'] = {'source': 'pytorch', **({'note': spec['note'], 'cell': spec['cell']} if 'note' in spec else {}),
                       'computedWith': COMPUTED_WITH if 'note' in spec else CASES_COMPUTED_WITH}
    if spec.get('comment'):
        f['provenance']['comment'] = spec['comment']
    f['clauses'] = spec['clauses']
    return f


# ---------------------------------------------------------------------------------------------------------------
# JSON layout: two-space indent, arrays of scalars on one line.

def dumps(value, indent=0):
    pad, inner = ' ' * indent, ' ' * (indent + 2)
    if isinstance(value, dict):
        if not value:
            return '{}'
        items = [f'{inner}{json.dumps(k, ensure_ascii=False)}: {dumps(v, indent + 2)}' for k, v in value.items()]
        return '{\n' + ',\n'.join(items) + '\n' + pad + '}'
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return '[' + ', '.join(json.dumps(v, ensure_ascii=False) for v in value) + ']'
        return '[\n' + ',\n'.join(inner + dumps(v, indent + 2) for v in value) + '\n' + pad + ']'
    return json.dumps(value, ensure_ascii=False)


def write_fixture(f):
    path = (NOTES_DIR if 'note' in f['provenance'] else CASES_DIR) / f'{f["id"]}.json'
    path.parent.mkdir(exist_ok=True)
    path.write_text(dumps(f) + '\n', encoding='utf-8')
    return path


def check_notes():
    """Recomputes each fixture whose source is "notes" and compares it with the printed value it holds."""
    failures = 0
    for path in sorted(NOTES_DIR.glob('*.json')):
        f = json.loads(path.read_text(encoding='utf-8'))
        if f['provenance']['source'] != 'notes':
            continue
        y = run(f['op'], f['inputs'], f['options'])
        got_shape, want = list(y.shape), f['expected']
        problems = []
        if got_shape != want['shape']:
            problems.append(f'shape={got_shape}, but should be {want["shape"]}')
        elif 'data' in want:
            tol = f['tolerance']['abs']
            worst = max((abs(g - float(e)) for g, e in zip(y.flatten().tolist(), want['data'])), default=0.0)
            if not worst <= tol:
                problems.append(f'max |torch - printed| = {worst:.3g}, but should be <= {tol}')
        status = 'ok  ' if not problems else 'FAIL'
        failures += bool(problems)
        print(f'{status} {f["id"]}' + ''.join(f'\n     {p}' for p in problems))
    return failures


def main(argv):
    if '--check-notes' in argv:
        return 1 if check_notes() else 0
    for spec in FIXTURES + CASES:
        f = fixture_of(spec)
        if '--write' in argv:
            print(f'wrote {write_fixture(f).relative_to(GOLDEN.parent)}')
        else:
            print(f['id'], json.dumps(f['expected']))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
