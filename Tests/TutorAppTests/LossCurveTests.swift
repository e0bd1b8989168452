import Foundation
import BackpropEngine
import Testing
@testable import TutorApp

/// The loss curve has axes, a log scale when the loss spans decades, a column for every run of
/// iterations, and a mark where training diverged.
@Suite struct LossCurveTests {
    func text(_ losses: [Double], unicode: Bool = true, width: Int = 40) -> [String] {
        LossCurve(losses: losses, notation: Notation(unicode: unicode), glyphs: unicode ? .unicode : .ascii, width: width, height: 4)
            .lines().map { $0.spans.map(\.text).joined() }
    }

    @Test func aLossWithinTwoDecadesIsOnALinearScaleFromZero() {
        let lines = text([1.8, 0.65, 0.23])
        #expect(lines[0] == "Loss over 3 iterations: 1.80 → 0.23")
        #expect(lines[1].hasPrefix("1.80 │█") && lines[4].hasPrefix("0.00 │"))
        #expect(lines[5].hasPrefix("     └───") && lines[6].contains("1") && lines[6].hasSuffix("3    "))
    }

    @Test func aLossSpanningMoreThanTwoDecadesIsOnALogScaleLabelledWithPowersOfTen() {
        let lines = text((0..<20).map { 2 * pow(0.3, Double($0)) })
        #expect(lines[0].contains("(log scale)"))
        #expect(lines[4].hasPrefix("2e−10 │"), "\(lines)")
    }

    @Test func aSpikeAmongManyIterationsStillShowsInItsColumn() {
        var losses = Array(repeating: 0.5, count: 1000)
        losses[501] = 5
        let lines = text(losses, width: 40)
        let top = lines[1]
        #expect(top.filter { $0 == "█" }.count == 1, "only the column holding iteration 502 reaches the top: \(top)")
        #expect(lines[6].contains("1000"))
    }

    @Test func divergenceIsMarkedWhereItHappened() {
        let lines = text([1, 3, 9, .infinity])
        #expect(lines[4].hasSuffix("×"))
        #expect(lines.last == "× diverged at iteration 4: the loss is no longer finite")
        #expect(text([1, 3, 9, .nan], unicode: false).last == "x diverged at iteration 4: the loss is no longer finite")
    }
}
