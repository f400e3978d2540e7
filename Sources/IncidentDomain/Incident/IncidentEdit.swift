/// A validated incident patch: nil fields stay unchanged. Made by `IncidentPatch.validate()`;
/// applied with `Incident.applying(_:by:at:resolveService:)`.
public struct IncidentEdit: Hashable, Sendable {
    public var title: String?
    public var summary: String?
    public var severity: Severity?
    /// Still a reference: the store resolves it inside its transaction.
    public var service: PatchField<ServiceReference>?
    public var commander: PatchField<String>?
    public var labels: [String: String]?

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
