import BackpropEngine
import Lessons
import TestSupport
import Testing

/// The central difference of every node, computed ones with their inputs held, agrees with
/// backpropagation on every shipped lesson.
@Suite struct CentralDifferenceTests {
    @Test(arguments: ["linear", "deeper", "wider", "xor", "closing", "playground"])
    func everyGradientOfEveryNodeMatchesItsCentralDifference(id: String) throws {
        let model = try #require(try LessonLibrary.shipped(id).model)
        for trace in try model.train(iterations: 3) {
            let differences = try model.centralDifferences(of: trace)
            #expect(Set(differences.keys) == Set(model.nodes.filter { trace.gradients[$0] != nil }))
            for (node, entries) in differences {
                let gradient = try #require(trace.gradients[node])
                for difference in entries {
                    #expect(difference.relativeDifference(from: gradient.scalars[difference.entry]) < 1e-6, "\(id): ∂L/∂\(node)[\(difference.entry)]")
                }
            }
        }
    }
}
