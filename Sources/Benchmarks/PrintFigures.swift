import Foundation

/// `backprop-tutor print wider --iterations N`, as JSON and as text: the time per iteration
/// (N = 1,000, 10,000 and 100,000, less the time at N = 10, which is mostly the start) and the
/// peak memory, from the release binary run as a child with its output sent to /dev/null.
enum PrintFigures {
    /// Each N and how many runs it is timed over.
    static let sizes: [(iterations: Int, runs: Int)] = [(10, 7), (1_000, 5), (10_000, 3), (100_000, 1)]

    static func figures(workspace: Workspace) throws -> [Figure] {
        let tutor = try workspace.tutor()
        var rows: [Figure] = []
        for json in [true, false] {
            let command = json ? "`print wider --iterations N --json`" : "`print wider --iterations N` (text)"
            var runs: [(iterations: Int, microseconds: Double, peakKilobytes: Int)] = []
            for (iterations, count) in sizes {
                var times: [Double] = [], peak = 0
                for _ in 0..<count {
                    let run = try workspace.run(
                        tutor, ["print", "wider", "--iterations", "\(iterations)"] + (json ? ["--json"] : []),
                        environment: ["LC_ALL": "C.UTF-8"], timeout: .seconds(300))
                    guard run.succeeded else { throw ChildProcessError(message: "\(command) with N = \(iterations): \(run.summary(timeout: .seconds(300)))") }
                    times.append(run.microseconds)
                    peak = max(peak, run.peakKilobytes)
                }
                runs.append((iterations, median(times), peak))
            }
            let base = runs[0], rest = runs.dropFirst()
            let perIteration = rest.map { Units.duration(microseconds: ($0.microseconds - base.microseconds) / Double($0.iterations - base.iterations)) }
            let largest = runs[runs.count - 1]
            let held = Double(largest.peakKilobytes - base.peakKilobytes) / Double(largest.iterations - base.iterations)
            rows += [
                Figure(
                    what: "\(command): per iteration at N = \(rest.map { Units.count($0.iterations) }.joined(separator: " / ")), less N = \(base.iterations)",
                    figure: perIteration.joined(separator: " / ")),
                Figure(
                    what: "\(command): peak memory at N = \(rest.map { Units.count($0.iterations) }.joined(separator: " / "))",
                    figure: rest.map { Units.memory(kilobytes: Double($0.peakKilobytes)) }.joined(separator: " / "),
                    peer: "at N = \(base.iterations): \(Units.memory(kilobytes: Double(base.peakKilobytes)))",
                    ratio: "\(largest.peakKilobytes >= base.peakKilobytes ? "+" : "")\(Units.memory(kilobytes: Double(largest.peakKilobytes - base.peakKilobytes))), \(Units.memory(kilobytes: held)) per iteration"),
            ]
        }
        return rows
    }
}
