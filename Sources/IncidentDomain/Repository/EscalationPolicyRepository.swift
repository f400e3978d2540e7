import Foundation

/// Storage of escalation policies and of which policy each service follows; one transaction per method.
/// Creating or replacing a policy with a level that reaches nobody is `IncidentError.validation` naming
/// the level (`levels.N.targets`).
public protocol EscalationPolicyRepository: Sendable {
    func create(_ draft: EscalationPolicyDraft, at now: Date) async throws -> EscalationPolicy
    func policy(_ reference: OnCallReference) async throws -> EscalationPolicy
    func list() async throws -> [EscalationPolicy]
    func replace(_ reference: OnCallReference, with draft: EscalationPolicyDraft, at now: Date) async throws
        -> EscalationPolicy
    /// Deletes a policy no service follows (`conflict` otherwise); incidents following it stop escalating.
    func delete(_ reference: OnCallReference) async throws
    /// The levels of an existing policy that reach nobody at `now` (users and schedules change after creation,
    /// and a schedule pages whoever is on call then, overrides included).
    func check(_ reference: OnCallReference, at now: Date) async throws
        -> (policy: EscalationPolicy, problems: [FieldError])
    /// The policy `service` follows, or nil.
    func policy(ofService service: ServiceReference) async throws -> EscalationPolicy?
    /// The policy of every service that follows one.
    func servicePolicies() async throws -> [ServiceID: EscalationPolicy]
    /// Points `service` at `policy` (nil: none); new incidents of the service follow it.
    func setPolicy(_ policy: OnCallReference?, ofService service: ServiceReference) async throws
    /// `ServiceRepository.create` and, when `policy` is given, `setPolicy` in one transaction (an unknown policy
    /// is a validation error on `escalation_policy` and creates nothing). Returns the service and its policy.
    func createService(
        _ draft: ServiceDraft, integrationKey: String, policy: OnCallReference?, at now: Date
    ) async throws -> (service: Service, policy: EscalationPolicy?)
    /// `ServiceRepository.update` and, when `policy` is given (`.clear` removes it), `setPolicy` in one
    /// transaction. Returns the service and the policy it follows afterwards.
    func updateService(
        _ reference: ServiceReference, _ edit: ServiceEdit, policy: PatchField<OnCallReference>?, at now: Date
    ) async throws -> (service: Service, policy: EscalationPolicy?)
}
