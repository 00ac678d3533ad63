import ArbiterCore
import CYAML

/// Feeds libyaml's events for one file straight into a `DossierEventDecoder`.
///
/// Resolves plain scalars exactly as `YAMLLoader` does and keeps its limits, but gives
/// up, returning nil, at anything the loader would report or that dossiers have no use
/// for: a syntax error, a second document, a tag, an anchor or alias, a scalar or
/// nesting past the limits. The caller then loads the file the full way, which reports
/// the problem where it is.
struct DossierEventPump: ~Copyable {
    let limits: LoaderLimits
    let input: UnsafeBufferPointer<UInt8>
    private var decoder: DossierEventDecoder
    private var depth = 0
    private var documents = 0

    init(decoder: DossierDecoder, file: String, limits: LoaderLimits, input: UnsafeBufferPointer<UInt8>) {
        self.limits = limits
        self.input = input
        self.decoder = DossierEventDecoder(decoder: decoder, file: file)
    }

    consuming func run() -> Dossier? {
        guard let base = input.baseAddress else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, base, input.count)
        // One event slot, read in place, as in the loader.
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        defer { event.deallocate() }
        while true {
            guard yaml_parser_parse(&parser, event) == 1 else { return nil }
            let type = event.pointee.type
            let keepGoing = handle(event)
            yaml_event_delete(event)
            if !keepGoing { return nil }
            if type == YAML_STREAM_END_EVENT { break }
        }
        return decoder.finish()
    }

    private mutating func handle(_ event: UnsafePointer<yaml_event_t>) -> Bool {
        switch event.pointee.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            return documents == 1
        case YAML_SCALAR_EVENT:
            return scalar(event)
        case YAML_MAPPING_START_EVENT:
            let data = event.pointee.data.mapping_start
            guard data.tag == nil, data.anchor == nil, depth < limits.maxDepth else { return false }
            depth += 1
            return decoder.openMapping(at: event.pointee.start_mark.position)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.pointee.data.sequence_start
            guard data.tag == nil, data.anchor == nil, depth < limits.maxDepth else { return false }
            depth += 1
            return decoder.openSequence(at: event.pointee.start_mark.position)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            depth -= 1
            return decoder.close(at: event.pointee.end_mark.position)
        case YAML_ALIAS_EVENT:
            return false
        default:
            return true
        }
    }

    private mutating func scalar(_ event: UnsafePointer<yaml_event_t>) -> Bool {
        let data = event.pointee.data.scalar
        guard data.tag == nil, data.anchor == nil, data.length <= limits.maxScalarLength else { return false }
        let bytes = UnsafeBufferPointer(start: data.value, count: Int(data.length))
        let range = SourceRange(event.pointee.start_mark, event.pointee.end_mark)
        // Keys and quoted or block scalars are text; plain values resolve by the core schema.
        return decoder.scalar(bytes, plain: data.style == YAML_PLAIN_SCALAR_STYLE, range: range) { bytes in
            switch ScalarResolver.resolvePlain(bytes) {
            case .string: .text
            case .value(.null): .null
            case .value(.bool(let flag)): .bool(flag)
            case .value(.int(let number)): .int(number)
            case .value(.float(let number)): .float(number)
            case .outOfRange: nil
            }
        }
    }
}
