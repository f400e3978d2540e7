import Logging

extension EventLoop {
    /// Closes connections past their deadline. Runs every `timerResolution`; a linear scan is cheap next
    /// to the work of the connections themselves (10,000 connections take microseconds).
    func checkTimers() {
        if acceptPausedUntil != 0 && now >= acceptPausedUntil, let listener {
            acceptPausedUntil = 0
            try? poller.add(listener.descriptor, interest: .readable)
        }
        for index in connections.indices {
            guard let connection = connections[index] else { continue }
            if connection.writeDeadline != 0 && now >= connection.writeDeadline {
                logger.debug("write timeout; closing connection")
                close(connection)
                continue
            }
            guard connection.deadline != 0 && now >= connection.deadline else { continue }
            switch connection.phase {
            case .readingHead, .readingBody:
                logger.debug("read timeout; closing connection", metadata: ["phase": "\(connection.phase)"])
                if connection.unsentCount == 0 {
                    respond(connection, .problem(.requestTimeout), runsProducer: false, forceClose: true)
                    flush(connection)
                }
                close(connection)
            case .idle where connection.unsentCount > 0:
                break  // answers still going out (or held back at the output mark): the write timeout governs
            case .idle, .lingering, .closing:
                close(connection)
            case .handling, .streaming:
                break
            }
        }
    }
}
