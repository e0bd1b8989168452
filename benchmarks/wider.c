/*
 * wider: one training iteration of the `wider` lesson written by hand in C, the floor for the
 * engine's figure. Forward (h = W x + b, q = sigmoid(h), o = V q, p = softmax(o),
 * L = crossentropy(p, y)), backward (dL/do = p * sum(y) - y, then V, q, h, W, b), and one
 * gradient step on W, b and V.
 *
 * Usage: wider ITERATIONS REPEATS CHECK x1 x2 y1 y2 W11 W12 W21 W22 b1 b2 V11 V12 V21 V22 eta
 *
 * Prints one JSON object: us_per_iteration, the median over REPEATS runs of ITERATIONS
 * iterations from the starting values; loss_check, the loss of iteration CHECK, so that the
 * benchmark can check this computes what the engine computes.
 * Built by the Benchmarks target: cc -O2 wider.c -lm
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
    double W[2][2], b[2], V[2][2];
} Parameters;

/* One iteration: returns its loss and updates `p` in place. */
static double iterate(Parameters *p, const double x[2], const double y[2], double eta) {
    double h[2], q[2], o[2], e[2];
    for (int i = 0; i < 2; i++) {
        h[i] = p->W[i][0] * x[0] + p->W[i][1] * x[1] + p->b[i];
        q[i] = 1 / (1 + exp(-h[i]));
    }
    for (int i = 0; i < 2; i++) o[i] = p->V[i][0] * q[0] + p->V[i][1] * q[1];
    double top = o[0] > o[1] ? o[0] : o[1];
    e[0] = exp(o[0] - top);
    e[1] = exp(o[1] - top);
    double total = e[0] + e[1], ysum = y[0] + y[1];
    double loss = -(y[0] * (o[0] - top - log(total)) + y[1] * (o[1] - top - log(total)));

    double dO[2], dQ[2], dH[2];
    for (int i = 0; i < 2; i++) dO[i] = e[i] / total * ysum - y[i];
    for (int j = 0; j < 2; j++) dQ[j] = p->V[0][j] * dO[0] + p->V[1][j] * dO[1];
    for (int j = 0; j < 2; j++) dH[j] = dQ[j] * q[j] * (1 - q[j]);
    for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
            p->V[i][j] -= eta * dO[i] * q[j];
            p->W[i][j] -= eta * dH[i] * x[j];
        }
        p->b[i] -= eta * dH[i];
    }
    return loss;
}

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int ascending(const void *a, const void *b) {
    double l = *(const double *)a, r = *(const double *)b;
    return (l > r) - (l < r);
}

int main(int argc, char **argv) {
    if (argc != 19) {
        fprintf(stderr, "usage: wider ITERATIONS REPEATS CHECK x1 x2 y1 y2 W11 W12 W21 W22 b1 b2 V11 V12 V21 V22 eta\n");
        return 1;
    }
    long iterations = atol(argv[1]), check = atol(argv[3]);
    int repeats = atoi(argv[2]);
    if (iterations < 1 || repeats < 1 || repeats > 100 || check < 1) {
        fprintf(stderr, "wider: ITERATIONS, REPEATS (up to 100) and CHECK must be positive\n");
        return 1;
    }
    double v[15];
    for (int i = 0; i < 15; i++) v[i] = atof(argv[4 + i]);
    const double x[2] = {v[0], v[1]}, y[2] = {v[2], v[3]};
    const Parameters start = {{{v[4], v[5]}, {v[6], v[7]}}, {v[8], v[9]}, {{v[10], v[11]}, {v[12], v[13]}}};
    double eta = v[14];

    Parameters p = start;
    double loss = 0;
    for (long i = 0; i < check; i++) loss = iterate(&p, x, y, eta);

    double samples[100];
    volatile double sink = 0;
    for (int r = 0; r < repeats; r++) {
        p = start;
        double began = now_us();
        for (long i = 0; i < iterations; i++) sink += iterate(&p, x, y, eta);
        samples[r] = (now_us() - began) / iterations;
    }
    qsort(samples, repeats, sizeof samples[0], ascending);
    printf("{\"us_per_iteration\": %.6f, \"loss_check\": %.17g}\n", samples[repeats / 2], loss);
    return 0;
}
