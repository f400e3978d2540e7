import Foundation
import PackagePlugin

/// Embeds the package's `migrations/*.sql` files into the target as Swift string literals, so the built
/// binary carries its schema and needs no source tree at run time. Every SQL file is an input of the
/// build command: editing, adding or removing one regenerates the Swift file.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let migrationsDirectory = context.package.directoryURL.appending(
            path: "migrations", directoryHint: .isDirectory)
        let fileNames = (try? FileManager.default.contentsOfDirectory(atPath: migrationsDirectory.path)) ?? []
        let inputs = fileNames.filter { $0.hasSuffix(".sql") }.sorted().map {
            migrationsDirectory.appending(path: $0, directoryHint: .notDirectory)
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) migrations into \(target.name)",
                executable: try context.tool(named: "EmbedMigrationsTool").url,
                arguments: [migrationsDirectory.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
