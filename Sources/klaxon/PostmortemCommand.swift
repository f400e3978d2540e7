import ArgumentParser
import Foundation
import IncidentAPI
import IncidentDomain
import IncidentStore

/// `klaxon postmortem ID`: prints an incident's postmortem from the database, as the API serves it.
struct PostmortemCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postmortem",
        abstract: "Print an incident's postmortem (Markdown, or HTML or JSON with --format)."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var template: PostmortemTemplateOption

    @Option(help: "markdown (default), html or json.")
    var format: String = PostmortemFormat.markdown.rawValue

    @Argument(help: "The incident's id.")
    var id: String

    func validate() throws {
        guard PostmortemFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be markdown, html or json")
        }
        guard IncidentID(parsing: id) != nil else { throw ValidationError("ID must be a positive integer incident id") }
    }

    func run() async throws {
        guard let incident = IncidentID(parsing: id), let format = PostmortemFormat(rawValue: format) else {
            throw ExitCode.validationFailure
        }
        let renderer: PostmortemRenderer
        do {
            renderer = PostmortemRenderer(
                template: try template.text(Environment()).map { try PostmortemTemplate(text: $0) } ?? .standard)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        guard FileManager.default.fileExists(atPath: database.path) else {
            FileHandle.standardError.write(Data("error: no database at \(database.path)\n".utf8))
            throw ExitCode.failure
        }
        try await withStore(database) { store in
            let record = try await store.postmortems.record(of: incident)
            let budgetMinutes = try await StoredErrorBudgets(store: store, now: { Date() })
                .minutesSpent(by: record.incident)
            FileHandle.standardOutput.write(
                Data(renderer.render(record, errorBudgetMinutes: budgetMinutes, as: format).utf8))
        }
    }
}
