import ArgumentParser

@main
struct Klaxon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "klaxon",
        abstract: "Klaxon, an incident desk for on-call teams.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, BackupCommand.self, TokenCommand.self, HealthcheckCommand.self,
            PostmortemCommand.self,
        ]
    )
}
