/// A line written out once, with a place for each number it shows: a formula such as
/// `[[0.10, 0.20], [−0.30, 0.40]] · [1.00; 2.00] + [0.00; 0.10]` is the text ` · ` and ` + `
/// around the numbers of W, x and b, and a step's whole line adds its target, its parts and its
/// result. The numbers change from one iteration to the next; the text around them does not, so
/// that a long run writes a line's symbols once and only its numbers after. The text is kept in
/// one array and the places as plain values, so that writing a line copies bytes and numbers
/// without counting references.
struct LineText: Sendable {
    /// How a number is written in its place.
    enum Form: Sendable {
        /// As it is.
        case plain
        /// In parentheses when it is negative: a negative scalar after an operator, `· (−0.20)`.
        case parenthesisedWhenNegative
        /// A vector as the row `[a, b]`: the transpose of a column.
        case row
    }

    /// A run of text, or a place where something is written.
    enum Segment: Sendable {
        /// The bytes at that range of `bytes`.
        case text(Range<Int>)
        /// The number of the operand at that index, in `form`.
        case number(Int, Form)
        /// The value a step computes; with an offset, that entry of it alone.
        case result(Int?)
        /// The terms of a mean over rows, one for each row: `(L₁ + L₂) / 2`.
        case rows
        /// The start of the next part of a step's line, after ` ` for the first and ` = ` after.
        case part
    }

    /// The text of every run, one after another.
    private(set) var bytes: [UInt8] = []
    /// The segments, in order.
    private(set) var segments: [Segment] = []

    /// `text` alone.
    init(_ text: String = "") {
        append(text)
    }

    /// The number of operand `index`, written in `form`.
    init(number index: Int, _ form: Form = .plain) {
        segments = [.number(index, form)]
    }

    /// The text alone, each place left empty: a formula in symbols.
    var symbols: String {
        var text: [UInt8] = []
        for case .text(let range) in segments { text.append(contentsOf: bytes[range]) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `text`.
    mutating func append(_ text: String) {
        append(utf8: text.utf8)
    }

    /// Appends the UTF-8 text `utf8`.
    private mutating func append(utf8: some Collection<UInt8>) {
        guard !utf8.isEmpty else { return }
        let start = bytes.count
        bytes.append(contentsOf: utf8)
        if case .text(let last) = segments.last, last.upperBound == start {
            segments[segments.count - 1] = .text(last.lowerBound..<bytes.count)
        } else {
            segments.append(.text(start..<bytes.count))
        }
    }

    /// Appends a place for something written at each writing.
    mutating func append(_ segment: Segment) {
        segments.append(segment)
    }

    /// Appends `other`, the index of each of its numbers moved on by `offset`.
    mutating func append(_ other: LineText, movingNumbersBy offset: Int = 0) {
        for segment in other.segments {
            switch segment {
            case .text(let range): append(utf8: other.bytes[range])
            case .number(let index, let form): segments.append(.number(index + offset, form))
            default: segments.append(segment)
            }
        }
    }

    /// `left` followed by `right`.
    static func + (left: LineText, right: LineText) -> LineText {
        var text = left
        text.append(right)
        return text
    }

    /// `parts` one after another with `separator` between them.
    static func joined(_ parts: [LineText], separator: String) -> LineText {
        var text = LineText()
        for (index, part) in parts.enumerated() {
            if index > 0 { text.append(separator) }
            text.append(part)
        }
        return text
    }

    /// The same text, a number alone put in parentheses when it is negative.
    var parenthesisedWhenNegative: LineText {
        guard segments.count == 1, case .number(let index, .plain) = segments[0] else { return self }
        return LineText(number: index, .parenthesisedWhenNegative)
    }

    /// Appends the line to `text`, each place written by `write` (a number of `form`, a result,
    /// the rows); `minus` is the sign that makes a number negative. Of its parts, one that reads
    /// the same as the one before it is left out; `parts` gets where each part kept is.
    func write(
        into text: inout [UInt8], parts: inout [Range<Int>], minus: String, _ write: (Segment, inout [UInt8]) -> Void
    ) {
        parts.removeAll(keepingCapacity: true)
        var part: (separator: Int, start: Int)?
        bytes.withUnsafeBufferPointer { bytes in
            segments.withUnsafeBufferPointer { segments in
                for segment in segments {
                    switch segment {
                    case .text(let range):
                        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
                    case .number(_, let form):
                        let start = text.count
                        write(segment, &text)
                        if form == .parenthesisedWhenNegative, text[start...].starts(with: minus.utf8) {
                            text.insert(UInt8(ascii: "("), at: start)
                            text.append(UInt8(ascii: ")"))
                        }
                    case .result, .rows:
                        write(segment, &text)
                    case .part:
                        LineText.end(part, of: &text, after: &parts)
                        let separator = text.count
                        text.append(contentsOf: (part == nil ? " " : " = ").utf8)
                        part = (separator, text.count)
                    }
                }
            }
        }
        LineText.end(part, of: &text, after: &parts)
    }

    /// Ends `part` of `text` (where its separator and its text start), if any: dropped when it
    /// reads as the last of `parts`, else added to them.
    private static func end(_ part: (separator: Int, start: Int)?, of text: inout [UInt8], after parts: inout [Range<Int>]) {
        guard let (separator, start) = part else { return }
        if let last = parts.last, text[last].elementsEqual(text[start...]) {
            text.removeSubrange(separator...)
        } else {
            parts.append(start..<text.count)
        }
    }
}
