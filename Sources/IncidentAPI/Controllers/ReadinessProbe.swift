/// Answers `/readyz` from a successful check at most one second old (a failed one is not remembered, so
/// recovery shows at once). The check itself is a durable write (the only
/// honest proof that the database takes writes), and `/readyz` needs no token: without this, anyone polling
/// it fast would queue fsyncs beside the incident writes of an alert storm.
actor ReadinessProbe {
    struct State: Sendable {
        var databaseWritable: Bool
        var migrationsApplied: Bool
        /// Why not ready, one short line each (`database not writable: database is read-only`); empty when ready.
        var problems: [String] = []
    }

    private let check: @Sendable () async -> State
    /// A problem known without a check (a write that failed on a full disk a moment ago), asked on every call
    /// so that a remembered success does not hide it.
    private let knownProblem: @Sendable () -> String?
    private let maximumAge: Duration
    private var last: (state: State, at: ContinuousClock.Instant)?
    private var inFlight: Task<State, Never>?

    init(
        maximumAge: Duration = .seconds(1), knownProblem: @escaping @Sendable () -> String? = { nil },
        check: @escaping @Sendable () async -> State
    ) {
        self.check = check
        self.knownProblem = knownProblem
        self.maximumAge = maximumAge
    }

    func current() async -> State {
        var state = await checked()
        if let problem = knownProblem() {
            state.databaseWritable = false
            state.problems.append(problem)
        }
        return state
    }

    private func checked() async -> State {
        if let last, ContinuousClock.now - last.at < maximumAge {
            return last.state
        }
        // Callers arriving while a check runs share its answer instead of queueing their own.
        if let inFlight {
            return await inFlight.value
        }
        let task = Task { await check() }
        inFlight = task
        let state = await task.value
        inFlight = nil
        last = state.databaseWritable && state.migrationsApplied ? (state, ContinuousClock.now) : nil
        return state
    }
}
