import Lessons
import TestSupport
import Testing
@testable import BackpropEngine

/// A loss landscape and a decision map run the model once per sample in one buffer: each sample
/// is the number a forward pass from its own values gives, bit for bit, and NaN where the model
/// cannot be computed.
@Suite struct PlaneMapTests {
    /// A line fitted to points, the parameters scalars.
    static let line = "input x = 1\ntarget y = 2\nparam w = 0.5\nparam b = 0.1\neta = 0.1\nh = w*x + b\nloss L = (h - y)^2"

    /// The line's model, over three rows of a data set or none.
    static func line(overData: Bool) throws -> Model {
        let model = try Model(parsing: line)
        guard overData else { return model }
        return model.setting(data: try DataSet(parsing: ["x | y", "0 | 1", "1 | 3", "2.5 | 4"], firstLine: 1, batch: nil, for: model))
    }

    @Test(arguments: [false, true])
    func eachSampleOfALossMapIsTheLossOrMeanLossAtItsPoint(overData: Bool) throws {
        let model = try Self.line(overData: overData)
        let map = model.lossMap(x: "w", y: "b", xs: -2...3, ys: -1...2, columns: 7, rows: 5)
        for row in 0..<map.rows {
            for column in 0..<map.columns {
                let point = map.point(column: column, row: row)
                var values = model.startingValues
                (values["w"], values["b"]) = (Tensor(point.x), Tensor(point.y))
                let expected = try model.data.map { try model.meanLoss(over: $0, at: values) } ?? model.lossValue(at: values)
                #expect(map.loss(column: column, row: row).bitPattern == expected.bitPattern, "at \(point)")
            }
        }
    }

    @Test func eachSampleOfADecisionMapIsTheNodesValueWithTheInputsInPlace() throws {
        let model = try #require(try LessonLibrary.shipped("xor").model)
        let data = try #require(model.data)
        let (x, y) = (data.inputs[0], data.inputs[1])
        let map = model.nodeMap(of: "p", entry: 1, x: x, y: y, xs: -1...2, ys: -0.5...1.5, columns: 6, rows: 4)
        for row in 0..<map.rows {
            for column in 0..<map.columns {
                let across = -1 + Double(column) / 5 * 3
                let up = 1.5 - Double(row) / 3 * 2
                let plane = DataSet(inputs: [x, y], targets: [], rows: [[across, up]], batch: nil)
                let expected = try model.value(of: "p", at: plane.values(ofRow: 0, in: model.startingValues)).scalars[1]
                #expect(map.value(column: column, row: row).bitPattern == expected.bitPattern, "at \(across), \(up)")
            }
        }
    }

    @Test func aSampleWhereTheModelCannotBeComputedIsNotANumberAndTheOthersAreNumbers() throws {
        let model = try Model(parsing: "param w = 1\nparam b = 0.5\neta = 0.1\nloss L = log(w) + b")
        let map = model.lossMap(x: "w", y: "b", xs: -1...1, ys: 0...1, columns: 3, rows: 2)
        #expect((0..<2).allSatisfy { map.loss(column: 0, row: $0).isNaN })
        #expect((0..<2).allSatisfy { map.loss(column: 2, row: $0) == map.point(column: 2, row: $0).y })
    }
}
