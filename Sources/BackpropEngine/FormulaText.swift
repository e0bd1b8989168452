/// A formula written out once, with a place for the number of each operand plugged into it:
/// `[[0.10, 0.20], [−0.30, 0.40]] · [1.00; 2.00] + [0.00; 0.10]` is the text ` · `, ` + `
/// around the numbers of W, x and b. The numbers change from one iteration to the next; the text
/// around them does not, so a long run writes a formula's symbols once and only its numbers after.
struct FormulaText: Sendable {
    /// How an operand's number is written in its place.
    enum Form: Sendable {
        /// As it is.
        case plain
        /// In parentheses when it is negative: a negative scalar after an operator, `· (−0.20)`.
        case parenthesisedWhenNegative
        /// A vector as the row `[a, b]`: the transpose of a column.
        case row
    }

    /// A run of text, or the place of operand `index`'s number.
    enum Segment: Sendable {
        case text([UInt8])
        case number(Int, Form)
    }

    /// The segments, in order; no two runs of text follow each other.
    private(set) var segments: [Segment] = []

    /// `text` alone.
    init(_ text: String) {
        append(text)
    }

    /// The number of operand `index`, written in `form`.
    init(number index: Int, _ form: Form = .plain) {
        segments = [.number(index, form)]
    }

    /// The formula in symbols: its text, with no number in it.
    var symbols: String {
        var text: [UInt8] = []
        write(into: &text) { _, _, _ in }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `text`.
    mutating func append(_ text: String) {
        guard !text.isEmpty else { return }
        if case .text(var last) = segments.last {
            segments.removeLast()
            last.append(contentsOf: text.utf8)
            segments.append(.text(last))
        } else {
            segments.append(.text(Array(text.utf8)))
        }
    }

    /// Appends `other`.
    mutating func append(_ other: FormulaText) {
        for segment in other.segments {
            if case .text(let text) = segment, case .text(var last) = segments.last {
                segments.removeLast()
                last.append(contentsOf: text)
                segments.append(.text(last))
            } else {
                segments.append(segment)
            }
        }
    }

    /// `left` followed by `right`.
    static func + (left: FormulaText, right: FormulaText) -> FormulaText {
        var text = left
        text.append(right)
        return text
    }

    /// `parts` one after another with `separator` between them.
    static func joined(_ parts: [FormulaText], separator: String) -> FormulaText {
        var text = FormulaText("")
        for (index, part) in parts.enumerated() {
            if index > 0 { text.append(separator) }
            text.append(part)
        }
        return text
    }

    /// The same text, an operand's number alone put in parentheses when it is negative.
    var parenthesisedWhenNegative: FormulaText {
        guard segments.count == 1, case .number(let index, .plain) = segments[0] else { return self }
        return FormulaText(number: index, .parenthesisedWhenNegative)
    }

    /// Appends the formula to `text`, each number written by `number(index, asRow, &text)`;
    /// `minus` is the sign that makes a number negative.
    func write(into text: inout [UInt8], minus: String = "−", number: (Int, Bool, inout [UInt8]) -> Void) {
        for segment in segments {
            switch segment {
            case .text(let run):
                text.append(contentsOf: run)
            case .number(let index, let form):
                let start = text.count
                number(index, form == .row, &text)
                if form == .parenthesisedWhenNegative, text[start...].starts(with: minus.utf8) {
                    text.insert(UInt8(ascii: "("), at: start)
                    text.append(UInt8(ascii: ")"))
                }
            }
        }
    }
}
