#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A first-in-first-out queue that worker threads block on, fed by async callers.
///
/// `@unchecked Sendable` is safe: `items`, `head`, `isClosed` and `waiting` are only read or written with `mutex`
/// held, and waiting threads sleep on `condition`, which is only signalled under the same mutex.
final class BlockingQueue<Element: Sendable>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var items: [Element] = []
    private var head = 0
    private var isClosed = false
    /// Workers blocked in `popBatch`, waiting for work.
    private var waiting = 0

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Appends `element` and wakes one waiting thread; returns `false` (dropping it) once closed.
    func push(_ element: Element) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard !isClosed else { return false }
        items.append(element)
        pthread_cond_signal(condition)
        return true
    }

    /// Blocks until at least one element is queued, then takes up to `limit` of them in order, but no more
    /// than its share (rounded up) among itself and the workers waiting on the queue at that moment: work
    /// gathers into batches only while the other workers are busy. Returns an empty array only when the
    /// queue is closed and drained: the worker should stop.
    func popBatch(limit: Int) -> [Element] {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while head == items.count && !isClosed {
            waiting += 1
            pthread_cond_wait(condition, mutex)
            waiting -= 1
        }
        let queued = items.count - head
        let share = (queued + waiting) / (waiting + 1)
        let end = head + min(queued, max(1, min(limit, share)))
        let batch = Array(items[head..<end])
        head = end
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return batch
    }

    /// Elements queued and not yet taken.
    var count: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return items.count - head
    }

    /// Refuses new elements and wakes every waiting thread; elements already queued are still handed out.
    func close() {
        pthread_mutex_lock(mutex)
        isClosed = true
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }
}
