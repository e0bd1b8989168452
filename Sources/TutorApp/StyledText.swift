import TextScreen
/// A run of text in one style.
public struct Span: Equatable, Sendable {
    /// The text.
    public var text: String
    /// Its style.
    public var style: Style

    /// `text` in `style`.
    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One line of styled text.
public struct Line: Equatable, Sendable {
    /// The runs, left to right.
    public var spans: [Span]

    /// A line of `spans`.
    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    /// A line of one run.
    public init(_ text: String, _ style: Style = .plain) {
        spans = [Span(text, style)]
    }

    /// Its width in columns (one per character).
    public var width: Int { spans.reduce(0) { $0 + $1.text.count } }

    /// The line with every run restyled by `change`.
    func restyled(_ change: (inout Style) -> Void) -> Line {
        Line(spans.map { span in
            var style = span.style
            change(&style)
            return Span(span.text, style)
        })
    }

    /// The line cut or padded with spaces to exactly `width` columns.
    func fitted(to width: Int) -> Line {
        var kept: [Span] = []
        var room = width
        for span in spans where room > 0 {
            kept.append(Span(String(span.text.prefix(room)), span.style))
            room -= min(room, span.text.count)
        }
        return Line(kept + [Span(String(repeating: " ", count: room))])
    }

    /// Draws the line on `screen` from column `x` of row `y`, at most `width` columns.
    func draw(on screen: inout Screen, x: Int, y: Int, width: Int) {
        var column = x
        for span in spans where column < x + width {
            column = screen.put(span.text, x: column, y: y, style: span.style, maxWidth: x + width - column)
        }
    }
}

/// Breaks text into lines of at most `width` columns, between words where it can. Linear in the
/// text's length: each word is counted once, and a word longer than a line is cut by walking it.
func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var current = "", currentCount = 0
    for whole in text.split(separator: " ", omittingEmptySubsequences: true) {
        var word = whole, count = whole.count
        while count > width {
            if !current.isEmpty { lines.append(current); (current, currentCount) = ("", 0) }
            // A word held together by non-breaking spaces breaks at the last one that fits
            // rather than inside a number.
            let end = word.index(word.startIndex, offsetBy: width)
            if let space = word[..<end].lastIndex(of: "\u{00A0}"), space > word.startIndex {
                lines.append(String(word[..<space]))
                count -= word.distance(from: word.startIndex, to: space) + 1
                word = word[word.index(after: space)...]
            } else {
                lines.append(String(word[..<end]))
                count -= width
                word = word[end...]
            }
        }
        if current.isEmpty {
            (current, currentCount) = (String(word), count)
        } else if currentCount + 1 + count <= width {
            current += " "
            current += word
            currentCount += 1 + count
        } else {
            lines.append(current)
            (current, currentCount) = (String(word), count)
        }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
}

/// Writes `head` followed by `pieces`, each after `separator`, in lines of at most `width`
/// columns as `measure` counts them (characters, unless told): a piece that does not fit starts a
/// new line, indented by `indent`; a piece wider than a whole line is broken between words.
func wrapPieces(
    _ head: String, _ pieces: [String], separator: String, width: Int, indent: Int, measure: (String) -> Int = \.count
) -> [String] {
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    var current = head
    for piece in pieces {
        if measure(current + separator + piece) <= width {
            current += separator + piece
        } else {
            lines.append(current)
            current = pad + separator.drop { $0 == " " } + piece
        }
    }
    lines.append(current)
    return lines.enumerated().flatMap { index, line -> [String] in
        guard measure(line) > width else { return [line] }
        let first = index == 0 ? "" : pad
        let room = max(1, width - indent)
        let broken = wrap(keepingBracketsTogether(String(line.dropFirst(first.count)), room: room), width: room)
            .map { $0.replacing("\u{00A0}", with: " ") }
        return [first + broken[0]] + broken.dropFirst().map { pad + $0 }
    }
}

/// `text` with the spaces inside each bracketed group made non-breaking when the group fits in
/// `room` columns, so `[0.62, 0.65]` stays on one line; a longer group may break at its spaces
/// (after its commas), never inside a number.
private func keepingBracketsTogether(_ text: String, room: Int) -> String {
    var characters = Array(text)
    var open: [Int] = []
    var groups: [(Int, Int)] = []
    for (index, character) in characters.enumerated() {
        if character == "[" || character == "(" { open.append(index) }
        if (character == "]" || character == ")"), let start = open.popLast() { groups.append((start, index)) }
    }
    for (start, end) in groups where end - start < room {
        for index in start...end where characters[index] == " " { characters[index] = "\u{00A0}" }
    }
    return String(characters)
}
