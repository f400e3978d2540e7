import Foundation
import HTTPCore
import IncidentDomain
import Logging
import Synchronization

/// The outbox worker: claims due messages (marking them in flight durably), sends each on its own thread,
/// records the attempt, and schedules a retry, or after a day gives up (the store then escalates). Driven by
/// the injected clock; `runOnce` is what the background loop and `Application.runDeliveries()` call.
struct DeliveryWorker: Sendable {
    let deliveries: any DeliveryRepository
    let composer: PageComposer
    let client: OutboundHTTPClient
    let https: CurlHTTPSClient
    let configuration: DeliveryConfiguration
    let clock: any WallClock
    let logger: Logger
    /// Uniform in 0...1, for the backoff's jitter.
    let random: @Sendable () -> Double

    /// Sends everything due now, round after round; returns how many attempts were made.
    @discardableResult
    func runOnce() async throws -> Int {
        var total = 0
        while true {
            let jobs = try await deliveries.claimDue(
                at: clock.now(), limit: configuration.batchSize, includingEmail: configuration.mail != nil)
            if jobs.isEmpty { return total }
            await withTaskGroup(of: Void.self) { group in
                for job in jobs {
                    group.addTask { await deliver(job) }
                }
            }
            total += jobs.count
        }
    }

    /// Polls until cancelled. Messages left in flight by a crash are released first, so they go out again
    /// with their `webhook-id`.
    func run(pollInterval: Duration) async {
        do {
            let released = try await deliveries.releaseInFlight(at: clock.now())
            if released > 0 {
                logger.info("resending pages in flight at the last stop", metadata: ["count": "\(released)"])
            }
        } catch {
            logger.backgroundFailure("could not release in-flight pages", error: error)
        }
        while !Task.isCancelled {
            do {
                try await runOnce()
            } catch {
                logger.backgroundFailure("delivery pass failed", error: error)
            }
            try? await Task.sleep(for: pollInterval)
        }
    }

    /// One attempt of one message, recorded with its outcome.
    func deliver(_ job: DeliveryJob) async {
        let message = job.message
        let startedAt = clock.now()
        let timer = ContinuousClock.now
        var status: Int?
        var failure: String?
        // A refusal that no retry can change (an SMTP 5xx for the recipient): dead at once.
        var permanent = false
        if message.recipient.channel == .email {
            (status, failure, permanent) = await sendMail(job)
        } else {
            switch await send(job, at: startedAt) {
            case .success(let response):
                status = response.status
                switch response.status {
                case 200..<300: break
                case 300..<400: failure = "answered \(response.status); redirects are not followed"
                default: failure = "answered \(response.status)"
                }
            case .failure(let error):
                failure = error.description
            }
        }
        let elapsed = ContinuousClock.now - timer
        let duration = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let attempt = DeliveryAttempt(startedAt: startedAt, duration: duration, httpStatus: status, error: failure)
        let now = clock.now()
        let outcome: DeliveryOutcome
        if attempt.succeeded {
            outcome = .sent
        } else if permanent {
            outcome = .dead
        } else if let next = configuration.backoff.nextAttempt(
            afterFailures: message.attempts + 1, createdAt: message.createdAt, now: now, random: random())
        {
            outcome = .retry(at: next)
        } else {
            outcome = .dead
        }
        await recordUntilTaken(attempt, of: message, outcome: outcome, at: now)
        // Every failed attempt is a line: a page not reaching its receiver must not stay silent until it is
        // given up a day later. Attempts back off to minutes apart, so this stays a few lines per page.
        switch outcome {
        case .sent:
            break
        case .retry(let next):
            logger.warning(
                "page not delivered; retrying",
                metadata: [
                    "outbox_id": "\(message.id)", "incident_id": "\(message.incidentID)",
                    "channel": "\(message.recipient.channel.rawValue)", "attempt": "\(message.attempts + 1)",
                    "next_attempt_at": "\(Timestamp.format(next))", "error": "\(failure ?? "")",
                ])
        case .dead:
            logger.warning(
                "page given up",
                metadata: [
                    "outbox_id": "\(message.id)", "incident_id": "\(message.incidentID)",
                    "channel": "\(message.recipient.channel.rawValue)", "attempt": "\(message.attempts + 1)",
                    "error": "\(failure ?? "")",
                ])
        }
    }

    /// Records the attempt, trying again (every 0.25 s, doubling to 5 s) while the database refuses it (full,
    /// read-only, locked): a message left in flight is not claimed again before a restart, so a failed page
    /// would never be retried, nor a sent one shown as sent. Stops when the worker is cancelled; the next
    /// start then sends the message again with the same webhook-id. Recording twice is harmless: the store
    /// records only a message still in flight.
    func recordUntilTaken(
        _ attempt: DeliveryAttempt, of message: OutboxMessage, outcome: DeliveryOutcome, at now: Date
    ) async {
        var pause = Duration.milliseconds(250)
        var refusals = 0
        while true {
            do {
                try await deliveries.record(attempt, of: message.id, outcome: outcome, at: now)
                if refusals > 0 {
                    logger.info(
                        "delivery attempt recorded after the database refused it",
                        metadata: ["outbox_id": "\(message.id)", "tries": "\(refusals + 1)"])
                }
                return
            } catch {
                if refusals == 0 {
                    logger.warning(
                        "could not record a delivery attempt; trying again until the database takes it",
                        metadata: ["outbox_id": "\(message.id)", "error": "\(error)"])
                }
                refusals += 1
            }
            try? await Task.sleep(for: pause)
            if Task.isCancelled { return }
            pause = min(pause * 2, .seconds(5))
        }
    }

    /// Builds and sends the request; the error text is what the attempt records (never the URL's path, which
    /// may carry a secret).
    func send(_ job: DeliveryJob, at now: Date) async -> Result<OutboundResponse, DeliveryFailure> {
        let target: DeliveryTarget
        switch DeliveryTarget.parse(job.message.recipient.address) {
        case .success(let parsed): target = parsed
        case .failure(let failure): return .failure(failure)
        }
        let allowPrivate = configuration.allowPrivateDestinations
        if let literal = IPAddress(literal: target.host),
            let reason = DestinationGuard.refusal(for: literal, allowPrivate: allowPrivate)
        {
            return .failure(
                DeliveryFailure(
                    OutboundError.refused(host: target.host, address: "\(literal)", reason: reason).description))
        }
        let body = composer.body(of: job.message)
        let headers = PageComposer.headers(
            webhookID: job.webhookID, timestamp: Int64(now.timeIntervalSince1970.rounded(.down)), body: body,
            secret: job.signingSecret)
        if target.scheme == "https" {
            let host = target.host
            let port = target.port
            let resolved = await OutboundHTTPClient.runBlocking { OutboundHTTPClient.resolve(host: host, port: port) }
            switch resolved {
            case .failure(let error):
                return .failure(DeliveryFailure(error.description))
            case .success(let address):
                if let reason = IPAddress(bytes: address.bytes).map({
                    DestinationGuard.refusal(for: $0, allowPrivate: allowPrivate)
                }) ?? "an address of unknown form" {
                    return .failure(
                        DeliveryFailure(
                            OutboundError.refused(host: host, address: address.text, reason: reason).description))
                }
                let result = await https.post(
                    url: job.message.recipient.address, host: host, port: port, address: address.text, headers: headers,
                    body: body)
                return result.mapError { DeliveryFailure($0.description) }
            }
        }
        let request = OutboundRequest(
            host: target.host, port: target.port, target: target.requestTarget, headers: headers, body: body)
        let result = await client.send(request) { bytes in
            guard let address = IPAddress(bytes: bytes) else { return "an address of unknown form" }
            return DestinationGuard.refusal(for: address, allowPrivate: allowPrivate)
        }
        return result.mapError { DeliveryFailure($0.description) }
    }
}

extension IPAddress {
    /// From the 4 or 16 network-order bytes a resolver returns.
    init?(bytes: [UInt8]) {
        switch bytes.count {
        case 4: self = .v4(bytes.reduce(0) { $0 << 8 | UInt32($1) })
        case 16: self = .v6(bytes)
        default: return nil
        }
    }
}
