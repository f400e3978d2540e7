import ArgumentParser
import Foundation
import IncidentAPI

/// `--postmortem-template FILE` (env `KLAXON_POSTMORTEM_TEMPLATE`), shared by `serve` and `postmortem`.
struct PostmortemTemplateOption: ParsableArguments {
    @Option(
        name: .customLong("postmortem-template"),
        help: "A Mustache file that replaces the built-in postmortem template (env KLAXON_POSTMORTEM_TEMPLATE).")
    var path: String?

    /// The template's text, or nil for the built-in one. An unreadable file is an error, not a silent fallback.
    func text(_ environment: Environment) throws -> String? {
        guard let path = path ?? environment["KLAXON_POSTMORTEM_TEMPLATE"], !path.isEmpty else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the postmortem template \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("the postmortem template \(path) is not UTF-8")
        }
        // Compiled here as well, so the message names the file and nothing is opened before it is refused.
        do {
            _ = try PostmortemTemplate(text: text)
        } catch let error as PostmortemTemplateError {
            throw ValidationError("the postmortem template \(path) does not compile: \(error.located)")
        }
        return text
    }
}
