import IncidentDomain
import Logging

extension Logger {
    /// Logs a failed pass of background work that is retried on its own: a warning, except when the storage
    /// is unavailable, which the store reports once per change (see `buildApplication`) rather than once
    /// per pass; it goes to debug then.
    func backgroundFailure(_ message: @autoclosure () -> Logger.Message, error: any Error, metadata: Logger.Metadata = [:]) {
        var metadata = metadata
        metadata["error"] = "\(error)"
        if error is StorageUnavailable {
            debug(message(), metadata: metadata)
        } else {
            warning(message(), metadata: metadata)
        }
    }
}
