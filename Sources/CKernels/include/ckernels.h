// Hot loops of netan's all-sources algorithms, in C so that the compiler keeps the inner
// loop's pointers and counters in registers (the same loop in Swift spilled them and ran
// about 57 instructions per arc). Called only from NetGraph's BrandesKernel.
#ifndef NETAN_CKERNELS_H
#define NETAN_CKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Weighted Brandes from each of `sources` (kernel node numbers) on compressed sparse rows
/// with positive arc lengths; adds each node's dependency (ordered pairs) to `score`.
/// `in_offsets`, `in_sources` and `in_lengths` are ignored when `symmetric` is non-zero (the
/// out-arcs serve as in-arcs). `tolerance` is the relative tolerance for equal path lengths.
/// When `reach` is not NULL (3 × node_count doubles), the same searches also add, for every
/// node v reached from a source s ≠ v, d(s, v), 1/d(s, v) and 1 to reach[3v], reach[3v + 1]
/// and reach[3v + 2]: the incoming distance sums that closeness and harmonic centrality need.
/// Sizes and offsets are `ptrdiff_t` (Swift `Int` on every platform).
/// Returns 0, or -1 when its buffers could not be allocated (nothing added then).
int netan_weighted_brandes(ptrdiff_t node_count,
                           const ptrdiff_t *out_offsets, const int32_t *out_targets, const double *out_lengths,
                           const ptrdiff_t *in_offsets, const int32_t *in_sources, const double *in_lengths,
                           int symmetric, const ptrdiff_t *sources, ptrdiff_t source_count,
                           double tolerance, double *score, double *reach);

#endif
