import CMalloc

/// Hands free heap memory back to the system after a large answer. glibc keeps what a
/// request freed in its per-thread arenas, so after a few large audits the server stayed
/// at the resident size of its largest moment; `malloc_trim` returns the free pages of
/// every arena, so resident memory falls back near its idle size.
enum HeapRelease {
    /// Answers smaller than this leave too little behind to be worth a trim.
    static let threshold = 4 << 20
    /// Bodies from this size up leave enough behind, scored or refused.
    static let bodyThreshold = 256 << 10

    static func now() {
        #if os(Linux)
        _ = malloc_trim(0)
        #endif
    }
}
