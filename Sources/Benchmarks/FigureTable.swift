import Foundation

/// One row of the figures: what is measured, today's figure, the peer or floor it is set
/// beside, and how they compare.
struct Figure {
    let what: String
    let figure: String
    var peer = ""
    var ratio = ""
}

/// The figures of a run, printed as one table: what | figure | peer or floor | ratio.
struct FigureTable {
    private(set) var rows: [Figure] = []

    /// Adds rows, and prints them at once as a progress line on standard error.
    mutating func add(_ figures: [Figure]) {
        for figure in figures {
            let cells = [figure.what.isEmpty ? "  " : "\(figure.what): \(figure.figure)", figure.peer, figure.ratio].filter { !$0.isEmpty }
            progress("  " + cells.joined(separator: " | "))
        }
        rows += figures
    }

    /// The table as Markdown, its columns padded to line up.
    var text: String {
        let header = Figure(what: "what", figure: "figure", peer: "peer or floor", ratio: "ratio")
        let all = [header] + rows
        let widths = [\Figure.what, \.figure, \.peer, \.ratio].map { column in all.map { $0[keyPath: column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"
        return ([line([header.what, header.figure, header.peer, header.ratio]), rule]
            + rows.map { line([$0.what, $0.figure, $0.peer, $0.ratio]) }).joined(separator: "\n")
    }
}
