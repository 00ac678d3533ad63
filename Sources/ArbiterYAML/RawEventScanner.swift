internal import CYAML

/// libyaml's bare event loop with nothing built: the speed limit that the benchmark
/// compares every stage against.
package enum RawEventScanner {
    /// Parses `bytes` and returns the number of events, or nil on a syntax error.
    package static func eventCount(of bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { eventCount(of: $0) }
    }

    /// The same, over bytes the caller holds (the benchmark's read-from-disk floor).
    package static func eventCount(of buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1, let base = buffer.baseAddress else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, base, buffer.count)
        var event = yaml_event_t()
        var count = 0
        while yaml_parser_parse(&parser, &event) == 1 {
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            count += 1
            if done { return count }
        }
        return nil
    }
}
