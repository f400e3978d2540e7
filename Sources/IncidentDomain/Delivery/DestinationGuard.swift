import Foundation

/// The SSRF guard of outbound pages: which addresses a page may be sent to. A contact URL is typed by a
/// user, so without it a page could reach the metadata service, the database on localhost, or anything else
/// only Klaxon's network can see. Pure: the HTTP client resolves the host once, asks here, and connects to
/// exactly the address that passed.
public enum DestinationGuard {
    /// Why `address` is refused, or nil when it is a public address. `allowPrivate` (tests, and set-ups whose
    /// receivers live on the local network: `--allow-private-destinations`) lets everything through.
    public static func refusal(for address: IPAddress, allowPrivate: Bool) -> String? {
        if allowPrivate { return nil }
        if let v4 = address.embeddedV4 {
            return refusalV4(v4).map { "\($0) (inside the IPv6 address \(address))" }
        }
        switch address {
        case .v4(let value):
            return refusalV4(value)
        case .v6(let bytes):
            return refusalV6(bytes)
        }
    }

    /// Why a contact URL is refused when it is saved, or nil: an address literal, in any spelling, and the
    /// names that always mean this machine (`localhost` and `*.localhost`, RFC 6761) are judged here; other
    /// names are resolved and checked each time a page is sent (what they point at may change).
    public static func refusal(forURL url: String, allowPrivate: Bool) -> String? {
        guard !allowPrivate, let host = URLComponents(string: url)?.host else { return nil }
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" || name.hasSuffix(".localhost") {
            return "the loopback name \(host) (127.0.0.1, ::1)"
        }
        return IPAddress(literal: host).flatMap { refusal(for: $0, allowPrivate: false) }
    }

    /// Refused IPv4 ranges, with the reason each is named by.
    static let refusedV4: [(network: UInt32, prefix: Int, reason: String)] = [
        (0x0000_0000, 8, "an unspecified address (0.0.0.0/8)"),
        (0x0a00_0000, 8, "a private address (10.0.0.0/8)"),
        (0x6440_0000, 10, "a carrier-grade NAT address (100.64.0.0/10)"),
        (0x7f00_0000, 8, "a loopback address (127.0.0.0/8)"),
        (0xa9fe_0000, 16, "a link-local address (169.254.0.0/16, cloud metadata included)"),
        (0xac10_0000, 12, "a private address (172.16.0.0/12)"),
        (0xc000_0000, 24, "an IETF protocol address (192.0.0.0/24)"),
        (0xc0a8_0000, 16, "a private address (192.168.0.0/16)"),
        (0xc612_0000, 15, "a benchmarking address (198.18.0.0/15)"),
        (0xe000_0000, 4, "a multicast address (224.0.0.0/4)"),
        (0xf000_0000, 4, "a reserved address (240.0.0.0/4)"),
    ]

    static func refusalV4(_ value: UInt32) -> String? {
        for range in refusedV4 {
            let mask: UInt32 = range.prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - range.prefix)
            if value & mask == range.network { return range.reason }
        }
        return nil
    }

    static func refusalV6(_ bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 == 0 }) { return "the unspecified address (::)" }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return "the loopback address (::1)" }
        if bytes[0] & 0xfe == 0xfc { return "a unique local address (fc00::/7)" }
        if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { return "a link-local address (fe80::/10)" }
        if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0xc0 { return "a site-local address (fec0::/10)" }
        if bytes[0] == 0xff { return "a multicast address (ff00::/8)" }
        // NAT64 (64:ff9b::/96) carries an IPv4 address in its last four bytes.
        if bytes[0..<12] == [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0] {
            let v4 = bytes[12..<16].reduce(0) { $0 << 8 | UInt32($1) }
            if let reason = refusalV4(v4) { return "\(reason) (inside a NAT64 address)" }
        }
        return nil
    }
}
