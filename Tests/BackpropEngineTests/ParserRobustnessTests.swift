import TestSupport
import Testing
@testable import BackpropEngine

/// Whatever a lesson file holds, reading its model gives a model or an error with a place; it
/// never crashes.
@Suite struct ParserRobustnessTests {
    static let pieces = [
        "x", "w", "h", "L", "W", "1", "0.5", "-", "+", "*", "/", "^", "@", "(", ")", "[", "]", ",", "=", " ",
        "sigmoid(", "softmax(", "log(", "exp(", "sum(", "crossentropy(", "[1]", "[2, 3]", "[[1, 2], [3, 4]]", "1e400", "#",
        "input ", "param ", "target ", "loss ", "eta", "\n", "·", "−", "$", "p[1]", "W[2, 1]", "0", "",
    ]

    /// A random scalar expression over the names every random model defines, nested `depth` deep.
    static func expression(depth: Int, using generator: inout SplitMix64) -> String {
        let leaves = ["w", "x[1]", "x[2]", "0.5", "2", "W[2, 1]", "sum(W @ x)", "softmax(x)[1]", "crossentropy(softmax(W @ x), [0, 1])"]
        guard depth > 0, Bool.random(using: &generator) else { return leaves.randomElement(using: &generator) ?? "w" }
        let a = expression(depth: depth - 1, using: &generator), b = expression(depth: depth - 1, using: &generator)
        let forms = ["(\(a) + \(b))", "\(a) * \(b)", "\(a) - \(b)", "\(a) / (1 + \(b)^2)", "sigmoid(\(a))", "exp(-\(a))", "log(1 + \(a)^2)", "\(a)^2"]
        return forms.randomElement(using: &generator) ?? a
    }

    /// A random model: a loss over random expressions, and in half of them up to eight random
    /// pieces inserted anywhere in the text.
    static func randomModel(using generator: inout SplitMix64) -> String {
        var text = "eta = 0.1\nparam w = 0.5\ninput x = [1, 2]\nparam W = [[1, 0], [0, 1]]\n"
        text += "h = \(expression(depth: 3, using: &generator))\nloss L = \(expression(depth: 2, using: &generator)) + h\n"
        guard Bool.random(using: &generator) else { return text }
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            let offset = Int.random(in: 0...text.count, using: &generator)
            text.insert(contentsOf: pieces.randomElement(using: &generator) ?? "", at: text.index(text.startIndex, offsetBy: offset))
        }
        return text
    }

    @Test func randomModelsParseOrFailWithAPlaceInTheirTextAndAMessage() {
        var generator = SplitMix64(seed: 7)
        var errors = 0, models = 0
        for _ in 0..<3000 {
            let text = Self.randomModel(using: &generator)
            do {
                let model = try Model(parsing: text)
                models += 1
                _ = try? model.train(iterations: 2)
                _ = try? model.gradientCheck()
            } catch {
                errors += 1
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let (line, column) = (error.location.line, error.location.column)
                // A column may point just past a line's end, where something is missing.
                #expect(lines.indices.contains(line - 1) && (1...(lines[line - 1].count + 1)).contains(column),
                        "\(error) in \(text.debugDescription)")
                #expect(!error.message.isEmpty, "\(error) in \(text.debugDescription)")
            }
        }
        // About half are left whole and parse, and nearly all of the rest are refused: both ways are exercised.
        #expect(models >= 1000 && errors >= 1000, "\(models) models parsed, \(errors) refused")
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let nested = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(throws: EquationError.self) { try Model(parsing: "eta = 1\nparam w = 1\nloss L = w * \(nested)") }
        let negated = String(repeating: "-", count: 10_000) + "w"
        #expect(throws: EquationError.self) { try Model(parsing: "eta = 1\nparam w = 1\nloss L = \(negated)") }
        let powers = Array(repeating: "w", count: 10_000).joined(separator: "^")
        #expect(throws: EquationError.self) { try Model(parsing: "eta = 1\nparam w = 1\nloss L = \(powers)") }
    }
}
