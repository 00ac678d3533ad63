import CMalloc

/// Keeps glibc's heap from being handed back to the system and taken again for every file.
///
/// By default glibc trims the top of the heap whenever more than 128 KiB lie free there,
/// and the threshold moves with the program's history. A batch allocates and frees the
/// same few buffers for every file (libyaml's 64 KiB of parser buffers, a project's JSON),
/// so whether they land at the top of the heap is a matter of layout luck: when they do,
/// files pay a `brk` to shrink the heap, another to grow it, and a page fault for each
/// page touched again. One build's JSON audit of 10,000 files made 568 such `brk` calls
/// and took 28,000 page faults instead of a dozen and 2,300; on two threads it ran 15 %
/// slower.
/// Fixed thresholds make the heap's size follow its high-water mark instead, which does
/// not raise peak memory, the figure that matters for a batch.
enum HeapTuning {
    static func forBatch() {
        #if os(Linux)
        _ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
        // Fixing one threshold fixes both; without this, anything from 128 KiB up (a big
        // project's report) would be mapped and unmapped afresh for every file.
        _ = mallopt(M_MMAP_THRESHOLD, 16 << 20)
        #endif
    }
}
