/// A payload that `AlertJSONReader` can read straight from the body's bytes. Conformances read every field
/// their `Decodable` conformance reads, by the same names, and throw on anything they do not handle, so that
/// `JSONDecoder` decides those cases (a repeated member name is declined by `AlertJSONReader.readObject`).
protocol AlertJSONReadable: Decodable {
    init(json reader: inout AlertJSONReader) throws
}
