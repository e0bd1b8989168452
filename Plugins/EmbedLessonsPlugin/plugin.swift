import Foundation
import PackagePlugin

/// Embeds the package's `lessons/*.md` into the target as Swift source, so the lessons travel
/// inside the binary. Every lesson file is an input: editing one and rebuilding regenerates it.
@main
struct EmbedLessonsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "lessons")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" && $0.lastPathComponent.first?.isNumber == true }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLessons.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) lesson files",
                executable: try context.tool(named: "EmbedLessons").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: [folder] + files,
                outputFiles: [output]
            ),
        ]
    }
}
