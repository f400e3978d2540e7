import Foundation

/// Whether each level of a policy can reach somebody: pure, over the users and schedules the store read.
extension EscalationPolicyDraft {
    /// One problem per level that can reach nobody, naming the level (`levels.1.targets`) and why.
    /// `knownUserHandles` and `knownScheduleNames`, when given, let an unknown name be answered with the one
    /// probably meant (`no user alcie (did you mean alice?)`).
    public func reachabilityProblems(
        users: [String: User], schedules: [String: Schedule], knownUserHandles: [String] = [],
        knownScheduleNames: [String] = []
    ) -> [FieldError] {
        EscalationPolicy.reachabilityProblems(
            of: levels, users: users, schedules: schedules, knownUserHandles: knownUserHandles,
            knownScheduleNames: knownScheduleNames)
    }
}

extension EscalationPolicy {
    /// See `EscalationPolicyDraft.reachabilityProblems(users:schedules:knownUserHandles:knownScheduleNames:)`.
    /// With `onCallAt`, a schedule reaches whoever is on call then (overrides included), not any member.
    public func reachabilityProblems(
        users: [String: User], schedules: [String: Schedule], onCallAt: Date? = nil, knownUserHandles: [String] = [],
        knownScheduleNames: [String] = []
    ) -> [FieldError] {
        Self.reachabilityProblems(
            of: levels, users: users, schedules: schedules, onCallAt: onCallAt, knownUserHandles: knownUserHandles,
            knownScheduleNames: knownScheduleNames)
    }

    /// A level reaches somebody when any target does: a webhook always, a user with a contact method, a
    /// schedule with at least one such user in its rotations or overrides. Unknown users and schedules
    /// reach nobody.
    static func reachabilityProblems(
        of levels: [EscalationLevel], users: [String: User], schedules: [String: Schedule], onCallAt: Date? = nil,
        knownUserHandles: [String] = [], knownScheduleNames: [String] = []
    ) -> [FieldError] {
        func meant(_ name: String, among known: [String]) -> String {
            MemberNameSimilarity.intended(name, among: known).map { " (did you mean \($0)?)" } ?? ""
        }
        var problems: [FieldError] = []
        for (index, level) in levels.enumerated() {
            var reasons: [String] = []
            var reachable = false
            for target in level.targets {
                switch target {
                case .webhook:
                    reachable = true
                case .user(let handle):
                    guard let user = users[handle] else {
                        reasons.append("no user \(handle)" + meant(handle, among: knownUserHandles))
                        continue
                    }
                    if user.isReachable {
                        reachable = true
                    } else {
                        reasons.append("user \(handle) has no contact methods")
                    }
                case .schedule(let name):
                    guard let schedule = schedules[name] else {
                        reasons.append("no schedule \(name)" + meant(name, among: knownScheduleNames))
                        continue
                    }
                    if let onCallAt {
                        let handles = schedule.onCall(at: onCallAt).map(\.user)
                        if handles.isEmpty {
                            reasons.append("nobody is on call in schedule \(name) now")
                        } else if handles.contains(where: { users[$0]?.isReachable == true }) {
                            reachable = true
                        } else {
                            reasons.append(
                                "nobody on call in schedule \(name) now has contact methods (\(handles.joined(separator: ", ")))"
                            )
                        }
                        continue
                    }
                    let handles = schedule.userHandles
                    if handles.isEmpty {
                        reasons.append("schedule \(name) is empty")
                    } else if handles.contains(where: { users[$0]?.isReachable == true }) {
                        reachable = true
                    } else {
                        reasons.append("nobody in schedule \(name) has contact methods")
                    }
                }
            }
            if !reachable {
                problems.append(
                    FieldError(
                        field: "levels.\(index).targets",
                        message: "level \(index) can reach nobody: " + reasons.joined(separator: "; ")))
            }
        }
        return problems
    }
}
