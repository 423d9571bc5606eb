#!/usr/bin/env python3
"""Recover the unprinted initial kernels of the three "learn a 1x2 edge kernel" runs in
/work/shared/notes/{000,002,004}_*.txt, and replay them.

Run with:  /usr/bin/python3 recover.py        (needs numpy; torch for the float32 replay)

Steps
 1. Build X (6x8, cols 2..5 zero) and Y, count the window patterns and print the exact
    quadratic loss L(w0, w1[, b]) = sum over windows (w.x + b - y)^2.
 2. Every run is plain gradient descent on a quadratic, so the parameter update is an affine
    map and every printed loss is a quadratic function of the initial parameters. We fit the
    initial parameters (least squares on the printed losses, signs fixed by the final
    weights), then scan a fine grid in eigen-coordinates for ALL initial values whose float64
    replay rounds to every printed digit (losses + final parameters): that is the
    "consistent interval".
 3. For 004, the same fit is repeated for each candidate weight-decay form; only forms that
    reproduce every printed number survive.
 4. Replay the recovered runs with real torch modules in float32, written like the notebook
    cells, and compare digit by digit; also check that float32 vs float64 never changes a
    printed digit anywhere in the consistent region corners.
"""
import itertools
import math
import sys

import numpy as np

np.set_printoptions(linewidth=140)

# ----------------------------------------------------------------------------- data
P000 = [29.116, 13.258, 6.283, 3.119, 1.627, 0.890, 0.508, 0.299, 0.181, 0.112]
F000 = (0.9506, -1.0173)
P002 = [18.863, 17.485, 16.219, 15.052, 13.974, 12.977, 12.053, 11.197, 10.402, 9.665,
        8.980, 8.345, 7.754, 7.205, 6.696, 6.222, 5.782, 5.373, 4.993, 4.640, 4.312,
        4.007, 3.724, 3.461, 3.216, 2.989, 2.777, 2.581, 2.398, 2.229, 2.071, 1.925,
        1.789, 1.662, 1.545, 1.435, 1.334, 1.240, 1.152, 1.071, 0.995, 0.925, 0.859,
        0.798, 0.742, 0.689, 0.641]          # batch 48 is cut ("batch 48, los")
F002 = (0.9681, -0.9681)
P004 = [23.8259, 9.5828, 6.6669, 4.9749, 3.7512, 2.8428, 2.1634, 1.6526]  # epoch 9 cut
F004 = (-0.9904, 0.9904)
B004_TEXT = "-5.5702e-06"       # printed bias, 5 significant digits (torch sci mode)


def corr2d(X, K):
    h, w = K.shape
    Y = np.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i:i + h, j:j + w] * K).sum()
    return Y


X = np.ones((6, 8))
X[:, 2:6] = 0


def quadratic(Kt, bias):
    """Return (Q, r, s, counts) with L(p) = p^T Q p - 2 r^T p + s, p = (w0, w1[, b])."""
    Y = corr2d(X, np.array([Kt], float))
    feats, ys = [], []
    counts = {}
    for i in range(6):
        for j in range(7):
            f = [X[i, j], X[i, j + 1]] + ([1.0] if bias else [])
            feats.append(f)
            ys.append(Y[i, j])
            key = (int(X[i, j]), int(X[i, j + 1]), Y[i, j])
            counts[key] = counts.get(key, 0) + 1
    F = np.array(feats)
    y = np.array(ys)
    return F.T @ F, F.T @ y, float(y @ y), counts


def describe(Kt, bias):
    Q, r, s, counts = quadratic(Kt, bias)
    bb = " + b" if bias else ""
    terms = []
    for (a, c, yv), n in sorted(counts.items(), reverse=True):
        lin = " + ".join(n_ for n_, on in (("w0", a), ("w1", c)) if on) or "0"
        lin = lin + bb if lin != "0" else (bb[3:] if bias else "0")
        tgt = "" if yv == 0 else (f" - {yv:g}" if yv > 0 else f" + {-yv:g}")
        terms.append(f"{n}*({lin}{tgt})^2" if lin != "0" else f"[{n}*(0)^2]")
    print(f"  target kernel {Kt}: window patterns (x0,x1,y): count = {counts}")
    print("  L = " + " + ".join(t for t in terms if not t.startswith("[")))
    names = ["w0", "w1", "b"][:Q.shape[0]]
    parts = []
    for i in range(len(names)):
        for j in range(i, len(names)):
            c = Q[i, j] * (1 if i == j else 2)
            if c:
                parts.append(f"{c:g}*{names[i]}{'^2' if i == j else '*' + names[j]}")
    for i in range(len(names)):
        if r[i]:
            parts.append(f"{-2 * r[i]:+g}*{names[i]}")
    parts.append(f"{s:+g}")
    print("  expanded: L = " + " ".join(parts))
    print("  gradient: dL/dp = 2Q p - 2r with 2Q =", (2 * Q).tolist(), " 2r =", (2 * r).tolist())
    return Q, r, s


# ----------------------------------------------------------------------------- float64 replay
def make_rule(lr, wd=0.0, form="none", bs=1.0):
    """Return step(p, g) acting on arrays of shape (N, d); the last column is the bias when
    d == 3. Forms: none | coupled | decoupled | coupled_w | decoupled_w | batch (g/bs + wd p)."""
    def step(p, g):
        if form == "none":
            return p - lr * g
        if form in ("coupled", "l2loss"):           # p - lr*(g + wd p)
            return p - lr * (g + wd * p)
        if form == "decoupled":                     # p -= lr g ; p *= (1 - lr wd)
            return (p - lr * g) * (1 - lr * wd)
        if form == "coupled_w":                     # L2 on weights only, bias plain
            q = p - lr * (g + wd * p)
            q[:, -1] = p[:, -1] - lr * g[:, -1]
            return q
        if form == "decoupled_w":
            q = (p - lr * g) * (1 - lr * wd)
            q[:, -1] = p[:, -1] - lr * g[:, -1]
            return q
        if form == "batch":                         # d2l_func sgd2: p - lr*(g/bs + wd p)
            return p - lr * (g / bs + wd * p)
        raise ValueError(form)
    return step


def replay64(P0, Q, r, s, step, n_steps, n_print, extra_loss=None):
    """P0: (N, d). Returns losses (N, n_print) computed BEFORE each update, final params."""
    P = np.array(P0, float)
    losses = []
    for k in range(n_steps):
        if k < n_print:
            L = np.einsum("ni,ij,nj->n", P, Q, P) - 2 * P @ r + s
            if extra_loss is not None:
                L = L + extra_loss(P)
            losses.append(L)
        g = 2 * P @ Q - 2 * r
        P = step(P, g)
    return np.stack(losses, 1), P


def rnd(x, nd):
    return np.round(np.asarray(x, float), nd)


def fmt_sci5(x):
    return f"{x:.4e}"


def consistent(losses, final, printed, nd, fprinted, fnd=4, bias_text=None):
    ok = np.all(np.abs(losses - np.array(printed)) <= 0.5 * 10.0 ** -nd + 1e-12, axis=1)
    for i, fv in enumerate(fprinted):
        ok &= np.abs(final[:, i] - fv) <= 0.5 * 10.0 ** -fnd + 1e-12
    if bias_text is not None:
        ok &= np.array([fmt_sci5(v) == bias_text for v in final[:, 2]], dtype=bool)
    return ok


# ----------------------------------------------------------------------------- solvers
def gauss_newton(fun, x0, iters=50):
    x = np.array(x0, float)
    for _ in range(iters):
        r0 = fun(x)
        J = np.zeros((len(r0), len(x)))
        for i in range(len(x)):
            h = 1e-7
            e = np.zeros_like(x)
            e[i] = h
            J[:, i] = (fun(x + e) - fun(x - e)) / (2 * h)
        dx = np.linalg.lstsq(J, -r0, rcond=None)[0]
        x = x + dx
        if np.abs(dx).max() < 1e-14:
            break
    return x


def scan(to_params, centre, half, check, n=801, rounds=6):
    """Grid-scan a 2-D box around centre in the given coordinates; return feasible coords.
    The box is re-centred / grown / shrunk until the feasible set is well resolved."""
    centre = np.array(centre, float)
    half = np.array(half, float)
    F = np.zeros((0, 2))
    a = b = np.zeros(2)
    for _ in range(rounds):
        a = np.linspace(centre[0] - half[0], centre[0] + half[0], n)
        b = np.linspace(centre[1] - half[1], centre[1] + half[1], n)
        A, B = np.meshgrid(a, b, indexing="ij")
        C = np.stack([A.ravel(), B.ravel()], 1)
        ok = check(to_params(C))
        if not ok.any():
            if len(F):
                break
            half = half * 4
            continue
        F = C[ok]
        lo, hi = F.min(0), F.max(0)
        touch = (lo <= centre - half + 1e-15) | (hi >= centre + half - 1e-15)
        newcentre = (lo + hi) / 2
        width = hi - lo
        if touch.any():
            half = np.where(touch, half * 3, half)
            centre = newcentre
            continue
        if np.all(width > 0.25 * 2 * half):
            return F, (a[1] - a[0], b[1] - b[0])
        half = np.maximum(width * 0.75, half * 1e-3)
        centre = newcentre
    return F, (a[1] - a[0], b[1] - b[0])


# ----------------------------------------------------------------------------- torch replays
def torch_replay_conv2d(w_init, lr, n_steps, n_print, target):
    """The 000/002 notebook cell, verbatim apart from fixing the initial weight."""
    import torch
    from torch import nn
    Xt = torch.ones((6, 8))
    Xt[:, 2:6] = 0
    K = torch.tensor([target])
    Yt = torch.tensor(corr2d(Xt.numpy().astype(float), K.numpy().astype(float)), dtype=torch.float32)
    conv2d = nn.Conv2d(1, 1, (1, 2), bias=False)
    with torch.no_grad():
        conv2d.weight.copy_(torch.tensor(w_init, dtype=torch.float32).reshape(1, 1, 1, 2))
    w32 = conv2d.weight.detach().reshape(-1).tolist()
    Xt = Xt.reshape((1, 1, 6, 8))
    Yt = Yt.reshape((1, 1, 6, 7))
    out = []
    for i in range(n_steps):
        Y_hat = conv2d(Xt)
        l = (Y_hat - Yt) ** 2
        conv2d.zero_grad()
        l.sum().backward()
        conv2d.weight.data[:] -= lr * conv2d.weight.grad
        if i < n_print:
            out.append(f"{l.sum():.3f}")
    final = conv2d.weight.data.reshape((1, 2))
    outmap = conv2d(Xt).detach()
    return w32, out, final, outmap


def torch_replay_004(w_init, form, wd=0.1, lr=0.01, epochs=50):
    """The 004 notebook (In[21], In[31], In[51], In[35], In[85]) with its own Python corr2d,
    Conv2D(weight=rand, bias=zeros) and the candidate sgd."""
    import torch
    import torch.nn as nn

    def conv2d(x, k):
        h, w = k.shape
        y = torch.rand((x.shape[0] - h + 1, x.shape[1] - w + 1))
        for i in range(y.shape[0]):
            for j in range(y.shape[1]):
                y[i, j] = (x[i:i + h, j:j + w] * k).sum()
        return y

    class Conv2D(nn.Module):
        def __init__(self, kernel_size):
            super(Conv2D, self).__init__()
            self.weight = nn.Parameter(torch.rand(kernel_size))
            self.bias = nn.Parameter(torch.zeros(1))

        def forward(self, x):
            return conv2d(x, self.weight) + self.bias

    def sgd(params, lr, weight_decay=0):
        for i, param in enumerate(params):
            is_bias = i == len(params) - 1
            if form == "coupled":          # d2l_func/optim.py (jianli-Alex/d2l_pytorch)
                param.data = param.data - lr * (param.grad + weight_decay * param.data)
            elif form == "decoupled":
                param.data = (param.data - lr * param.grad) * (1 - lr * weight_decay)
            elif form == "coupled_w":
                wdp = 0 if is_bias else weight_decay
                param.data = param.data - lr * (param.grad + wdp * param.data)
            elif form == "decoupled_w":
                f = 1 if is_bias else (1 - lr * weight_decay)
                param.data = (param.data - lr * param.grad) * f
            elif form == "none":
                param.data = param.data - lr * param.grad
            else:
                raise ValueError(form)

    def squared_loss(y_pred, y):
        return ((y_pred - y) ** 2).sum()

    x = torch.ones(6, 8)
    x[:, 2:6] = 0
    k = torch.tensor([[-1, 1]])            # int64 in the notebook
    y = conv2d(x, k)
    model = Conv2D(kernel_size=(1, 2))
    with torch.no_grad():
        model.weight.copy_(torch.tensor([w_init], dtype=torch.float32))
    w32 = model.weight.detach().reshape(-1).tolist()
    loss = squared_loss
    out = []
    for epoch in range(epochs):
        y_pred = model(x)
        l = loss(y_pred, y)
        l.backward()
        sgd([model.weight, model.bias], lr=lr, weight_decay=wd)
        _ = model.weight.grad.fill_(0)
        _ = model.bias.grad.fill_(0)
        out.append(f"{l.item():.4f}")
    return w32, out, model.weight.detach(), model.bias.detach()


def have_torch():
    try:
        import torch  # noqa: F401
        return True
    except Exception:
        return False


# ============================================================================= runs 000 / 002
def run_nobias(name, printed, final_printed, lr, n_steps, report):
    print(f"\n{'=' * 100}\nRUN {name}: nn.Conv2d(1,1,(1,2),bias=False), lr={lr}, {n_steps} steps, "
          f"{len(printed)} printed losses (3 dp, before update), final {final_printed}")
    Q, r, s = describe([1.0, -1.0], bias=False)
    a, bt = 1 - 60 * lr, 1 - 12 * lr
    print(f"  eigen-coordinates u = w0+w1, v = w0-w1:  L = 15 u^2 + 3 (v-2)^2")
    print(f"  one step: u' = (1-60 lr) u = {a:g} u,  (v'-2) = (1-12 lr)(v-2) = {bt:g} (v-2)")
    print(f"  => printed loss k (k=0..): L_k = 15*{a:g}^(2k)*u0^2 + 3*{bt:g}^(2k)*(v0-2)^2")
    k = np.arange(len(printed))
    A = np.stack([15 * a ** (2 * k), 3 * bt ** (2 * k)], 1)
    (U, V), *_ = np.linalg.lstsq(A, np.array(printed), rcond=None)
    uf, vf = final_printed[0] + final_printed[1], final_printed[0] - final_printed[1]
    print(f"  least squares on the losses: u0^2 = {U:.8f}, (v0-2)^2 = {V:.8f}")
    print(f"  final weights: u_N = {uf:+.4f} -> a^N = {a ** n_steps:.6g}, u0 ~ {uf / a ** n_steps:+.5f};"
          f"  v_N-2 = {vf - 2:+.4f} -> b^N = {bt ** n_steps:.6g}, v0-2 ~ {(vf - 2) / bt ** n_steps:+.5f}")
    su = -1.0 if uf / a ** n_steps < 0 else (1.0 if uf != 0 else None)
    sv = -1.0 if vf - 2 < 0 else 1.0
    step = make_rule(lr)
    to_p = lambda C: np.stack([(C[:, 0] + C[:, 1]) / 2, (C[:, 0] - C[:, 1]) / 2], 1)

    def check(P):
        L, Pf = replay64(P, Q, r, s, step, n_steps, len(printed))
        return consistent(L, Pf, printed, 3, final_printed)

    sols = []
    signs_u = [su] if su is not None else [1.0, -1.0]
    for sgn_u in signs_u:
        u0, v0 = sgn_u * math.sqrt(U), 2 + sv * math.sqrt(V)
        F, res = scan(to_p, (u0, v0), (1e-3, 1e-3), check)
        P = to_p(F)
        rep_c = F.mean(0)
        # representative: feasible grid point closest to the centroid
        idx = np.argmin(((F - rep_c) ** 2).sum(1))
        rep = to_p(F[idx:idx + 1])[0]
        sols.append(dict(sign=sgn_u, F=F, P=P, rep=rep, res=res))
        print(f"\n  branch u0 {'>' if sgn_u > 0 else '<'} 0: {len(F)} consistent grid points "
              f"(grid step du={res[0]:.2g}, dv={res[1]:.2g})")
        print(f"    u0 in [{F[:, 0].min():+.7f}, {F[:, 0].max():+.7f}],  v0 in [{F[:, 1].min():+.7f}, {F[:, 1].max():+.7f}]")
        print(f"    w0 in [{P[:, 0].min():+.7f}, {P[:, 0].max():+.7f}],  w1 in [{P[:, 1].min():+.7f}, {P[:, 1].max():+.7f}]")
        print(f"    representative initial kernel: [{rep[0]:+.9f}, {rep[1]:+.9f}]")
        L, Pf = replay64(rep[None], Q, r, s, step, n_steps, len(printed))
        print("    float64 replay vs printed:")
        for i, (x, pv) in enumerate(zip(L[0], printed)):
            print(f"      step {i + 1:3d}: exact {x:12.7f}  -> {x:.3f}   printed {pv:.3f}  {'ok' if f'{x:.3f}' == f'{pv:.3f}' else 'MISMATCH'}")
        print(f"    final (float64): [{Pf[0, 0]:+.7f}, {Pf[0, 1]:+.7f}] -> [{Pf[0, 0]:.4f}, {Pf[0, 1]:.4f}]   printed {list(final_printed)}")
        bound = 1 / math.sqrt(2)
        print(f"    nn.Conv2d default init is U(-1/sqrt(2), 1/sqrt(2)) = U(-{bound:.6f}, {bound:.6f}): "
              f"{'inside' if np.all(np.abs(rep) < bound) else 'OUTSIDE'}")
    report[name] = dict(sols=sols, Q=Q, r=r, s=s)

    if have_torch():
        print(f"\n  torch {__import__('torch').__version__} float32 replay (verbatim notebook cell):")
        for sol in sols:
            pts = [("representative", sol["rep"])]
            P = sol["P"]
            for j, lab in ((0, "w0"), (1, "w1")):
                pts.append((f"min {lab}", P[np.argmin(P[:, j])]))
                pts.append((f"max {lab}", P[np.argmax(P[:, j])]))
            for lab, w in pts:
                w32, out, fin, outmap = torch_replay_conv2d(list(w), lr, n_steps, len(printed), [1.0, -1.0])
                okL = out == [f"{v:.3f}" for v in printed]
                fin_s = [f"{v:.4f}" for v in fin.reshape(-1).tolist()]
                okF = fin_s == [f"{v:.4f}" for v in final_printed]
                bad = [i + 1 for i, (o, pv) in enumerate(zip(out, printed)) if o != f"{pv:.3f}"]
                fw = fin.reshape(-1).tolist()
                print(f"    [{sol['sign']:+.0f}] {lab:14s} init f32 [{w32[0]:+.9g}, {w32[1]:+.9g}]  losses "
                      f"{'all match' if okL else 'mismatch at ' + str(bad)}; final {fin_s} "
                      f"{'match' if okF else 'MISMATCH'}; final w0+w1 (f32) = {fw[0] + fw[1]:.3g}")
                if lab == "representative":
                    L64, _ = replay64(np.array([sol["rep"]]), Q, r, s, make_rule(lr), n_steps, len(printed))
                    marg = np.abs(np.abs(L64[0] - np.array(printed)) - 0.0005)
                    i = int(np.argmin(marg))
                    print(f"      smallest distance of an exact loss from a rounding boundary: {marg[i]:.2e} "
                          f"(step {i + 1}); float32 loss error is ~1e-7 relative, so no printed digit of the "
                          f"representative depends on float32")
                    print("      torch losses:", " ".join(out))
                    print("      final weight tensor:", fin)
                    if name == "002":
                        print("      conv2d(X) after training (In[30] printed 0.0000 at the (1,1) windows):")
                        print("     ", str(outmap).replace("\n", "\n      "))
        # float32 sensitivity over the whole float64-consistent region
        rng = np.random.default_rng(0)
        nsamp = 300 if n_steps <= 10 else 120
        for sol in sols:
            P = sol["P"]
            idx = rng.choice(len(P), size=min(nsamp, len(P)), replace=False)
            agree = 0
            bad = []
            for j in idx:
                w = P[j]
                w32, out, fin, _ = torch_replay_conv2d(list(w), lr, n_steps, len(printed), [1.0, -1.0])
                w32a = np.array([w32], float)
                L64, Pf64 = replay64(w32a, Q, r, s, make_rule(lr), n_steps, len(printed))
                ok32 = out == [f"{v:.3f}" for v in printed] and \
                    [f"{v:.4f}" for v in fin.reshape(-1).tolist()] == [f"{v:.4f}" for v in final_printed]
                ok64 = bool(consistent(L64, Pf64, printed, 3, final_printed)[0])
                agree += ok32
                if not ok32:
                    m = np.abs(np.abs(L64[0] - np.array(printed)) - 0.0005).min()
                    bad.append((ok64, m))
            print(f"    [{sol['sign']:+.0f}] float32 replay of {len(idx)} random points of the float64-consistent "
                  f"region: {agree} reproduce every printed digit in float32; the {len(bad)} others all have an "
                  f"exact loss within {max([b[1] for b in bad], default=0):.1e} of a rounding boundary "
                  f"(float64-consistent only by that margin)")
    return sols


# ============================================================================= run 004
FORMS = [
    ("coupled", "p -= lr*(grad + wd*p) on w and b  [= p -= lr*grad + lr*wd*p]"),
    ("decoupled", "p -= lr*grad; p *= (1 - lr*wd) on w and b"),
    ("coupled_w", "p -= lr*(grad + wd*p) on w only; b -= lr*grad"),
    ("decoupled_w", "decoupled on w only; b -= lr*grad"),
    ("none", "weight_decay ignored"),
    ("l2loss", "wd/2*||p||^2 added to the loss (same update as coupled) AND included in printed loss"),
    ("batch6", "p -= lr*(grad/6 + wd*p)  (d2l_func sgd2 with batch_size = len(y) = 6)"),
    ("batch42", "p -= lr*(grad/42 + wd*p)  (batch_size = 42 outputs)"),
]


def run_004(report):
    lr, wd, n = 0.01, 0.1, 50
    print(f"\n{'=' * 100}\nRUN 004: Conv2D(weight=torch.rand((1,2)), bias=zeros(1)), squared_loss=sum, "
          f"sgd(lr={lr}, weight_decay={wd}), {n} epochs,\n  train_loss epochs 1..8 (4 dp, before update), "
          f"final weight {F004}, bias {B004_TEXT}")
    Q, r, s = describe([-1.0, 1.0], bias=True)
    print("  coordinates: d = (w1-w0)/2 (antisymmetric, Hessian eigenvalue 12), "
          "m = (w0+w1)/2, b: on the symmetric subspace w0=w1=m one GD step is (m,b) -= lr*([[60,36],[72,84]](m,b)), eigenvalues 72 +- sqrt(2736) = 124.3, 19.69")
    to_p = lambda C: np.stack([C[:, 1] - C[:, 0], C[:, 1] + C[:, 0], np.zeros(len(C))], 1)  # C=(d,m)
    results = {}
    for form, desc in FORMS:
        if form.startswith("batch"):
            step = make_rule(lr, wd, "batch", bs=float(form[5:]))
        else:
            step = make_rule(lr, wd, form)
        extra = (lambda P: wd / 2 * (P ** 2).sum(1)) if form == "l2loss" else None

        def resid(c, step=step, extra=extra):
            L, _ = replay64(to_p(np.array([c])), Q, r, s, step, n, len(P004), extra)
            return L[0] - np.array(P004)

        # coarse start: grid over [0,1)^2 in (w0, w1)
        g = np.linspace(0, 1, 201)
        W0, W1 = np.meshgrid(g, g, indexing="ij")
        Pg = np.stack([W0.ravel(), W1.ravel(), np.zeros(W0.size)], 1)
        Lg, _ = replay64(Pg, Q, r, s, step, n, len(P004), extra)
        j = np.argmin(((Lg - np.array(P004)) ** 2).sum(1))
        c0 = np.array([(Pg[j, 1] - Pg[j, 0]) / 2, (Pg[j, 0] + Pg[j, 1]) / 2])
        c = gauss_newton(resid, c0)
        res = resid(c)
        p0 = to_p(np.array([c]))[0]
        L, Pf = replay64(p0[None], Q, r, s, step, n, len(P004), extra)

        def check(P, step=step, extra=extra, form=form):
            L, Pf = replay64(P, Q, r, s, step, n, len(P004), extra)
            return consistent(L, Pf, P004, 4, F004, 4, B004_TEXT)

        def check_losses(P, step=step, extra=extra):
            L, Pf = replay64(P, Q, r, s, step, n, len(P004), extra)
            return np.all(np.abs(L - np.array(P004)) <= 0.5e-4 + 1e-12, axis=1)

        Fl, _ = scan(to_p, c, (1e-4, 1e-4), check_losses)
        Pl = to_p(Fl)
        Ll, Pfl = replay64(Pl, Q, r, s, step, n, len(P004), extra)
        nfin = np.sum(np.all(np.abs(Pfl[:, :2] - np.array(F004)) <= 0.5e-4 + 1e-12, 1))
        nbias = np.sum([fmt_sci5(v) == B004_TEXT for v in Pfl[:, 2]])
        nall = np.sum(check(Pl))
        results[form] = dict(c=c, p0=p0, L=L[0], Pf=Pf[0], maxres=np.abs(res).max(),
                             Fl=Fl, Pl=Pl, Pfl=Pfl, nfin=nfin, nbias=nbias, nall=nall, desc=desc)
        print(f"\n  [{form}] {desc}")
        print(f"    best fit w0={p0[0]:.8f} w1={p0[1]:.8f} (in [0,1): {bool(np.all((p0[:2] >= 0) & (p0[:2] < 1)))}), "
              f"max |loss - printed| = {np.abs(res).max():.2e} (tolerance 5e-5)")
        if len(Fl) and check_losses(p0[None])[0] or len(Fl) > 0:
            print(f"    initial values whose 8 losses all round correctly: {len(Fl)} grid points, "
                  f"w0 in [{Pl[:, 0].min():.7f}, {Pl[:, 0].max():.7f}], w1 in [{Pl[:, 1].min():.7f}, {Pl[:, 1].max():.7f}]")
            print(f"    over that set: final w0 in [{Pfl[:, 0].min():.6f}, {Pfl[:, 0].max():.6f}], "
                  f"w1 in [{Pfl[:, 1].min():.6f}, {Pfl[:, 1].max():.6f}], bias in [{Pfl[:, 2].min():.6e}, {Pfl[:, 2].max():.6e}]")
            print(f"    points also matching final weight: {nfin}; matching bias {B004_TEXT}: {nbias}; matching everything: {nall}")
        print(f"    best-fit final: w=[{Pf[0, 0]:+.6f}, {Pf[0, 1]:+.6f}]  b={Pf[0, 2]:.6e}  "
              f"(printed {F004}, {B004_TEXT})")
    report["004"] = results

    # winner(s)
    winners = [f for f in results if results[f]["nall"] > 0]
    print(f"\n  forms reproducing ALL printed numbers in EXACT (float64) arithmetic (8 losses, final weight, bias): {winners}")
    fits = [f for f in results if results[f]["maxres"] <= 0.5e-4]
    print(f"  -> forms whose best fit rounds to all 8 printed losses: {fits}; their exact-arithmetic bias: "
          + ", ".join(f"{f}: {results[f]['Pf'][2]:.5e}" for f in fits)
          + f" vs printed {B004_TEXT} -> the printed bias is a float32 effect (see float32 enumeration below)")
    for form in winners:
        R = results[form]
        ok = check_all = None
        step = make_rule(lr, wd, form)
        L, Pf = replay64(R["Pl"], Q, r, s, step, n, len(P004))
        okm = consistent(L, Pf, P004, 4, F004, 4, B004_TEXT)
        P = R["Pl"][okm]
        C = R["Fl"][okm]
        cen = C.mean(0)
        rep = to_p(C[np.argmin(((C - cen) ** 2).sum(1))][None])[0]
        R["P_all"], R["rep"] = P, rep
        print(f"  [{form}] fully consistent initial kernels: w0 in [{P[:, 0].min():.7f}, {P[:, 0].max():.7f}], "
              f"w1 in [{P[:, 1].min():.7f}, {P[:, 1].max():.7f}]  ({len(P)} grid points)")
        print(f"    representative initial kernel: [{rep[0]:.9f}, {rep[1]:.9f}], bias 0")
        L, Pf = replay64(rep[None], Q, r, s, step, n, len(P004))
        print("    float64 replay vs printed:")
        for i, (x, pv) in enumerate(zip(L[0], P004)):
            print(f"      epoch {i + 1}: exact {x:12.8f} -> {x:.4f}   printed {pv:.4f}  {'ok' if f'{x:.4f}' == f'{pv:.4f}' else 'MISMATCH'}")
        Lall, _ = replay64(rep[None], Q, r, s, step, n, n)
        print("    epochs 9..50 (not printed):", " ".join(f"{v:.4f}" for v in Lall[0, 8:]))
        print(f"    final: w=[{Pf[0, 0]:+.8f}, {Pf[0, 1]:+.8f}] b={Pf[0, 2]:.6e}  -> "
              f"[{Pf[0, 0]:.4f}, {Pf[0, 1]:.4f}], {fmt_sci5(Pf[0, 2])}   printed {F004}, {B004_TEXT}")

    if have_torch():
        f32_enumeration_004(Q, r, s, results["coupled"])

    if have_torch():
        print("\n  torch float32 replay of the 004 notebook code for each weight-decay form "
              "(best-fit / representative initial kernel of that form):")
        for form, desc in FORMS:
            if form not in ("coupled", "decoupled", "coupled_w", "decoupled_w", "none"):
                continue
            R = results[form]
            pts = [("rep" if "rep" in R else "best fit", R.get("rep", R["p0"]))]
            if "P_all" in R:
                P = R["P_all"]
                for j, lab in ((0, "w0"), (1, "w1")):
                    pts.append((f"min {lab}", P[np.argmin(P[:, j])]))
                    pts.append((f"max {lab}", P[np.argmax(P[:, j])]))
            for lab, w in pts:
                w32, out, fw, fb = torch_replay_004(list(w[:2]), form)
                bad = [i + 1 for i, (o, pv) in enumerate(zip(out[:8], P004)) if o != f"{pv:.4f}"]
                fws = [f"{v:.4f}" for v in fw.reshape(-1).tolist()]
                fbs = fmt_sci5(fb.item())
                print(f"    [{form:11s}] {lab:8s} init f32 [{w32[0]:.9g}, {w32[1]:.9g}]: losses "
                      f"{'all 8 match' if not bad else 'mismatch at epochs ' + str(bad)}; final {fws} "
                      f"{'ok' if fws == [f'{v:.4f}' for v in F004] else 'MISMATCH'}; bias {fbs} "
                      f"{'ok' if fbs == B004_TEXT else 'MISMATCH'}")
                if lab in ("rep",) and form in winners:
                    print("      torch losses 1..8:", " ".join(out[:8]))
                    print("      model.weight:", fw, " model.bias:", fb, f"(bias exact f32 {fb.item():.9e})")


def f32_grid(lo, hi):
    v = np.float32(lo)
    out = []
    while v <= np.float32(hi):
        out.append(float(v))
        v = np.nextafter(v, np.float32(2))
    return out


def f32_enumeration_004(Q, r, s, R):
    """Every float32 initial kernel near the coupled-form solution, replayed with the notebook
    code in torch float32. The printed bias turns out to depend on float32 rounding."""
    import collections
    step = make_rule(0.01, 0.1, "coupled")
    P = R["Pl"]
    w0s = f32_grid(P[:, 0].min() - 2e-7, P[:, 0].max() + 2e-7)
    w1s = f32_grid(P[:, 1].min() - 4e-7, P[:, 1].max() + 4e-7)
    C = np.array([[a, b, 0.0] for a in w0s for b in w1s])
    L, _ = replay64(C, Q, r, s, step, 50, 8)
    mr = np.abs(L - np.array(P004)).max(1)
    keep = mr <= 6e-5          # float32 can move a loss by a few 1e-6 at most
    C, mr = C[keep], mr[keep]
    print(f"\n  [coupled] float32 enumeration: {len(w0s)} x {len(w1s)} float32 values in the box, "
          f"{len(C)} with float64 loss misfit <= 6e-5 replayed one by one in torch float32 ...")
    rows = []
    for w, m_ in zip(C, mr):
        w32, out, fw, fb = torch_replay_004([w[0], w[1]], "coupled")
        rows.append((w[0], w[1], m_, out[:8] == [f"{v:.4f}" for v in P004],
                     [f"{v:.4f}" for v in fw.reshape(-1).tolist()] == [f"{v:.4f}" for v in F004],
                     fb.item()))
    lossok = np.array([x[3] for x in rows])
    finok = np.array([x[4] for x in rows])
    bias = np.array([x[5] for x in rows])
    ok64 = np.array([x[2] for x in rows]) <= 0.5e-4
    print(f"    float32 losses all match: {lossok.sum()};  final weight matches: {finok.sum()} (of {len(rows)})")
    print(f"    float64 says all 8 losses match: {ok64.sum()}; float32 and float64 disagree on some printed loss "
          f"digit for {np.sum(ok64 != lossok)} kernels (all with float64 misfit within "
          f"{np.abs(np.array([x[2] for x in rows])[ok64 != lossok] - 0.5e-4).max():.1e} of the 5e-5 tolerance)")
    cnt = collections.Counter(f"{b:.6e}" for b, ok in zip(bias, lossok) if ok)
    print("    final float32 bias over the loss-matching kernels (value: how many):")
    for k_, v_ in sorted(cnt.items()):
        print(f"      {k_} -> prints {float(k_):.4e}: {v_}")
    full = lossok & finok & np.array([fmt_sci5(b) == B004_TEXT for b in bias])
    A = np.array([[x[0], x[1]] for x in rows])[full]
    print(f"    kernels reproducing EVERY printed number in float32 (8 losses, weight, bias {B004_TEXT}): "
          f"{full.sum()}")
    if full.sum():
        cen = A.mean(0)
        rep = A[np.argmin(((A - cen) ** 2).sum(1))]
        R["rep32"] = rep
        R["A32"] = A
        print(f"    their range: w0 in [{A[:, 0].min():.9g}, {A[:, 0].max():.9g}], "
              f"w1 in [{A[:, 1].min():.9g}, {A[:, 1].max():.9g}]")
        print(f"    representative (float32-exact) initial kernel: [{rep[0]:.9g}, {rep[1]:.9g}]  "
              f"(float32 bits {np.float32(rep[0]).view(np.uint32):#010x}, {np.float32(rep[1]).view(np.uint32):#010x})")
        w32, out, fw, fb = torch_replay_004(list(rep), "coupled", epochs=50)
        print("      torch losses 1..8:", " ".join(out[:8]), "  printed:", " ".join(f"{v:.4f}" for v in P004))
        print("      epochs 9..50:", " ".join(out[8:]))
        print("      model.weight:", fw, " model.bias:", fb, f" (exact float32 bias {fb.item():.9e})")


def main():
    report = {}
    print("X =\n", X.astype(int))
    print("Y(000/002) = corr2d(X,[[1,-1]]) =\n", corr2d(X, np.array([[1.0, -1.0]])).astype(int))
    run_nobias("000", P000, F000, 3e-2, 10, report)
    run_nobias("002", P002, F002, 0.003, 100, report)
    run_004(report)
    if not have_torch():
        print("\n(torch not importable: float32 replays skipped; use /usr/bin/python3)")


if __name__ == "__main__":
    main()
