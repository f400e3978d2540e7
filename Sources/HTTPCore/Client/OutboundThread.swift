import Glibc

/// A detached POSIX thread that runs one blocking job: outbound requests wait on their sockets here, not on
/// an event loop or a thread of Swift's small cooperative pool.
final class OutboundThread: @unchecked Sendable {
    // @unchecked: `job` is written once in init and read once by the started thread; nothing else touches it.
    private let job: @Sendable () -> Void

    init(_ job: @escaping @Sendable () -> Void) {
        self.job = job
    }

    func start() {
        let retained = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { argument in
                let owner = Unmanaged<OutboundThread>.fromOpaque(argument!).takeRetainedValue()
                owner.job()
                return nil
            }, retained)
        if result == 0 {
            pthread_detach(thread)
        } else {
            // No thread: run the job here rather than never answering.
            Unmanaged<OutboundThread>.fromOpaque(retained).release()
            job()
        }
    }
}
