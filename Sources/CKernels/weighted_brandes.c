// Weighted Brandes betweenness: Dijkstra with a 4-ary decrease-key heap, σ pulled when a node
// is settled, predecessors recorded, backward pass over the shortest-path DAG only. The
// algorithm and its tie rule are those documented on BrandesKernel.weightedScores (Swift);
// this file only gives the compiler a loop it can keep in registers.
#include "ckernels.h"
#include <stdlib.h>

#pragma STDC FP_CONTRACT OFF

typedef struct { double key; int32_t node; } heap_entry;

typedef struct {
    heap_entry *items;
    int32_t *position;   // position + 1 in items; 0 when absent
    long size;
} heap4;

static inline void heap_push_or_decrease(heap4 *h, double key, int32_t node) {
    long i = h->position[node] == 0 ? h->size++ : h->position[node] - 1;
    heap_entry *a = h->items;
    while (i > 0) {
        long parent = (i - 1) >> 2;
        if (a[parent].key <= key) break;
        a[i] = a[parent];
        h->position[a[i].node] = (int32_t)(i + 1);
        i = parent;
    }
    a[i].key = key; a[i].node = node;
    h->position[node] = (int32_t)(i + 1);
}

static inline heap_entry heap_pop(heap4 *h) {
    heap_entry *a = h->items;
    heap_entry top = a[0];
    heap_entry last = a[--h->size];
    h->position[top.node] = 0;
    long n = h->size;
    if (n > 0) {
        long i = 0;
        for (;;) {
            long first = 4 * i + 1;
            if (first >= n) break;
            long child = first;
            double child_key = a[first].key;
            long end = first + 4 < n ? first + 4 : n;
            for (long j = first + 1; j < end; j++) {
                if (a[j].key < child_key) { child_key = a[j].key; child = j; }
            }
            if (child_key >= last.key) break;
            a[i] = a[child];
            h->position[a[i].node] = (int32_t)(i + 1);
            i = child;
        }
        a[i] = last;
        h->position[last.node] = (int32_t)(i + 1);
    }
    return top;
}

typedef struct {
    double *sigma, *accumulated, *dist;
    int32_t *order, *predecessors;
    long *predecessor_start;
    heap4 heap;
} buffers;

// One source; `symmetric` is a constant in each of the two inlined copies.
static inline __attribute__((always_inline)) void search(
    long s, int symmetric, const long *off, const int32_t *tg, const double *len,
    const long *in_off, const int32_t *in_src, const double *in_len,
    double improves, double ties, buffers *b, double *score)
{
    double *restrict sigma = b->sigma, *restrict accumulated = b->accumulated, *restrict dist = b->dist;
    int32_t *restrict order = b->order, *restrict predecessors = b->predecessors;
    long *restrict predecessor_start = b->predecessor_start;
    heap4 *heap = &b->heap;
    long count = 0, recorded = 0;
    dist[s] = 0;
    heap_push_or_decrease(heap, 0, (int32_t)s);
    while (heap->size > 0) {
        heap_entry top = heap_pop(heap);
        const double d = top.key;
        const long v = top.node;
        // The new top of the heap is usually the next node settled: ask for its arcs now, so
        // that their cache misses overlap this node's work (on the national benchmark graph,
        // whose arcs do not fit in L2, a third of the time; prefetching the top's children as
        // well was slower).
        if (heap->size > 0) {
            const long next = heap->items[0].node;
            __builtin_prefetch(tg + off[next]);
            __builtin_prefetch(len + off[next]);
            __builtin_prefetch(len + off[next] + 8);
            if (!symmetric) {
                __builtin_prefetch(in_src + in_off[next]);
                __builtin_prefetch(in_len + in_off[next]);
            }
        }
        order[count] = (int32_t)v; predecessor_start[count] = recorded; count++;
        double sv = v == s ? 1.0 : 0.0;
        const double limit = d * ties;
        for (long e = off[v], end = off[v + 1]; e < end; e++) {
            const long w = tg[e];
            const double length = len[e];
            const double dw = dist[w];
            const double alt = d + length;
            if (alt < dw * improves) {   // dw = infinity included
                dist[w] = alt;
                heap_push_or_decrease(heap, alt, (int32_t)w);
            }
            if (symmetric && dw + length <= limit) {
                sv += sigma[w];
                predecessors[recorded++] = (int32_t)w;
            }
        }
        if (!symmetric) {
            for (long e = in_off[v], end = in_off[v + 1]; e < end; e++) {
                const long u = in_src[e];
                if (dist[u] + in_len[e] <= limit) {
                    sv += sigma[u];
                    predecessors[recorded++] = (int32_t)u;
                }
            }
        }
        sigma[v] = sv;
    }
    predecessor_start[count] = recorded;
    for (long i = count - 1; i >= 0; i--) {
        const long w = order[i];
        const double dependency = sigma[w] * accumulated[w];
        if (w != s) score[w] += dependency;
        const double numerator = 1 + dependency;
        const double c = numerator / sigma[w];
        for (long p = predecessor_start[i], end = predecessor_start[i + 1]; p < end; p++) accumulated[predecessors[p]] += c;
    }
    for (long k = 0; k < count; k++) {
        const long v = order[k];
        dist[v] = __builtin_inf(); sigma[v] = 0; accumulated[v] = 0;
    }
}

int netan_weighted_brandes(long n, const long *off, const int32_t *tg, const double *len,
                           const long *in_off, const int32_t *in_src, const double *in_len,
                           int symmetric, const long *sources, long source_count,
                           double tolerance, double *score)
{
    const long arcs = off[n] > 0 ? off[n] : 1;
    buffers b;
    b.sigma = calloc((size_t)n + 1, sizeof(double));
    b.accumulated = calloc((size_t)n + 1, sizeof(double));
    b.dist = malloc(((size_t)n + 1) * sizeof(double));
    b.order = malloc(((size_t)n + 1) * sizeof(int32_t));
    b.predecessors = malloc((size_t)arcs * sizeof(int32_t));
    b.predecessor_start = malloc(((size_t)n + 2) * sizeof(long));
    b.heap.items = malloc(((size_t)n + 1) * sizeof(heap_entry));
    b.heap.position = calloc((size_t)n + 1, sizeof(int32_t));
    b.heap.size = 0;
    int ok = b.sigma && b.accumulated && b.dist && b.order && b.predecessors && b.predecessor_start
        && b.heap.items && b.heap.position;
    if (ok) {
        for (long i = 0; i < n; i++) b.dist[i] = __builtin_inf();
        const double improves = 1 - tolerance, ties = 1 + tolerance;
        if (symmetric) {
            for (long k = 0; k < source_count; k++)
                search(sources[k], 1, off, tg, len, in_off, in_src, in_len, improves, ties, &b, score);
        } else {
            for (long k = 0; k < source_count; k++)
                search(sources[k], 0, off, tg, len, in_off, in_src, in_len, improves, ties, &b, score);
        }
    }
    free(b.sigma); free(b.accumulated); free(b.dist); free(b.order); free(b.predecessors);
    free(b.predecessor_start); free(b.heap.items); free(b.heap.position);
    return ok ? 0 : -1;
}
