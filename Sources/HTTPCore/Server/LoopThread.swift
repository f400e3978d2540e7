import CHTTPCoreShims
import Glibc

/// Starts a dedicated POSIX thread running `body` (event loops must not share the cooperative pool).
enum LoopThread {
    private final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    static func start(name: String, _ body: @escaping @Sendable () -> Void) -> pthread_t {
        var thread = pthread_t()
        let shortName = String(name.prefix(15))  // the kernel's limit for thread names
        let box = Unmanaged.passRetained(
            Box {
                chttp_set_thread_name(shortName)
                body()
            }
        ).toOpaque()
        let result = pthread_create(
            &thread, nil,
            { argument in
                let box = Unmanaged<Box>.fromOpaque(argument!).takeRetainedValue()
                box.body()
                return nil
            }, box)
        precondition(result == 0, "pthread_create failed: \(result)")
        return thread
    }
}
