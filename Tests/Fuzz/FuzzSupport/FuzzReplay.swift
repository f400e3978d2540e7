import Foundation

/// Runs a fuzz body over saved inputs without libFuzzer: the seed corpus, and every crash a fuzzing run
/// found (kept in the corpus as a regression). Arguments are files or folders (every file inside).
public enum FuzzReplay {
    /// Returns the process exit status: 0 when every input ran (a crash ends the process instead), 2 when an
    /// argument cannot be read.
    public static func main(_ arguments: [String], _ body: (UnsafeRawBufferPointer) -> Void) -> Int32 {
        var files: [URL] = []
        for argument in arguments {
            let url = URL(fileURLWithPath: argument)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("no such file: \(argument)\n".utf8))
                return 2
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
                files += names.sorted().map { url.appendingPathComponent($0) }
            } else {
                files.append(url)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                FileHandle.standardError.write(Data("cannot read \(file.path)\n".utf8))
                return 2
            }
            data.withUnsafeBytes { body($0) }
        }
        print("replayed \(files.count) inputs, no crash")
        return 0
    }
}
