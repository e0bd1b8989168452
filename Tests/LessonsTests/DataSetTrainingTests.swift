import BackpropEngine
import Lessons
import TestSupport
import Testing

/// Training on the rows of a data set: the mean gradients are the gradients of the mean loss,
/// and the XOR lesson learns what it says it learns.
@Suite struct DataSetTrainingTests {
    /// The XOR lesson's models: without the hidden layer (the lesson's), and with it (its last
    /// slide's).
    static func xorModels() throws -> [Model] {
        let lesson = try LessonLibrary.shipped("xor")
        return [try #require(lesson.model), try #require(lesson.model(at: lesson.slides.count - 1))]
    }

    /// A model with a scalar input and target, trained two rows at a time.
    static let batched = try? Lesson(parsing: """
        # Batched
        ```model
        input x = 0
        target y = 0
        param w = 0.5
        param b = -0.2
        eta = 0.3
        h = tanh(w*x + b)
        loss L = 0.5*(h - y)^2
        ```
        ```data batch: 2
        x | y
        -1 | -0.5
        0.5 | 0.2
        2 | 0.9
        ```
        ## Only
        """, file: "batched.md", id: "batched").model

    @Test(arguments: [0, 1])
    func theMeanGradientsMatchCentralDifferencesOfTheMeanLossAtRandomSettings(which: Int) throws {
        let model = try Self.xorModels()[which]
        let data = try #require(model.data)
        var generator = SplitMix64(seed: 11)
        for _ in 0..<20 {
            var values = model.startingValues
            var randomised = model
            for parameter in model.parameters {
                let value = try #require(values[parameter]).map { _ in Double.random(in: -3...3, using: &generator) }
                values[parameter] = value
                randomised = try randomised.setting(parameter, to: value)
            }
            let batch = try #require(try randomised.train(batches: 1).first?.first?.batch)
            #expect(batch.rows == [0, 1, 2, 3] && batch.means.count == 1 + model.parameters.count)
            for parameter in model.parameters {
                let mean = try #require(batch.gradients[parameter])
                for entry in mean.scalars.indices {
                    let loss = { (delta: Double) throws -> Double in
                        var nudged = values
                        var scalars = try #require(values[parameter]).scalars
                        scalars[entry] += delta
                        nudged[parameter] = Tensor(shape: mean.shape, scalars: scalars)
                        return try model.meanLoss(over: data, at: nudged)
                    }
                    let estimate = (try loss(1e-6) - loss(-1e-6)) / 2e-6
                    let error = abs(mean.scalars[entry] - estimate) / max(1, abs(estimate))
                    #expect(error < 1e-6, "∂L/∂\(parameter)[\(entry)]: \(mean.scalars[entry]) against \(estimate)")
                }
            }
        }
    }

    @Test func theEngineChecksEachIterationsMeanGradientsAgainstTheMeanLossOfItsRows() throws {
        for model in try Self.xorModels() + [try #require(Self.batched)] {
            for trace in try model.train(batches: 3).compactMap(\.first) {
                let differences = try model.meanCentralDifferences(of: trace)
                #expect(Set(differences.keys) == Set(model.parameters))
                for (parameter, entries) in differences {
                    let mean = try #require(trace.batch?.gradients[parameter])
                    for difference in entries {
                        #expect(difference.relativeDifference(from: mean.scalars[difference.entry]) < 1e-6, "∂L/∂\(parameter)[\(difference.entry)]")
                    }
                }
            }
        }
    }

    @Test func aBatchOfTwoRowsAveragesThoseRowsInTurn() throws {
        let model = try #require(Self.batched)
        let batches = try model.train(batches: 3)
        #expect(batches.map { $0.compactMap(\.batch?.row) } == [[0, 1], [2, 0], [1, 2]])
        let first = try #require(batches.first)
        let rowGradients = try first.map { try #require($0.gradients["w"]).scalar }
        let mean = try #require(first.first?.batch?.gradients["w"]).scalar
        #expect(abs(mean - (rowGradients[0] + rowGradients[1]) / 2) < 1e-15)
        #expect(first.allSatisfy { $0.updated["w"] == Tensor(0.5 - 0.3 * mean) })
    }

    @Test func eachRowOfABatchHasTheNumbersOfItsOwnPassFromTheIterationsStart() throws {
        for model in try Self.xorModels() + [try #require(Self.batched)] {
            let data = try #require(model.data)
            var training = Training(model: model)
            var start = model.startingValues
            for numbers in try training.batchNumbers(4) {
                let rows = try #require(model.trace(of: numbers, row: 0).batch?.rows)
                for (index, row) in rows.enumerated() {
                    let alone = try model.trace(from: data.values(ofRow: row, in: start))
                    let batched = model.trace(of: numbers, row: index)
                    #expect(batched.values == alone.values && batched.gradients == alone.gradients, "row \(row + 1)")
                }
                start.merge(numbers.updated) { _, new in new }
            }
        }
    }

    @Test(arguments: try xorModels())
    func theNumbersOfAnIterationDivergeWhereItsFirstRowsTraceDoes(model: Model) throws {
        // An infinite rate sends the parameters past every number at the first update.
        let steep = try model.setting(model.rate, to: Tensor(.infinity))
        var training = Training(model: steep)
        let iterations = try training.batchNumbers(3)
        #expect(iterations.map(\.diverged) == [true])
        #expect(iterations.map { steep.trace(of: $0, row: 0).diverged } == [true])
        var gentle = Training(model: model)
        #expect(try gentle.batchNumbers(3).map { $0.diverged || model.trace(of: $0, row: 0).diverged } == [false, false, false])
    }

    @Test func withoutTheHiddenLayerTheLossStallsAndNoRowIsRight() throws {
        let model = try Self.xorModels()[0]
        let traces = try model.train(batches: 1000).compactMap(\.first)
        let losses = traces.compactMap { $0.batch?.values[model.loss]?.scalar }
        #expect(losses.count == 1000)
        #expect(abs(losses[999] - losses[302]) < 1e-3, "the loss still moves: \(losses[302]) → \(losses[999])")
        #expect(losses[999] > 0.69)
        #expect(try Self.rightRows(model, after: traces) == 0)
    }

    @Test func theWideNetGetsAllFourRowsRightWithinTheEpochsTheLessonStates() throws {
        let lesson = try LessonLibrary.shipped("xor")
        let training = try #require(lesson.slides.first { $0.title == "Train the wide net" })
        // The table starts with 3 epochs; T trains 100 more.
        #expect(training.items.contains(.paragraph(
            "Press T three times: within 300 epochs the loss falls and all four rows turn right. It hovers at first, while the hidden units find the corners to tell apart, then drops."
        )))
        let model = try Self.xorModels()[1]
        let traces = try model.train(batches: 3 + 300).compactMap(\.first)
        #expect(try Self.rightRows(model, after: traces.prefix(3)) < 4)
        #expect(try Self.rightRows(model, after: traces) == 4)
    }

    /// How many rows of `model`'s data set are right after the last of `traces`: p within 0.5
    /// of its target as shown at 2 decimals, as the tutor marks them.
    static func rightRows(_ model: Model, after traces: some Collection<Trace>) throws -> Int {
        let data = try #require(model.data)
        let values = model.startingValues.merging(try #require(traces.reversed().first).updated) { _, new in new }
        let predictions = try model.rowValues(of: "p", at: values)
        return zip(predictions, data.rows).filter { p, row in
            zip(p.scalars, row.suffix(2)).allSatisfy { abs(($0 * 100).rounded() / 100 - $1) < 0.5 }
        }.count
    }
}
