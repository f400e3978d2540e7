import Glibc

/// Process-wide resource limits the server needs.
enum ProcessLimits {
    /// Raises the soft open-file limit to the hard one, so the connection cap (not a low default of
    /// 1024 descriptors) decides how many clients are served. Returns the limit now in force.
    @discardableResult
    static func raiseOpenFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return -1 }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return Int(limit.rlim_cur)
    }
}
