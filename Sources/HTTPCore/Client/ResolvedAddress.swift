import Glibc

/// The one address a host resolved to, kept as the socket address the client connects to.
struct ResolvedAddress {
    var family: Int32
    var storage: [UInt8]
    var length: Int
    /// 4 (IPv4) or 16 (IPv6) bytes, for the caller's vetting.
    var bytes: [UInt8]
    var text: String

    /// Resolves `host` once (the first answer of `getaddrinfo`); an address literal resolves to itself, in
    /// whatever spelling the C library accepts.
    static func resolve(host: String, port: Int) -> Result<ResolvedAddress, OutboundError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let unbracketed = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let status = getaddrinfo(unbracketed, String(port), &hints, &list)
        guard status == 0, let first = list else {
            return .failure(.resolution(host: host, reason: String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(list) }
        let info = first.pointee
        guard let socketAddress = info.ai_addr else { return .failure(.resolution(host: host, reason: "no address")) }
        let length = Int(info.ai_addrlen)
        let storage = Array(UnsafeRawBufferPointer(start: socketAddress, count: length))
        var bytes: [UInt8]
        switch info.ai_family {
        case AF_INET:
            bytes = storage.withUnsafeBytes { raw in
                let address = raw.load(as: sockaddr_in.self).sin_addr
                return withUnsafeBytes(of: address) { Array($0) }
            }
        case AF_INET6:
            bytes = storage.withUnsafeBytes { raw in
                let address = raw.load(as: sockaddr_in6.self).sin6_addr
                return withUnsafeBytes(of: address) { Array($0) }
            }
        default:
            return .failure(.resolution(host: host, reason: "unsupported address family \(info.ai_family)"))
        }
        let text: String
        if bytes.count == 4 {
            text = bytes.map(String.init).joined(separator: ".")
        } else {
            var pieces: [String] = []
            for index in stride(from: 0, to: 16, by: 2) {
                pieces.append(String(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]), radix: 16))
            }
            text = "[" + pieces.joined(separator: ":") + "]"
        }
        return .success(
            ResolvedAddress(family: info.ai_family, storage: storage, length: length, bytes: bytes, text: text))
    }

    /// The `Host` header: the name as given (the receiver may route by it), with the port when not 80.
    func hostHeader(_ host: String, port: Int) -> String {
        let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return port == 80 ? name : "\(name):\(port)"
    }
}
