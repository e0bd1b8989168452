"""Peers for the engine's figure: one training iteration of the `wider` lesson in micrograd and
in JAX (the whole step jitted), timed per iteration, beside the engine and hand-written C.

Usage: python3 peers.py CHECK x1 x2 y1 y2 W11 W12 W21 W22 b1 b2 V11 V12 V21 V22 eta

The iteration is the lesson's: h = W x + b, q = sigmoid(h), o = V q, p = softmax(o),
L = crossentropy(p, y), then one gradient step on W, b and V with rate eta. Prints one JSON
object with an entry per peer: us_per_iteration (the median of several timed runs, after a
warm-up) and loss_check (the loss of iteration CHECK, so that the benchmark can check the peer
computes what the engine computes), or error when the peer is not installed here.

The Benchmarks target runs this with the Python named by PEERS_PYTHON (python3 by default):
    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install micrograd jax jaxlib numpy
    PEERS_PYTHON=/tmp/peers/bin/python swift run -c release Benchmarks engine
JAX on the CPU runs its own kernels, not OpenBLAS, so OPENBLAS_CORETYPE does not affect it.
"""

import json
import math
import statistics
import sys
import time

REPEATS = 5


def median_us(run, iterations):
    """The median over REPEATS runs of run(iterations), in microseconds per iteration."""
    samples = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        run(iterations)
        samples.append((time.perf_counter() - began) / iterations * 1e6)
    return statistics.median(samples)


def micrograd_peer(check, x, y, W, b, V, eta):
    from micrograd.engine import Value

    # micrograd's Value has +, *, ** and relu; exp and log are added in its own style: the
    # value, and a closure that pushes the gradient to the parent.
    def exp(v):
        out = Value(math.exp(v.data), (v,), "exp")

        def backward():
            v.grad += out.data * out.grad

        out._backward = backward
        return out

    def log(v):
        out = Value(math.log(v.data), (v,), "log")

        def backward():
            v.grad += out.grad / v.data

        out._backward = backward
        return out

    params = {
        "W": [[Value(w) for w in row] for row in W],
        "b": [Value(v) for v in b],
        "V": [[Value(v) for v in row] for row in V],
    }
    flat = [v for row in params["W"] for v in row] + params["b"] + [v for row in params["V"] for v in row]

    def iterate():
        Wv, bv, Vv = params["W"], params["b"], params["V"]
        h = [Wv[i][0] * x[0] + Wv[i][1] * x[1] + bv[i] for i in range(2)]
        q = [1 / (1 + exp(-hi)) for hi in h]
        o = [Vv[i][0] * q[0] + Vv[i][1] * q[1] for i in range(2)]
        e = [exp(oi) for oi in o]
        total = e[0] + e[1]
        p = [ei / total for ei in e]
        loss = -(y[0] * log(p[0]) + y[1] * log(p[1]))
        for v in flat:
            v.grad = 0
        loss.backward()
        for v in flat:
            v.data -= eta * v.grad
        return loss.data

    def reset():
        values = [w for row in W for w in row] + list(b) + [v for row in V for v in row]
        for v, start in zip(flat, values):
            v.data = start

    loss = None
    for _ in range(check):
        loss = iterate()

    def run(iterations):
        reset()
        for _ in range(iterations):
            iterate()

    return {"us_per_iteration": median_us(run, 2000), "loss_check": loss}


def jax_peer(check, x, y, W, b, V, eta):
    import jax

    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp

    xs, ys = jnp.array(x), jnp.array(y)

    def loss_of(params):
        Wm, bv, Vm = params
        q = jax.nn.sigmoid(Wm @ xs + bv)
        o = Vm @ q
        return -jnp.sum(ys * jax.nn.log_softmax(o))

    @jax.jit
    def step(params):
        loss, grads = jax.value_and_grad(loss_of)(params)
        return tuple(p - eta * g for p, g in zip(params, grads)), loss

    start = (jnp.array(W), jnp.array(b), jnp.array(V))
    params, loss = start, None
    for _ in range(check):
        params, loss = step(params)
    loss_check = float(loss)

    def run(iterations):
        params = start
        for _ in range(iterations):
            params, loss = step(params)
        loss.block_until_ready()

    run(100)  # warm-up: compiled on the first call above, cached since
    return {"us_per_iteration": median_us(run, 5000), "loss_check": loss_check}


def main():
    if len(sys.argv) != 17:
        sys.exit("usage: peers.py CHECK x1 x2 y1 y2 W11 W12 W21 W22 b1 b2 V11 V12 V21 V22 eta")
    check = int(sys.argv[1])
    v = [float(a) for a in sys.argv[2:]]
    x, y = v[0:2], v[2:4]
    W, b, V, eta = [v[4:6], v[6:8]], v[8:10], [v[10:12], v[12:14]], v[14]
    report = {}
    for name, peer in (("micrograd", micrograd_peer), ("jax", jax_peer)):
        try:
            report[name] = peer(check, x, y, W, b, V, eta)
        except ImportError as error:
            report[name] = {"error": f"not installed ({error.name})"}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
