import Foundation

#if KLAXON_FUZZING
    import CFuzzerDriver
#endif

/// The body this process fuzzes or replays. Safe unsynchronised: set once by `FuzzMain.run` before the
/// fuzzing loop or the replay starts, on the only thread that runs either.
nonisolated(unsafe) private var fuzzBody: ((UnsafeRawBufferPointer) -> Void)?

#if KLAXON_FUZZING
    /// libFuzzer's driver references this symbol; the loop started by `LLVMFuzzerRunDriver` calls it too.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func klaxonFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        fuzzBody?(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
#endif

/// The whole main of a fuzz target. Built by `scripts/fuzz.sh` (KLAXON_FUZZING=1: `-sanitize=fuzzer,address`)
/// it hands `body` to libFuzzer with the process's flags (the target keeps its own main, so libFuzzer's is not
/// linked); built normally it replays the files and folders named as arguments (`FuzzReplay`).
public enum FuzzMain {
    public static func run(_ body: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
        fuzzBody = body
        #if KLAXON_FUZZING
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in klaxonFuzzTestOneInput(data, size) })
        #else
            exit(FuzzReplay.main(Array(CommandLine.arguments.dropFirst()), body))
        #endif
    }
}
