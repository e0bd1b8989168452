import BackpropEngine
import TextScreen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loss over the iterations as a bar chart with axes: the top and bottom of the scale
/// labelled on the left, the first and last iteration under the axis. Every iteration counts:
/// when there are more iterations than columns, a column stands for a run of them and shows the
/// highest loss among them. A loss spanning more than two decades is drawn on a log scale; an
/// iteration whose loss is no longer finite is marked as diverged.
struct LossCurve {
    /// The loss of each iteration; a value that is not finite marks where training diverged.
    let losses: [Double]
    let notation: Notation
    let glyphs: Glyphs
    /// Columns for the whole chart, labels included.
    let width: Int
    /// Rows of bars.
    let height: Int
    /// What one of the iterations is called: `iteration`, or `epoch` over a data set.
    var unit = "iteration"

    func lines() -> [Line] {
        let finite = losses.filter(\.isFinite)
        guard finite.count >= 2, let low = finite.min(), let high = finite.max() else { return [] }
        let logarithmic = low > 0 && high / low > 100
        let bottom = logarithmic ? low : min(0, low)
        // A label too small for the decimals shown is written as a power of ten (2e−9).
        let smallest = (0..<notation.precision).reduce(1.0) { value, _ in value / 10 }
        let label = { (value: Double) in abs(value) >= smallest || value == 0 ? notation.number(value) : notation.magnitude(value) }
        let (topLabel, bottomLabel) = (label(high), label(bottom))
        let labelWidth = max(topLabel.count, bottomLabel.count)
        let columns = max(1, min(losses.count, width - labelWidth - 2))
        let diverged = losses.contains { !$0.isFinite }
        // Column c stands for iterations runs[c]; its height is the highest finite loss there.
        let runs = (0..<columns).map { c in (c * losses.count / columns)..<max(c * losses.count / columns + 1, (c + 1) * losses.count / columns) }
        let scale = { (value: Double) -> Double in
            logarithmic ? (log10(value) - log10(low)) / max(1e-300, log10(high) - log10(low))
                : (value - bottom) / max(1e-300, high - bottom)
        }
        let levels = glyphs.bars.count - 1
        let heights = runs.map { run -> Int? in
            guard let peak = losses[run].filter(\.isFinite).max() else { return nil }
            return max(1, Int((scale(peak) * Double(levels * height)).rounded()))
        }
        let title = "Loss over \(losses.count) \(unit)s" + (logarithmic ? " (log scale)" : "")
            + ": \(finite.first.map(notation.number) ?? "") → \(finite.last.map(notation.number) ?? "")"
        var lines = [Line(glyphs.display(title), Style(.heading))]
        for row in 0..<height {
            let floor = height - 1 - row
            let label = row == 0 ? topLabel : row == height - 1 ? bottomLabel : ""
            let bars = String(heights.enumerated().map { column, filled -> Character in
                guard let filled else { return diverged && column == columns - 1 && row == height - 1 ? glyphs.divergedMark : " " }
                return glyphs.bars[min(levels, max(0, filled - floor * levels))]
            })
            lines.append(Line([Span(pad(label, labelWidth) + " " + String(glyphs.vertical), Style(.dim)), Span(bars, Style(.value))]))
        }
        let axis = String(repeating: " ", count: labelWidth + 1) + String(glyphs.corners.2) + String(repeating: glyphs.horizontal, count: columns)
        // The first, middle and last iteration under their columns, where they fit.
        var ticks = Array(repeating: Character(" "), count: labelWidth + 2 + columns + 4)
        for column in [0, columns / 2, columns - 1] {
            let text = Array("\(column == columns - 1 ? runs[column].upperBound : runs[column].lowerBound + 1)")
            let start = labelWidth + 2 + min(column, columns - text.count)
            guard start >= 0, ticks[max(0, start - 1)..<min(ticks.count, start + text.count + 1)].allSatisfy({ $0 == " " }) else { continue }
            ticks.replaceSubrange(start..<(start + text.count), with: text)
        }
        lines += [Line(axis, Style(.dim)), Line(String(ticks), Style(.dim))]
        if diverged {
            let at = (losses.firstIndex { !$0.isFinite } ?? losses.count - 1) + 1
            lines.append(Line(glyphs.display("\(glyphs.divergedMark) diverged at \(unit) \(at): the loss is no longer finite"), Style(.warning)))
        }
        return lines
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
