import BackpropEngine
import Foundation
import Lessons

/// One training iteration of the `wider` lesson: the engine, beside a hand-written C version,
/// the floor (`benchmarks/wider.c`), and micrograd and JAX (`benchmarks/peers.py`) when the
/// Python named by `PEERS_PYTHON` (`python3` by default) has them.
enum EngineFigures {
    /// Iterations the engine is timed over, per run.
    static let iterations = 1_000
    /// The iteration whose loss every peer reports, checked against the engine's.
    static let check = 100

    /// What `wider.c` and `peers.py` print for each peer.
    struct PeerFigure: Decodable {
        let us_per_iteration: Double?
        let loss_check: Double?
        let error: String?
    }

    static func figures(workspace: Workspace, lessons: [Lesson]) throws -> [Figure] {
        guard let model = lessons.first(where: { $0.id == "wider" })?.model else { throw ChildProcessError(message: "no `wider` lesson with a model") }
        let engine = try time(repetitions: 15, within: .seconds(10)) { try model.iterations(iterations).count }.median / Double(iterations)
        guard let loss = try model.train(iterations: check).last?.values[model.loss]?.scalar else {
            throw ChildProcessError(message: "`wider` gave no loss at iteration \(check)")
        }
        let values = try startingValues(of: model)
        var peers: [(name: String, figure: Result<PeerFigure, Error>)] = []

        peers.append(("hand-written C", Result {
            let program = try workspace.compile("wider", flags: ["-lm"])
            let run = try workspace.run(program, ["2000000", "5", "\(check)"] + values, keepOutput: true)
            guard run.succeeded else { throw ChildProcessError(message: "wider failed: \(run.errorOutput)") }
            return try JSONDecoder().decode(PeerFigure.self, from: Data(run.output.utf8))
        }))
        let python = ProcessInfo.processInfo.environment["PEERS_PYTHON"] ?? "python3"
        let script = workspace.root.appendingPathComponent("benchmarks/peers.py").path
        let report = Result {
            let run = try workspace.run(python, [script, "\(check)"] + values, timeout: .seconds(300), keepOutput: true)
            guard run.succeeded else { throw ChildProcessError(message: "\(python) peers.py failed: \(run.errorOutput.suffix(200))") }
            return try JSONDecoder().decode([String: PeerFigure].self, from: Data(run.output.utf8))
        }
        for (key, name) in [("jax", "JAX, jit per step"), ("micrograd", "micrograd")] {
            peers.append((name, report.flatMap { report in
                report[key].map(Result.success) ?? .failure(ChildProcessError(message: "peers.py gave no \(key) figure"))
            }))
        }

        return peers.enumerated().map { index, peer in
            let first = index == 0
            let what = first ? "one `wider` training iteration in the engine, numbers only (`iterations(\(iterations))` / \(iterations))" : ""
            let figure = first ? Units.duration(microseconds: engine) : ""
            switch peer.figure {
            case .failure(let error):
                return Figure(what: what, figure: figure, peer: "\(peer.name): \(error)")
            case .success(let result):
                guard let microseconds = result.us_per_iteration else {
                    return Figure(what: what, figure: figure, peer: "\(peer.name): \(result.error ?? "no figure")")
                }
                let agrees = result.loss_check.map { abs($0 - loss) <= 1e-9 * max(1, abs(loss)) } ?? false
                let disagreement = agrees ? "" : " (its loss at iteration \(check) differs from the engine's)"
                return Figure(
                    what: what, figure: figure, peer: "\(peer.name): \(Units.duration(microseconds: microseconds))\(disagreement)",
                    ratio: Units.ratio(engine / microseconds))
            }
        }
    }

    /// x, y, W, b, V and η of `wider`, in the order `wider.c` and `peers.py` take them.
    private static func startingValues(of model: Model) throws -> [String] {
        let expected: [(name: String, count: Int)] = [("x", 2), ("y", 2), ("W", 4), ("b", 2), ("V", 4)]
        var values: [Double] = []
        for (name, count) in expected {
            guard let value = model.variable(name)?.value, value.scalars.count == count else {
                throw ChildProcessError(message: "`wider` no longer has the \(count) values of \(name) the peers are written for")
            }
            values += value.scalars
        }
        return (values + [model.learningRate]).map { "\($0)" }
    }
}
