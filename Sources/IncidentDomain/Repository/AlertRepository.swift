import Foundation

/// Storage of alerts and what they do to incidents. Every method is ONE transaction of the store.
public protocol AlertRepository: Sendable {

    /// Applies a batch of normalised alerts (one request's worth, in order) in one write transaction:
    /// 1. resolve `service` (a name that names no service falls back to the `default` service, so an alert is
    ///    never lost to routing; an id that names none is `IncidentError.unknownService`);
    /// 2. per alert: read the key's incident on the service (the open one, else the most recent resolved or
    ///    closed one) and its firing alert keys, call `grouping.decide`, and apply the decision — `.open` as
    ///    `IncidentRepository.create` does, then `alert.receivedEvent`; the others with
    ///    `Incident.applying(_:for:at:receivedEventDataStoredApart:)`, writing the incident and its events;
    /// 3. record the alert itself (insert, or update last seen / times seen / status of the same alert key).
    ///
    /// Each alert sees the effects of the ones before it in the batch. Returns one outcome per alert, in order.
    ///
    /// `webhookID` (a signed request's `webhook-id`) is recorded for the service in the same transaction, so a
    /// request is taken at most once: an id already recorded is `IncidentError.conflict` and writes nothing.
    /// Records older than twice the signature's timestamp tolerance are purged on the way (such requests are
    /// refused by their timestamp anyway).
    func ingest(
        _ alerts: [NormalizedAlert], service: ServiceReference, grouping: AlertGrouping, webhookID: String?,
        at now: Date
    ) async throws -> [AlertOutcome]

    /// The service a batch for `service` goes to (with `ingest`'s fallback to `default`) and its signing
    /// secrets, oldest first (none: requests need no signature).
    func signingSecrets(routedTo service: ServiceReference) async throws -> (service: ServiceID, secrets: [String])

    /// Replaces the service's signing secrets (0...2, validated by the caller); `notFound` without the service.
    func setSigningSecrets(_ secrets: [String], for service: ServiceReference, at now: Date) async throws

    /// The alerts recorded on an incident, oldest first; `IncidentError.notFound` when it does not exist.
    func alerts(of incident: IncidentID) async throws -> [StoredAlert]
}
