import Foundation

/// A validated incident patch: nil fields stay unchanged. Made by `IncidentPatch.validate()`;
/// applied with `Incident.applying(_:by:at:resolveService:)`.
public struct IncidentEdit: Hashable, Sendable {
    public internal(set) var title: String?
    public internal(set) var summary: String?
    public internal(set) var severity: Severity?
    /// Still a reference: the store resolves it inside its transaction.
    public internal(set) var service: PatchField<ServiceReference>?
    public internal(set) var commander: PatchField<String>?
    public internal(set) var labels: [String: String]?
    /// When the impact began; `.clear` goes back to the first alert or the creation.
    public internal(set) var impactStartedAt: PatchField<Date>?

    init(
        title: String? = nil, summary: String? = nil, severity: Severity? = nil,
        service: PatchField<ServiceReference>? = nil, commander: PatchField<String>? = nil,
        labels: [String: String]? = nil
    ) {
        self.title = title
        self.summary = summary
        self.severity = severity
        self.service = service
        self.commander = commander
        self.labels = labels
    }
}
