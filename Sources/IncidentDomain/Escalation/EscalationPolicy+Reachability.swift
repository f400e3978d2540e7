/// Whether each level of a policy can reach somebody: pure, over the users and schedules the store read.
extension EscalationPolicyDraft {
    /// One problem per level that can reach nobody, naming the level (`levels.1.targets`) and why.
    public func reachabilityProblems(users: [String: User], schedules: [String: Schedule]) -> [FieldError] {
        EscalationPolicy.reachabilityProblems(of: levels, users: users, schedules: schedules)
    }
}

extension EscalationPolicy {
    /// See `EscalationPolicyDraft.reachabilityProblems(users:schedules:)`.
    public func reachabilityProblems(users: [String: User], schedules: [String: Schedule]) -> [FieldError] {
        Self.reachabilityProblems(of: levels, users: users, schedules: schedules)
    }

    /// A level reaches somebody when any target does: a webhook always, a user with a contact method, a
    /// schedule with at least one such user in its rotations or overrides. Unknown users and schedules
    /// reach nobody.
    static func reachabilityProblems(
        of levels: [EscalationLevel], users: [String: User], schedules: [String: Schedule]
    ) -> [FieldError] {
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
                        reasons.append("no user \(handle)")
                        continue
                    }
                    if user.isReachable {
                        reachable = true
                    } else {
                        reasons.append("user \(handle) has no contact methods")
                    }
                case .schedule(let name):
                    guard let schedule = schedules[name] else {
                        reasons.append("no schedule \(name)")
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
