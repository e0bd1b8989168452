/// The iteration table as aligned text: a heading line and a line per iteration, every column,
/// numbers right aligned (what `backprop-tutor print` writes). A long table can be written a
/// line at a time: `headings` and `cells(of:number:)` give the cells, `widths(_:_:)` the
/// columns' widths so far, and `line(_:widths:)` lays a line out.
public struct IterationTableText: Sendable {
    /// The model whose table it is.
    public let model: Model
    /// How numbers are written.
    public let notation: Notation
    /// The table's columns.
    private let columns: [IterationTable.Column]
    /// Where each column's number lives in an iteration of the model's program, where every
    /// column's does; nil over a data set, whose table shows means.
    private let slots: [Slot]?

    /// A table of `model`'s iterations written with `notation`.
    public init(model: Model, notation: Notation) {
        self.model = model
        self.notation = notation
        columns = IterationTable(model: model).columns
        let layout = model.program.layout
        let slots = columns.compactMap { column in
            switch column {
            case .value(let node): layout.value(node)
            case .gradient(let node): layout.gradient(node)
            case .updated(let node): layout.update(node)
            }
        }
        self.slots = model.data == nil && slots.count == columns.count ? slots : nil
    }

    /// The cells of a line, written one after another: their text, where each ends, and how
    /// many characters wide each is.
    public struct Cells: Sendable {
        /// The cells' text, UTF-8, one after another.
        public private(set) var text: [UInt8] = []
        /// Where in `text` each cell ends.
        public private(set) var ends: [Int] = []
        /// Each cell's width in characters.
        public private(set) var widths: [Int] = []

        /// No cells.
        public init() {}

        /// The cells `texts`.
        public init(_ texts: [String]) {
            for cell in texts { append(cell) }
        }

        /// Appends a cell of `text`.
        mutating func append(_ text: String) {
            self.text.append(contentsOf: text.utf8)
            ends.append(self.text.count)
            widths.append(text.count)
        }

        /// Appends a cell written by `write`, whose characters are each one Unicode scalar wide (a number).
        mutating func append(writing write: (inout [UInt8]) -> Void) {
            let start = text.count
            write(&text)
            ends.append(text.count)
            widths.append(text[start...].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
        }

        /// No cells, the room kept.
        mutating func removeAll() {
            text.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            widths.removeAll(keepingCapacity: true)
        }
    }

    /// The heading and one line per iteration: traces, or the numbers alone.
    public func lines(_ iterations: [some IterationResults]) -> [String] {
        var rows = [Cells(headings)]
        for (index, iteration) in iterations.enumerated() {
            var cells = Cells()
            self.cells(of: iteration, number: index + 1, into: &cells)
            rows.append(cells)
        }
        let widths = rows.reduce(Array(repeating: 0, count: headings.count), IterationTableText.widths)
        return rows.map { cells in
            var line: [UInt8] = []
            IterationTableText.line(cells, widths: widths, into: &line)
            return String(decoding: line, as: UTF8.self)
        }
    }

    /// The heading's cells: `#`, then each column's heading.
    public var headings: [String] {
        ["#"] + columns.map { $0.heading(notation) }
    }

    /// The cells of iteration `number` (counted from 1), in place of those `cells` held: its
    /// number, then each column's value in `iteration`, a trace or the numbers alone.
    public func cells(of iteration: some IterationResults, number: Int, into cells: inout Cells) {
        byName(iteration, number: number, into: &cells)
    }

    /// The cells of `iteration`, each column's value looked up by name.
    private func byName(_ iteration: some IterationResults, number: Int, into cells: inout Cells) {
        cells.removeAll()
        cells.append("\(number)")
        for column in columns {
            cells.append { text in
                guard let value = column.value(in: iteration) else { return }
                value.scalars.withUnsafeBufferPointer { notation.write($0, value.shape, decimals: notation.precision, into: &text) }
            }
        }
    }

    /// The cells of iteration `number` (counted from 1) from its numbers alone, as
    /// `cells(of:number:into:)` writes them, each read from where the program left it.
    public func cells(of numbers: IterationNumbers, number: Int, into cells: inout Cells) {
        guard let slots, numbers.layout === model.program.layout else { return byName(numbers, number: number, into: &cells) }
        cells.removeAll()
        cells.append("\(number)")
        for slot in slots {
            cells.append { text in
                numbers.withNumbers(at: slot) { notation.write($0, slot.shape, decimals: notation.precision, into: &text) }
            }
        }
    }

    /// The columns' widths once `cells` is written in columns at least `widest` wide.
    public static func widths(_ widest: [Int], _ cells: Cells) -> [Int] {
        zip(widest, cells.widths).map { max($0, $1) }
    }

    /// Appends `cells` right aligned in columns `widths` wide, two spaces apart, to `text`.
    public static func line(_ cells: Cells, widths: [Int], into text: inout [UInt8]) {
        var start = 0
        for (index, (end, width)) in zip(cells.ends, zip(cells.widths, widths)).enumerated() {
            if index > 0 { text.append(contentsOf: "  ".utf8) }
            text.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, width.1 - width.0)))
            text.append(contentsOf: cells.text[start..<end])
            start = end
        }
    }
}
