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

    @Test func randomModelsParseOrFailWithALocation() {
        var generator = SplitMix64(seed: 7)
        var errors = 0, models = 0
        for _ in 0..<3000 {
            var text = "eta = 0.1\nparam w = 0.5\ninput x = [1, 2]\nparam W = [[1, 0], [0, 1]]\n"
            for _ in 0..<Int.random(in: 1...24, using: &generator) {
                text += Self.pieces.randomElement(using: &generator) ?? ""
            }
            do {
                let model = try Model(parsing: text)
                models += 1
                _ = try? model.train(iterations: 2)
                _ = try? model.gradientCheck()
            } catch {
                errors += 1
                #expect(error.location.line >= 1 && error.location.column >= 1)
                #expect(!error.message.isEmpty)
            }
        }
        #expect(errors + models == 3000)
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
