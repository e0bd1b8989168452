import Foundation
import Lessons

// Figures for the tutor from a release build:
//
//     swift build -c release && swift run -c release Benchmarks [PART ...]
//
// PART is one of start, engine, print, table, inputs, slides; all of them by default, in that
// order. Each part prints its rows on standard error as it goes; at the end comes the table of
// figures (what | figure | peer or floor | ratio, the ratio being figure ÷ peer), after the
// per-slide table of `slides`. See README.md, "Tests and benchmarks".

let arguments = Array(CommandLine.arguments.dropFirst())
/// The machine's load average over the last minute: with the cores, how far the figures can be
/// trusted on a machine shared with other work.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}

/// Says what went wrong and exits with status 1.
func fail(_ error: Error) -> Never {
    progress("Benchmarks: \(error)")
    exit(1)
}

// The child runs: see `KeyChild` and `ColdStart.timeFirstParse`.
if arguments.first == KeyChild.command {
    do { try KeyChild.run(Array(arguments.dropFirst())) } catch { fail(error) }
    exit(0)
}
if arguments.first == ColdStart.firstParseCommand {
    do { try ColdStart.timeFirstParse() } catch { fail(error) }
    exit(0)
}

let lessons: [Lesson]
do { lessons = try LessonLibrary.builtIn() } catch { fail(error) }

let known = ["start", "engine", "print", "table", "inputs", "slides"]
if let unknown = arguments.first(where: { !known.contains($0) }) {
    progress("Benchmarks: unknown part '\(unknown)'; the parts are \(known.joined(separator: ", "))")
    exit(2)
}
let chosen = arguments.isEmpty ? known : arguments

let workspace: Workspace
do { workspace = try Workspace() } catch { fail(error) }
defer { workspace.removeScratch() }

let parts: [(name: String, title: String, figures: () throws -> [Figure])] = [
    ("start", "cold start", { try ColdStart.figures(workspace: workspace, lessons: lessons) }),
    ("engine", "the engine beside its peers", { try EngineFigures.figures(workspace: workspace, lessons: lessons) }),
    ("print", "print, time and memory", { try PrintFigures.figures(workspace: workspace) }),
    ("table", "keys on big tables", { try TableFigures.figures(lessons: lessons) }),
    ("inputs", "pathological inputs", { try PathologicalInputs.figures(workspace: workspace) }),
]

let loadAtStart = loadAverage()
var table = FigureTable()
for part in parts where chosen.contains(part.name) {
    progress("\(part.title) …")
    do {
        table.add(try part.figures())
    } catch {
        table.add([Figure(what: part.title, figure: "not measured: \(error)")])
    }
}
if chosen.contains("slides") {
    progress("every slide …")
    do { try SlideTable.run(lessons: lessons) } catch { progress("the slides were not measured: \(error)") }
}
if !table.rows.isEmpty {
    print("\n" + table.text)
    print("\n\(ProcessInfo.processInfo.activeProcessorCount) cores; load average \(loadAtStart) at the start, \(loadAverage()) at the end")
}
