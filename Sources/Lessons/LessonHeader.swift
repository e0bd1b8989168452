/// What the lesson menu and `list` show of a lesson: its title, its summary and how many slides it
/// has, read from the lines before each slide's heading without reading the slides or the model.
struct LessonHeader {
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
    /// when the text does not start with a title.
    init?(scanning text: String) {
        var title: String?, summary: [String] = [], slideCount = 0, inBlock = false
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body.unicodeScalars.removeFirst() }
        for bytes in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = Substring(bytes)
            if line.last == "\r" { line.removeLast() }
            if inBlock {
                inBlock = String(line).trimmingSpaces != "```"
            } else if title == nil {
                let trimmed = String(line).trimmingSpaces
                guard trimmed.isEmpty else {
                    guard line.hasPrefix("# ") else { return nil }
                    title = String(line.dropFirst(2)).trimmingSpaces
                    continue
                }
            } else if line.hasPrefix("```") {
                inBlock = true
            } else if line.hasPrefix("## ") {
                slideCount += 1
            } else if slideCount == 0 {
                let trimmed = String(line).trimmingSpaces
                if !trimmed.isEmpty { summary.append(trimmed) }
            }
        }
        guard let title else { return nil }
        self.init(title: title, summary: summary.joined(separator: " "), slideCount: slideCount)
    }
}
