import Testing
@testable import BackpropEngine

/// A cross-entropy's target that is not a probability distribution is found, and said in one line.
@Suite struct ImproperTargetTests {
    /// deeper's model: a target probability y of class 1, compared as [y, 1 − y].
    static let deeper = """
        input x = 2
        target y = 1
        param w = 0.25
        rate eta = 0.5
        q = sigmoid(w*x)
        loss L = crossentropy(softmax(q, -q), [y, 1 - y])
        """

    @Test(arguments: [
        (deeper, "y", "1", 0), (deeper, "y", "0.8", 0), (deeper, "y", "2", 1), (deeper, "y", "-0.5", 1),
        ("target y = [0.5, 0.5]\nparam o = [1, 2]\neta = 0.1\nloss L = crossentropy(softmax(o), y)", "y", "[0.5, 0.6]", 1),
        ("target y = [0.5, 0.5]\nparam o = [1, 2]\neta = 0.1\nloss L = crossentropy(softmax(o), y)", "y", "[1.5, -0.5]", 1),
        ("target y = [0.5, 0.5]\nparam o = [1, 2]\neta = 0.1\nloss L = crossentropy(softmax(o), y)", "y", "[0.25, 0.75]", 0),
        // Scalar targets are terms of a sum: only their range counts.
        ("input t = 0.3\nparam q = 0.5\neta = 0.1\nloss L = crossentropy(q, t) + crossentropy(1 - q, 1 - t)", "t", "0.3", 0),
        ("input t = 0.3\nparam q = 0.5\neta = 0.1\nloss L = crossentropy(q, t) + crossentropy(1 - q, 1 - t)", "t", "1.5", 2),
    ])
    func targetsOutsideZeroToOneOrNotSummingToOneAreFound(source: String, name: String, value: String, count: Int) throws {
        let model = try Model(parsing: source).setting(name, to: Tensor(reading: value))
        #expect(model.improperTargets(try model.trace().bindings).count == count)
    }

    @Test func theWarningNamesTheTargetItsValueAndWhatItCompares() throws {
        let model = try Model(parsing: Self.deeper).setting("y", to: Tensor(2))
        let improper = try #require(model.improperTargets(try model.trace().bindings).first)
        #expect(FormulaWriter(notation: Notation(), shapes: model.shapes).warning(improper) ==
            "The cross-entropy's target [y; 1 − y] = [2.00; −1.00] is not a probability distribution (entries from 0 to 1 summing to 1): "
            + "the loss no longer measures how far softmax(q, −q) is from it.")
        let ascii = FormulaWriter(notation: Notation(unicode: false), shapes: model.shapes).warning(improper)
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII }, "\(ascii)")
    }
}
