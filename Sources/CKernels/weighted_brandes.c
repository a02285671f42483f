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
    ptrdiff_t size;
} heap4;

static inline void heap_push_or_decrease(heap4 *h, double key, int32_t node) {
    ptrdiff_t i = h->position[node] == 0 ? h->size++ : h->position[node] - 1;
    heap_entry *a = h->items;
    while (i > 0) {
        ptrdiff_t parent = (i - 1) >> 2;
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
    ptrdiff_t n = h->size;
    if (n > 0) {
        ptrdiff_t i = 0;
        for (;;) {
            ptrdiff_t first = 4 * i + 1;
            if (first >= n) break;
            ptrdiff_t child = first;
            double child_key = a[first].key;
            ptrdiff_t end = first + 4 < n ? first + 4 : n;
            for (ptrdiff_t j = first + 1; j < end; j++) {
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
    ptrdiff_t *predecessor_start;
    heap4 heap;
} buffers;

// One source; `symmetric` is a constant in each of the two inlined copies.
static inline __attribute__((always_inline)) void search(
    ptrdiff_t s, int symmetric, const ptrdiff_t *off, const int32_t *tg, const double *len,
    const ptrdiff_t *in_off, const int32_t *in_src, const double *in_len,
    double improves, double ties, buffers *b, double *score, double *reach)
{
    double *restrict sigma = b->sigma, *restrict accumulated = b->accumulated, *restrict dist = b->dist;
    int32_t *restrict order = b->order, *restrict predecessors = b->predecessors;
    ptrdiff_t *restrict predecessor_start = b->predecessor_start;
    heap4 *heap = &b->heap;
    ptrdiff_t count = 0, recorded = 0;
    dist[s] = 0;
    heap_push_or_decrease(heap, 0, (int32_t)s);
    while (heap->size > 0) {
        heap_entry top = heap_pop(heap);
        const double d = top.key;
        const ptrdiff_t v = top.node;
        // The new top of the heap is usually the next node settled: ask for its arcs now, so
        // that their cache misses overlap this node's work (on the national benchmark graph,
        // whose arcs do not fit in L2, this took a third off the time; prefetching the top's
        // children as well was slower).
        if (heap->size > 0) {
            const ptrdiff_t next = heap->items[0].node;
            __builtin_prefetch(tg + off[next]);
            __builtin_prefetch(len + off[next]);
            // The second line of lengths, by address (the pointer may lie past the array).
            __builtin_prefetch((const void *)((uintptr_t)(len + off[next]) + 64));
            if (!symmetric) {
                __builtin_prefetch(in_src + in_off[next]);
                __builtin_prefetch(in_len + in_off[next]);
            }
        }
        order[count] = (int32_t)v; predecessor_start[count] = recorded; count++;
        double sv = v == s ? 1.0 : 0.0;
        const double limit = d * ties;
        for (ptrdiff_t e = off[v], end = off[v + 1]; e < end; e++) {
            const ptrdiff_t w = tg[e];
            const double length = len[e];
            const double dw = dist[w];
            const double alt = d + length;
            if (alt < dw * improves) {   // dw = infinity included
                dist[w] = alt;
                heap_push_or_decrease(heap, alt, (int32_t)w);
            }
            // Predecessors are rare (about one per node), so a branch predicts well and saves
            // loading σ for every arc (15% on national, measured in the Swift loop).
            if (symmetric && dw + length <= limit) {
                sv += sigma[w];
                predecessors[recorded++] = (int32_t)w;
            }
        }
        if (!symmetric) {
            for (ptrdiff_t e = in_off[v], end = in_off[v + 1]; e < end; e++) {
                const ptrdiff_t u = in_src[e];
                if (dist[u] + in_len[e] <= limit) {
                    sv += sigma[u];
                    predecessors[recorded++] = (int32_t)u;
                }
            }
        }
        sigma[v] = sv;
    }
    predecessor_start[count] = recorded;
    for (ptrdiff_t i = count - 1; i >= 0; i--) {
        const ptrdiff_t w = order[i];
        const double dependency = sigma[w] * accumulated[w];
        if (w != s) score[w] += dependency;
        const double numerator = 1 + dependency;
        const double c = numerator / sigma[w];
        for (ptrdiff_t p = predecessor_start[i], end = predecessor_start[i + 1]; p < end; p++) accumulated[predecessors[p]] += c;
    }
    // Closeness from the same searches: every node v reached from s (v != s) gains d(s, v)
    // towards its incoming distance sum, 1/d towards its harmonic sum, one towards its count.
    if (reach) {
        for (ptrdiff_t k = 1; k < count; k++) {
            const ptrdiff_t v = order[k];
            const double d = dist[v];
            reach[3 * v] += d;
            reach[3 * v + 1] += 1 / d;
            reach[3 * v + 2] += 1;
        }
    }
    for (ptrdiff_t k = 0; k < count; k++) {
        const ptrdiff_t v = order[k];
        dist[v] = __builtin_inf(); sigma[v] = 0; accumulated[v] = 0;
    }
}

int netan_weighted_brandes(ptrdiff_t n, const ptrdiff_t *off, const int32_t *tg, const double *len,
                           const ptrdiff_t *in_off, const int32_t *in_src, const double *in_len,
                           int symmetric, const ptrdiff_t *sources, ptrdiff_t source_count,
                           double tolerance, double *score, double *reach)
{
    const ptrdiff_t arcs = off[n] > 0 ? off[n] : 1;
    buffers b;
    b.sigma = calloc((size_t)n + 1, sizeof(double));
    b.accumulated = calloc((size_t)n + 1, sizeof(double));
    b.dist = malloc(((size_t)n + 1) * sizeof(double));
    b.order = malloc(((size_t)n + 1) * sizeof(int32_t));
    b.predecessors = malloc((size_t)arcs * sizeof(int32_t));
    b.predecessor_start = malloc(((size_t)n + 2) * sizeof(ptrdiff_t));
    b.heap.items = malloc(((size_t)n + 1) * sizeof(heap_entry));
    b.heap.position = calloc((size_t)n + 1, sizeof(int32_t));
    b.heap.size = 0;
    int ok = b.sigma && b.accumulated && b.dist && b.order && b.predecessors && b.predecessor_start
        && b.heap.items && b.heap.position;
    if (ok) {
        for (ptrdiff_t i = 0; i < n; i++) b.dist[i] = __builtin_inf();
        const double improves = 1 - tolerance, ties = 1 + tolerance;
        if (symmetric) {
            for (ptrdiff_t k = 0; k < source_count; k++)
                search(sources[k], 1, off, tg, len, in_off, in_src, in_len, improves, ties, &b, score, reach);
        } else {
            for (ptrdiff_t k = 0; k < source_count; k++)
                search(sources[k], 0, off, tg, len, in_off, in_src, in_len, improves, ties, &b, score, reach);
        }
    }
    free(b.sigma); free(b.accumulated); free(b.dist); free(b.order); free(b.predecessors);
    free(b.predecessor_start); free(b.heap.items); free(b.heap.position);
    return ok ? 0 : -1;
}
