import Glibc
import HTTPCore
import Testing

/// Slowloris (issue 11): hundreds of connections that keep a request head open by sending one byte at a time
/// are cut when the header timeout runs out (it counts from the head's first byte, so trickling does not
/// extend it), while a normal client on another connection is answered throughout.
@Suite struct SlowlorisTests {
    static let attackers = 300

    @Test func tricklingHeadsAreCutAtTheHeaderTimeoutWhileOthersAreServed() async throws {
        try await withServer(
            router: .testRoutes(),
            configure: {
                $0.headerReadTimeout = .milliseconds(1500)
                $0.timerResolution = .milliseconds(100)
            }
        ) { _, port in
            async let attack = offPool { () -> (opened: Int, cut: Int, longest: Duration) in
                var clients: [RawClient] = []
                for _ in 0..<Self.attackers {
                    let client = try RawClient(port: port, receiveTimeout: 0.05)
                    try client.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Slow: ")
                    clients.append(client)
                }
                let start = ContinuousClock.now
                var cutAt: [Int: Duration] = [:]
                // One more header byte to every open connection each 300 ms, for at most 6 s.
                while cutAt.count < clients.count && ContinuousClock.now - start < .seconds(6) {
                    for (index, client) in clients.enumerated() where cutAt[index] == nil {
                        if (try? client.send("a")) == nil || (try? client.isClosedByPeer()) == true {
                            cutAt[index] = ContinuousClock.now - start
                        }
                    }
                    usleep(300_000)
                }
                return (clients.count, cutAt.count, cutAt.values.max() ?? .zero)
            }
            async let normal = offPool { () -> (answered: Int, tried: Int) in
                usleep(200_000)
                var answered = 0
                for _ in 0..<20 {
                    let client = try RawClient(port: port, receiveTimeout: 2)
                    try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
                    if (try? client.readResponse().status) == 200 { answered += 1 }
                    usleep(50_000)
                }
                return (answered, 20)
            }
            let (opened, cut, longest) = try await attack
            let (answered, tried) = try await normal
            #expect(opened == Self.attackers)
            #expect(cut == Self.attackers, "every trickling connection is cut")
            #expect(longest < .seconds(4), "cut near the 1.5 s header timeout, not extended by trickling")
            #expect(answered == tried, "the normal client was answered while the attack ran")
        }
    }
}
