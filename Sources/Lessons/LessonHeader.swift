/// What the lesson menu and `list` show of a lesson: its title, its summary and how many slides it
/// has, read from the lines before each slide's heading without reading the slides or the model.
struct LessonHeader: Equatable {
    /// The title, from the first line.
    let title: String
    /// The summary: the prose between the title and the first slide, its lines joined.
    let summary: String
    /// The `## ` headings outside the lesson's blocks.
    let slideCount: Int

    /// The header of a lesson read whole.
    init(title: String, summary: String, slideCount: Int) {
        (self.title, self.summary, self.slideCount) = (title, summary, slideCount)
    }

    /// The header of the lesson `text` holds, read as `Lesson(parsing:file:id:)` reads it; nil
    /// when the text does not start with a title. The lines are looked at as bytes: only the
    /// title's and the summary's become strings.
    init?(scanning text: String) {
        var title: String?, summary: [String] = [], slideCount = 0, inBlock = false
        var text = text
        text.withUTF8 { bytes in
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                var line = bytes[start..<end]
                start = end + 1
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                let trimmed = withoutSpaces(line)
                if inBlock {
                    inBlock = !trimmed.elementsEqual("```".utf8)
                } else if title == nil {
                    guard !trimmed.isEmpty else { continue }
                    guard line.starts(with: "# ".utf8) else { return }
                    title = String(decoding: withoutSpaces(line.dropFirst(2)), as: UTF8.self)
                } else if line.starts(with: "```".utf8) {
                    inBlock = true
                } else if line.starts(with: "## ".utf8) {
                    slideCount += 1
                } else if slideCount == 0 && !trimmed.isEmpty {
                    summary.append(String(decoding: trimmed, as: UTF8.self))
                }
            }
        }
        guard let title else { return nil }
        self.init(title: title, summary: summary.joined(separator: " "), slideCount: slideCount)
    }
}

/// `line` without the spaces and tabs that begin and end it.
private func withoutSpaces(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
    let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    guard let first = line.firstIndex(where: { !isSpace($0) }), let last = line.lastIndex(where: { !isSpace($0) }) else {
        return line[line.endIndex...]
    }
    return line[first...last]
}
