/// A rectangle of text: lines of equal width. Formulas are laid out as blocks side by side, so a
/// matrix can stand several rows tall between brackets while the text around it sits in the middle.
struct TextBlock: Equatable {
    /// The rows, all `width` wide.
    let lines: [String]

    /// One line of text.
    init(_ text: String) {
        lines = [text]
    }

    /// Lines padded on the right to one width.
    init(lines: [String]) {
        let width = lines.map(\.count).max() ?? 0
        self.lines = lines.map { $0 + String(repeating: " ", count: width - $0.count) }
    }

    /// The width in columns.
    var width: Int { lines.first?.count ?? 0 }

    /// Columns between the entries of a row of a matrix drawn tall.
    static let entryGap = 2

    /// The fewest columns a matrix of `columns` columns takes drawn tall: its brackets, and a
    /// column at least for each entry.
    static func leastWidth(ofMatrixWith columns: Int) -> Int {
        width(ofMatrixWith: Array(repeating: 1, count: columns))
    }

    /// The columns a matrix drawn tall takes whose columns' entries are at most `widths` wide:
    /// its brackets, the entries, and the gaps between them.
    static func width(ofMatrixWith widths: [Int]) -> Int {
        2 + widths.reduce(0, +) + entryGap * max(0, widths.count - 1)
    }

    /// A matrix drawn with tall brackets, entries right-aligned in their columns.
    init(matrix rows: [[String]], glyphs: Glyphs) {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        self.init(lines: rows.enumerated().map { index, row in
            let (left, right): (Character, Character)
            if rows.count == 1 {
                (left, right) = ("[", "]")
            } else if index == 0 {
                (left, right) = glyphs.bracketTop
            } else if index == rows.count - 1 {
                (left, right) = glyphs.bracketBottom
            } else {
                (left, right) = glyphs.bracketMiddle
            }
            let cells = (0..<columns).map { column in
                let text = column < row.count ? row[column] : ""
                return String(repeating: " ", count: widths[column] - text.count) + text
            }
            return "\(left)\(cells.joined(separator: String(repeating: " ", count: TextBlock.entryGap)))\(right)"
        })
    }

    /// `blocks` side by side, each centred vertically on the tallest.
    static func beside(_ blocks: [TextBlock]) -> TextBlock {
        let height = blocks.map(\.lines.count).max() ?? 0
        var rows = Array(repeating: "", count: height)
        for block in blocks {
            let top = (height - block.lines.count) / 2
            for row in 0..<height {
                let index = row - top
                rows[row] += block.lines.indices.contains(index) ? block.lines[index] : String(repeating: " ", count: block.width)
            }
        }
        return TextBlock(lines: rows)
    }
}

/// The rows of a formula line within `width` columns: laid out whole when it fits, otherwise
/// broken before each `=`, and then each `+`, into lines of their own.
func formulaLines(_ formula: String, width: Int, glyphs: Glyphs) -> [String] {
    let whole = formulaBlock(formula, glyphs: glyphs)
    guard whole.width > width else { return whole.lines }
    for separator in [" = ", " + "] {
        let pieces = formula.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard pieces.count > 1 else { continue }
        let lead = "  " + separator.dropFirst()
        return pieces.enumerated().flatMap { index, piece -> [String] in
            let rows = formulaLines(piece, width: width - lead.count, glyphs: glyphs)
            return index == 0 ? rows : TextBlock.beside([TextBlock(lead), TextBlock(lines: rows)]).lines
        }
    }
    return whole.lines
}

/// Lays out a formula line of a slide or a trace: text, with every matrix `[[a, b], [c, d]]` and
/// every column `[a; b]` drawn with tall brackets; a row `[a, b]` stays as it is written.
func formulaBlock(_ formula: String, glyphs: Glyphs) -> TextBlock {
    var blocks: [TextBlock] = []
    var text = ""
    var characters = Substring(formula)
    while let start = characters.firstIndex(of: "["), let end = closingBracket(in: characters[start...]) {
        text += characters[..<start]
        let inner = characters[characters.index(after: start)..<end]
        if let cells = inner.hasPrefix("[") ? rows(of: inner) : column(of: inner) {
            blocks.append(TextBlock(text))
            text = ""
            blocks.append(TextBlock(matrix: cells, glyphs: glyphs))
        } else {
            text += characters[start...end]
        }
        characters = characters[characters.index(after: end)...]
    }
    blocks.append(TextBlock(text + characters))
    return TextBlock.beside(blocks.filter { $0.width > 0 })
}

/// The index of the bracket closing the one `text` starts with.
private func closingBracket(in text: Substring) -> String.Index? {
    var depth = 0
    for index in text.indices {
        if text[index] == "[" { depth += 1 }
        if text[index] == "]" {
            depth -= 1
            if depth == 0 { return index }
        }
    }
    return nil
}

/// The rows of `[a, b], [c, d]`: each bracketed group split at its commas.
private func rows(of text: Substring) -> [[String]] {
    var rows: [[String]] = []
    var rest = text
    while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
        rows.append(rest[rest.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: " ") })
        rest = rest[rest.index(after: close)...]
    }
    return rows
}

/// The entries of `a; b`, one to a row; nil for text with no `;`, which is not a column.
private func column(of text: Substring) -> [[String]]? {
    let entries = text.split(separator: ";", omittingEmptySubsequences: false)
    return entries.count > 1 ? entries.map { [$0.trimmingCharacters(in: " ")] } : nil
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
