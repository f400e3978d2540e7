import HTTPCore

/// One fuzz input for the request parser, fed as the server feeds it: whole, and again cut in two at a point
/// the first byte chooses, with the unconsumed rest kept and presented again (as the server compacts its
/// buffer). Invariants that would be bugs end the process: an offset outside the buffer, a body range outside
/// it, or events that never consume input.
enum ParserFuzzing {
    /// Small limits, so the fuzzer reaches every limit check with short inputs.
    static let configuration: HTTPParserConfiguration = {
        var configuration = HTTPParserConfiguration()
        configuration.maxRequestLineLength = 256
        configuration.maxHeaderSectionSize = 512
        configuration.maxHeaderCount = 8
        configuration.maxChunkExtensionLength = 32
        configuration.defaultBodyLimit = 1024
        return configuration
    }()

    static func run(_ input: UnsafeRawBufferPointer) {
        let bytes = Array(input)
        feed(bytes, cuts: [bytes.count])
        if let first = bytes.first {
            feed(bytes, cuts: [Int(first) % (bytes.count + 1), bytes.count])
        }
    }

    static func feed(_ bytes: [UInt8], cuts: [Int]) {
        var parser = HTTPRequestParser(configuration: configuration)
        var buffer: [UInt8] = []
        var fed = 0
        var events = 0
        for cut in cuts {
            buffer.append(contentsOf: bytes[fed..<cut])
            fed = cut
            var offset = 0
            while true {
                let before = offset
                let event: HTTPParserEvent?
                do {
                    event = try buffer.withUnsafeBytes { try parser.next($0, offset: &offset) }
                } catch {
                    return  // a refused request: the server answers it and closes
                }
                precondition(offset >= before && offset <= buffer.count, "offset \(offset) outside 0...\(buffer.count)")
                guard let event else { break }
                if case .body(let range) = event {
                    precondition(
                        range.lowerBound >= 0 && range.upperBound <= buffer.count, "body range outside the buffer")
                }
                events += 1
                // Every event but a bodyless .end consumes input; more events than bytes (+2 per request) loop.
                precondition(events <= 3 * (bytes.count + 2), "the parser yields events without consuming input")
            }
            buffer.removeFirst(offset)
        }
    }
}
