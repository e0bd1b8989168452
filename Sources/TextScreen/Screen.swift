/// What a cell is drawn as: a role that the painter maps to colours, plus attributes that
/// still read on a terminal without colour.
public struct Style: Hashable, Sendable {
    /// The meaning of a piece of text; the painter picks a colour for each.
    public enum Role: Hashable, Sendable, CaseIterable {
        case normal, heading, value, gradient, update, accent, dim, warning, status
    }

    /// What the text means.
    public var role: Role
    /// Drawn bold.
    public var bold: Bool
    /// Drawn in reverse video (the highlight of the current step or selection).
    public var reverse: Bool
    /// Drawn underlined.
    public var underline: Bool

    /// A style with the given role and attributes.
    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    /// Plain text.
    public static let plain = Style()
}

/// One character cell of the screen.
public struct Cell: Equatable, Sendable {
    /// The character shown (one column wide).
    public var character: Character
    /// How it is drawn.
    public var style: Style

    /// A cell showing `character` in `style`.
    public init(_ character: Character, _ style: Style = .plain) {
        self.character = character
        self.style = style
    }

    /// An empty plain cell.
    public static let blank = Cell(" ")
}

/// A terminal-sized grid of styled cells: what `render` draws and the painter copies to the terminal.
public struct Screen: Equatable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    /// A blank screen of the given size (negative sizes count as zero).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from column `x` of row `y`, clipped to the screen and to `maxWidth` columns,
    /// every character that would act on the terminal written out (`String.visible`). Returns the
    /// column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(width, maxWidth.map { x + $0 } ?? width)
        var column = x
        for character in text {
            guard column < limit else { break }
            // Checked character by character, so that a long text is read only as far as it shows.
            for shown in character.unicodeScalars.contains(where: \.actsOnTerminal) ? String(character).visible : String(character) {
                guard column < limit else { break }
                if column >= 0 { self[column, y] = Cell(shown, style) }
                column += 1
            }
        }
        return column
    }

    /// The screen's characters as lines of text, trailing spaces kept: what a snapshot stores.
    public var lines: [String] {
        (0..<height).map { row in String(cells[row * width..<(row + 1) * width].map(\.character)) }
    }
}
