import Foundation

/// `klaxon serve` started as a user would, on 127.0.0.1 and a free port, until `stop()` (SIGTERM) or the end
/// of the test.
final class RunningServer {
    let process = Process()
    let port: Int
    private let log = Pipe()

    /// Starts `serve` with `arguments` (a port and `--public /nonexistent` are added) and waits, at most 10 s,
    /// until `/healthz` answers; `healthy` says whether it did.
    init(_ arguments: [String], environment: [String: String] = [:], port: Int? = nil) throws {
        self.port = try port ?? KlaxonBinaryTests.freePort()
        process.executableURL = KlaxonBinaryTests.executable
        process.arguments = ["serve", "--port", String(self.port), "--public", "/nonexistent"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = log
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Whether `/healthz` answered within 10 s.
    func waitUntilHealthy() async throws -> Bool {
        for _ in 0..<100 {
            try await Task.sleep(for: .milliseconds(100))
            if try KlaxonBinaryTests.run(["healthcheck", "--port", String(port), "--timeout", "1"]).status == 0 {
                return true
            }
        }
        return false
    }

    /// Sends SIGTERM, waits for the exit and returns what the server logged on stderr.
    @discardableResult
    func stop() -> String {
        process.terminate()
        let logged = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return logged
    }
}
