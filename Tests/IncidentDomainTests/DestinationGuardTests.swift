import Foundation
import IncidentDomain
import Testing

/// The SSRF guard over a corpus of spellings; no network.
@Suite("Destination guard")
struct DestinationGuardTests {
    /// Hosts that must be refused, in every spelling a resolver accepts.
    static let refused = [
        "127.0.0.1", "127.1", "127.255.255.254", "2130706433", "0177.0.0.1", "0x7f.1", "0x7F000001", "017700000001",
        "0x7f.0.0.1", "0", "0.0.0.0", "10.0.0.1", "10.255.255.255", "012.1", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "0xc0.0xa8.1.1", "3232235777", "169.254.169.254", "0xa9fea9fe", "2852039166",
        "0251.0376.0251.0376", "100.64.0.1", "100.127.255.255", "198.18.0.1", "224.0.0.1", "255.255.255.255",
        "::1", "[::1]", "0:0:0:0:0:0:0:1", "::", "fc00::1", "fd12:3456:789a::1", "fe80::1", "[fe80::abcd]",
        "::ffff:127.0.0.1", "[::ffff:7f00:1]", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1",
        "64:ff9b::7f00:1", "ff02::1",
    ]

    /// Public addresses, which pass.
    static let allowed = [
        "1.1.1.1", "8.8.8.8", "93.184.216.34", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
        "192.167.1.1", "169.253.0.1", "2606:4700:4700::1111", "2001:db8::1", "::ffff:8.8.8.8", "0x08.0x08.0x08.0x08",
        "134744072",
    ]

    @Test(arguments: refused)
    func internalAddressIsRefused(_ host: String) throws {
        let address = try #require(IPAddress(literal: host), "\(host) parses as an address")
        #expect(DestinationGuard.refusal(for: address, allowPrivate: false) != nil, "\(host) is \(address)")
        #expect(DestinationGuard.refusal(for: address, allowPrivate: true) == nil)
    }

    @Test(arguments: allowed)
    func publicAddressPasses(_ host: String) throws {
        let address = try #require(IPAddress(literal: host))
        #expect(DestinationGuard.refusal(for: address, allowPrivate: false) == nil, "\(host) is \(address)")
    }

    @Test func numericSpellingsMeanTheSameAddress() {
        let loopback = IPAddress.v4(0x7f00_0001)
        for spelling in ["127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.1", "127.0.1", "0x7f000001"] {
            #expect(IPAddress(literal: spelling) == loopback, "\(spelling)")
        }
        #expect(IPAddress(literal: "::ffff:127.0.0.1")?.embeddedV4 == 0x7f00_0001)
    }

    @Test func namesAndMalformedAddressesAreNotLiterals() {
        for host in [
            "example.com", "localhost", "1.2.3.4.5", "256.1.1.1", "08.1.1.1", "1..1", "::1::", "1:2:3:4:5:6:7:8:9",
            "fe80::1%eth0", "",
        ] {
            #expect(IPAddress(literal: host) == nil, "\(host)")
        }
        #expect(IPAddress(literal: "4294967296") == nil)
    }

    @Test func reasonNamesTheRange() {
        #expect(DestinationGuard.refusal(for: .v4(0xa9fe_a9fe), allowPrivate: false)?.contains("metadata") == true)
        #expect(
            DestinationGuard.refusal(for: IPAddress(literal: "::ffff:10.1.2.3")!, allowPrivate: false)?
                .contains("inside the IPv6 address") == true)
    }
}

@Suite("Delivery backoff")
struct DeliveryBackoffTests {
    @Test func waitsDoubleFromTenSecondsUpToAnHour() {
        let backoff = DeliveryBackoff()
        #expect((1...6).map { backoff.baseDelay(afterFailures: $0) } == [10, 20, 40, 80, 160, 320])
        #expect(backoff.baseDelay(afterFailures: 9) == 2560)
        #expect(backoff.baseDelay(afterFailures: 10) == 3600)
        #expect(backoff.baseDelay(afterFailures: 500) == 3600)
    }

    @Test func jitterStaysWithinTwentyPercent() {
        let backoff = DeliveryBackoff()
        let start = Date(timeIntervalSince1970: 1_000_000)
        let low = backoff.nextAttempt(afterFailures: 3, createdAt: start, now: start, random: 0)
        let middle = backoff.nextAttempt(afterFailures: 3, createdAt: start, now: start, random: 0.5)
        let high = backoff.nextAttempt(afterFailures: 3, createdAt: start, now: start, random: 1)
        #expect(low == start.addingTimeInterval(32))
        #expect(middle == start.addingTimeInterval(40))
        #expect(high == start.addingTimeInterval(48))
    }

    @Test func givesUpWhenTheNextTryWouldBeMoreThanADayAfterThePage() {
        let backoff = DeliveryBackoff()
        let start = Date(timeIntervalSince1970: 1_000_000)
        let late = start.addingTimeInterval(24 * 3600 - 3600)
        #expect(
            backoff.nextAttempt(afterFailures: 20, createdAt: start, now: late, random: 0.5)
                == start.addingTimeInterval(24 * 3600))
        #expect(
            backoff.nextAttempt(afterFailures: 20, createdAt: start, now: late.addingTimeInterval(1), random: 0.5)
                == nil)
    }
}

/// `localhost` always means this machine, so it is refused when a contact is saved, not only when a page fails.
@Suite struct LoopbackNameAtSaveTests {
    @Test(arguments: [
        "http://localhost:9000/hook", "https://LOCALHOST/x", "http://localhost./x", "http://api.localhost:8080/x",
    ])
    func loopbackNamesAreRefusedWhenSaved(url: String) {
        #expect(DestinationGuard.refusal(forURL: url, allowPrivate: false)?.contains("loopback name") == true)
        #expect(DestinationGuard.refusal(forURL: url, allowPrivate: true) == nil)
    }

    @Test func namesThatOnlyLookLikeItPass() {
        #expect(DestinationGuard.refusal(forURL: "https://localhost.example.com/x", allowPrivate: false) == nil)
        #expect(DestinationGuard.refusal(forURL: "https://mylocalhost/x", allowPrivate: false) == nil)
    }
}
