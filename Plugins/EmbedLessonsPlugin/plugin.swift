import Foundation
import PackagePlugin

/// Embeds the package's `lessons/N-ID.md` files into the target as Swift source, so the lessons
/// travel inside the binary. The folder and every lesson file are inputs, so editing or adding a
/// lesson and rebuilding regenerates it (the tool lists the folder itself, because SwiftPM reuses
/// this plugin's answer until the package changes). After deleting a lesson file, run
/// `swift package clean` once: the reused answer still names it.
@main
struct EmbedLessonsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "lessons")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            // LessonFileName.isLesson's rule; a plugin cannot import a library target.
            .filter { $0.pathExtension == "md" && $0.lastPathComponent.first?.isNumber == true }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLessons.swift")
        return [
            .buildCommand(
                displayName: "Embedding the lessons",
                executable: try context.tool(named: "EmbedLessons").url,
                arguments: [output.path, folder.path],
                inputFiles: [folder] + files,
                outputFiles: [output]
            ),
        ]
    }
}
