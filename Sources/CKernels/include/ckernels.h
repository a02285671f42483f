// Hot loops of netan's all-sources algorithms, in C so that the compiler keeps the inner
// loop's pointers and counters in registers (the same loop in Swift spilled them and ran
// about 57 instructions per arc). Called only from NetGraph's BrandesKernel.
#ifndef NETAN_CKERNELS_H
#define NETAN_CKERNELS_H

#include <stdint.h>

/// Weighted Brandes from each of `sources` (kernel node numbers) on compressed sparse rows
/// with positive arc lengths; adds each node's dependency (ordered pairs) to `score`.
/// `in_offsets`, `in_sources` and `in_lengths` are ignored when `symmetric` is non-zero (the
/// out-arcs serve as in-arcs). `tolerance` is the relative tolerance for equal path lengths.
/// Returns 0, or -1 when its buffers could not be allocated (nothing added then).
int netan_weighted_brandes(long node_count,
                           const long *out_offsets, const int32_t *out_targets, const double *out_lengths,
                           const long *in_offsets, const int32_t *in_sources, const double *in_lengths,
                           int symmetric, const long *sources, long source_count,
                           double tolerance, double *score);

#endif
