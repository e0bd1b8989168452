import BackpropEngine

extension Lesson {
    /// Reads a lesson file (the format of `lessons/README.md`); every mistake is a `LessonError`
    /// naming `file`, the line and the column. Lines may end in LF or CR LF, and a byte order
    /// mark may come first.
    public init(parsing text: String, file: String, id: String) throws(LessonError) {
        let read = try Lesson.read(text, file: file)
        self.init(
            id: id, file: file, header: LessonHeader(title: read.title, summary: read.summary, slideCount: read.content.slides.count),
            contentHash: ContentHash.of(text), content: LessonContent(read.content)
        )
    }

    /// The lesson `text` of `file` holds: its title, its summary, and its slides and model.
    static func read(_ text: String, file: String) throws(LessonError) -> (title: String, summary: String, content: LessonContent.Parsed) {
        var reader = LessonReader(file: file)
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body.unicodeScalars.removeFirst() }
        for (index, line) in String(body).lines.enumerated() {
            try reader.read(String(line), number: index + 1)
        }
        return try reader.finish()
    }

    /// A lesson built into the binary: its header is read now, its slides and model when first
    /// asked for. A text whose header cannot be read is read whole now, for its error.
    static func builtIn(_ text: String, file: String, id: String) throws(LessonError) -> Lesson {
        guard let header = LessonHeader(scanning: text) else { return try Lesson(parsing: text, file: file, id: id) }
        return Lesson(id: id, file: file, header: header, contentHash: ContentHash.of(text), content: LessonContent(text: text, file: file))
    }
}

/// Reads a lesson line by line.
private struct LessonReader {
    let file: String
    var title: String?
    var summary: [String] = []
    /// The lesson's model: the model block before the first slide, with its data set.
    var lessonModel: Model?
    /// The model in force: the lesson's, or the last slide's model block so far.
    var model: Model?
    /// The lines of the lesson's model block as written.
    var modelSource: [String] = []
    /// The data block in force, as written: read again for a slide's model block.
    var data: DataBlock?
    var slides: [Slide] = []
    var slide: SlideBuilder?
    /// An open fence: its kind, the line it opened on, and its lines so far.
    var fence: (kind: String, line: Int, lines: [String])?
    /// A question waiting for its `answer:` line.
    var question: (text: String, line: Int)?

    init(file: String) {
        self.file = file
    }

    func error(_ message: String, line: Int, column: Int = 1) -> LessonError {
        LessonError(file: file, line: line, column: column, message: message)
    }

    mutating func read(_ line: String, number: Int) throws(LessonError) {
        if fence != nil {
            if line.trimmingSpaces == "```", let open = fence {
                fence = nil
                try close(kind: open.kind, lines: open.lines, openedOn: open.line)
            } else {
                // In place: a copy of the lines so far per line would make a long block quadratic.
                fence?.lines.append(line)
            }
            return
        }
        if let pending = question, !line.hasPrefix("answer:") {
            throw error("the question is followed by its 'answer: EXPR' line", line: pending.line)
        }
        guard title != nil else {
            if line.trimmingSpaces.isEmpty { return }
            guard line.hasPrefix("# ") else { throw error("a lesson starts with its title: '# Title'", line: number) }
            title = String(line.dropFirst(2)).trimmingSpaces
            return
        }
        if line.hasPrefix("```") {
            try open(kind: String(line.dropFirst(3)).trimmingSpaces, line: number)
        } else if line.hasPrefix("## ") {
            try startSlide(title: String(line.dropFirst(3)).trimmingSpaces, line: number)
        } else if line.hasPrefix("#") && !line.hasPrefix("##") {
            throw error("only line 1 is a '# ' title; a slide starts with '## '", line: number)
        } else if slide == nil {
            if !line.trimmingSpaces.isEmpty { summary.append(line.trimmingSpaces) }
        } else {
            try readSlideLine(line, number: number)
        }
    }

    mutating func finish() throws(LessonError) -> (title: String, summary: String, content: LessonContent.Parsed) {
        if let open = fence { throw error("the ``` block opened here is never closed", line: open.line) }
        if let pending = question { throw error("the question is followed by its 'answer: EXPR' line", line: pending.line) }
        guard let title else { throw error("the lesson is empty: it starts with '# Title'", line: 1) }
        finishSlide()
        guard !slides.isEmpty else { throw error("the lesson has no slides: add one with '## Slide title'", line: 1) }
        return (title, summary.joined(separator: " "), LessonContent.Parsed(model: lessonModel, modelSource: modelSource, slides: slides))
    }

    /// A data block as written: its lines, the line of its fence and its batch.
    struct DataBlock {
        let lines: [String]
        let line: Int
        let batch: Int?
    }

    private mutating func open(kind info: String, line: Int) throws(LessonError) {
        let kind = String(info.prefix { $0 != " " && $0 != "\t" })
        switch kind {
        case "model":
            if let slide {
                guard slide.model == nil else { throw error("a slide has one model block", line: line, column: 4) }
                try expectNoDirectives(on: slide, before: "its model block", line: line)
            } else if lessonModel != nil {
                throw error("a lesson has one model block before its slides; a slide may carry its own", line: line, column: 4)
            }
        case "data":
            guard let model else { throw error("a data block follows the model block it feeds", line: line, column: 4) }
            if let slide {
                guard slide.model != nil, slide.data == nil else {
                    throw error("a slide's data block follows the slide's own model block", line: line, column: 4)
                }
                try expectNoDirectives(on: slide, before: "its data block", line: line)
            } else if model.data != nil {
                throw error("a model has one data block", line: line, column: 4)
            }
        case "formulas":
            guard slide != nil else { throw error("formulas belong to a slide: put them after a '## ' heading", line: line, column: 4) }
        default:
            throw error("unknown block '```\(kind)' (known: model, data, formulas)", line: line, column: 4)
        }
        let options = String(info.dropFirst(kind.count)).trimmingSpaces
        guard options.isEmpty || kind == "data" else {
            throw error("'```\(kind)' takes nothing after it", line: line, column: 4 + kind.count + 1)
        }
        fence = (info, line, [])
    }

    /// Fails when `slide` already shows what a model computes: a block that changes the model
    /// comes before.
    private func expectNoDirectives(on slide: SlideBuilder, before block: String, line: Int) throws(LessonError) {
        guard !slide.items.contains(where: \.computes), slide.steps.isEmpty, question == nil else {
            throw error("a slide shows what it computes after \(block): move the block above the slide's directives", line: line, column: 4)
        }
    }

    private mutating func close(kind info: String, lines: [String], openedOn line: Int) throws(LessonError) {
        let kind = String(info.prefix { $0 != " " && $0 != "\t" })
        switch kind {
        case "formulas":
            slide?.add(.formulas(lines.filter { !$0.trimmingSpaces.isEmpty }))
        case "data":
            let block = DataBlock(lines: lines, line: line, batch: try batch(String(info.dropFirst(kind.count)), line: line, column: 4 + kind.count))
            try feed(block)
        default:
            do {
                model = try Model(parsing: lines.joined(separator: "\n"), firstLine: line + 1)
            } catch {
                throw self.error(error.message, line: error.location.line, column: error.location.column)
            }
            if slide == nil {
                (lessonModel, modelSource) = (model, lines)
            } else {
                slide?.model = model
                slide?.modelSource = lines
            }
            // The data set in force feeds a slide's new model too.
            if slide != nil, let data { try feed(data, model: line) }
        }
    }

    /// Reads `block` for the model in force and makes it that model's data set; `modelLine` is
    /// the line of a slide's model block that reads a data block from further up.
    private mutating func feed(_ block: DataBlock, model modelLine: Int? = nil) throws(LessonError) {
        guard let current = model else { return }
        let data: DataSet
        do {
            data = try DataSet(parsing: block.lines, firstLine: block.line + 1, batch: block.batch, for: current)
        } catch {
            let reason = modelLine.map { " (for the model block of line \($0), which trains on this data set)" } ?? ""
            throw self.error(error.message + reason, line: error.location.line, column: error.location.column)
        }
        self.data = block
        model = current.setting(data: data)
        if slide == nil { lessonModel = model } else { slide?.model = model; slide?.data = block }
    }

    /// The batch a data block's info string gives after `data`: nothing (every row at once) or
    /// `batch: N`, N rows an iteration.
    private func batch(_ options: String, line: Int, column: Int) throws(LessonError) -> Int? {
        let words = options.wordsWithColumns(from: column)
        guard !words.isEmpty else { return nil }
        guard words.count == 2, words[0].0 == "batch:", let size = Int(words[1].0), size >= 1 else {
            throw error("after '```data' comes nothing (every row at once) or 'batch: N', N rows an iteration, as in 'batch: 1'", line: line, column: words[0].1)
        }
        return size
    }

    private mutating func startSlide(title: String, line: Int) throws(LessonError) {
        guard !title.isEmpty else { throw error("a slide needs a title after '## '", line: line, column: 4) }
        finishSlide()
        slide = SlideBuilder(title: title)
    }

    private mutating func finishSlide() {
        guard var builder = slide else { return }
        builder.endParagraph()
        slides.append(builder.built)
        slide = nil
    }

    private mutating func readSlideLine(_ line: String, number: Int) throws(LessonError) {
        let trimmed = line.trimmingSpaces
        if let colon = trimmed.firstIndex(of: ":"), let directive = Directive(rawValue: String(trimmed[..<colon])) {
            let indent = line.count - line.drop(while: { $0 == " " }).count
            let valueColumn = indent + trimmed.distance(from: trimmed.startIndex, to: colon) + 2
            try readDirective(directive, String(trimmed[trimmed.index(after: colon)...]), line: number, column: valueColumn)
        } else if trimmed.isEmpty {
            slide?.endParagraph()
        } else if trimmed.hasPrefix("- ") {
            slide?.add(.bullet(String(trimmed.dropFirst(2))))
        } else if trimmed.hasPrefix(">") {
            slide?.addNote(String(trimmed.dropFirst()).trimmingSpaces)
        } else {
            slide?.addProse(trimmed)
        }
    }

    private enum Directive: String {
        case show, steps, jacobian, question, answer
    }

    private mutating func readDirective(_ directive: Directive, _ value: String, line: Int, column: Int) throws(LessonError) {
        guard let model else {
            throw error("'\(directive.rawValue):' needs a model: add a ```model block before the first slide", line: line)
        }
        let words = value.wordsWithColumns(from: column)
        switch directive {
        case .show:
            try show(value, of: model, line: line, column: column)
        case .steps:
            try chooseSteps(words, of: model, line: line, column: column)
        case .jacobian:
            guard words.count == 2 else { throw error("'jacobian:' names two nodes, OUT and IN, as in 'jacobian: h x'", line: line, column: column) }
            for (word, wordColumn) in words where !model.nodes.contains(word) {
                throw error("unknown node \(word.quoted) (known: \(model.nodes.joined(separator: ", ")))", line: line, column: wordColumn)
            }
            slide?.add(.jacobian(Slide.JacobianRequest(output: words[0].0, input: words[1].0)))
        case .question:
            guard slide?.built.question == nil else {
                throw error("a slide asks one question", line: line)
            }
            question = (value.trimmingSpaces, line)
        case .answer:
            guard let pending = question else { throw error("'answer:' follows a 'question:' line", line: line) }
            question = nil
            do {
                let answer = try model.expression(parsing: value, at: SourceLocation(line: line, column: column))
                slide?.add(.question(Slide.Question(text: pending.text, answer: answer)))
            } catch {
                throw self.error(error.message, line: error.location.line, column: error.location.column)
            }
        }
    }
    /// `steps: L..q`, `steps: o1 o2`, `steps: update`: the steps the slide's trace steps through.
    private mutating func chooseSteps(_ words: [(String, Int)], of model: Model, line: Int, column: Int) throws(LessonError) {
        guard slide?.built.stepsTrace == true else { throw error("'steps:' follows the slide's 'show: trace' line", line: line) }
        guard slide?.steps.isEmpty == true else { throw error("a slide chooses its steps once", line: line) }
        guard !words.isEmpty else {
            throw error("'steps:' names passes (forward, backward, update), nodes, or ranges such as L..q", line: line, column: column)
        }
        for (word, wordColumn) in words {
            if let pass = Trace.Pass(rawValue: word) {
                slide?.steps.append(.pass(pass))
                continue
            }
            let ends = word.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
            for (offset, end) in ends.enumerated() where !model.backwardOrder.contains(end) || ends.count > 2 {
                let at = wordColumn + ends[..<offset].reduce(0) { $0 + $1.count + 2 }
                throw error("no gradient step for \(end.quoted) (known: \(model.backwardOrder.joined(separator: ", ")))", line: line, column: at)
            }
            slide?.steps.append(ends.count == 2 ? .gradients(from: ends[0], to: ends[1]) : .gradient(word))
        }
    }

    /// `show: graph trace` adds the items one above the other; `show: graph | trace` puts them
    /// side by side, one item on each side of every `|`. The words after `table`, up to the next
    /// `|` or the end of the line, name the table's columns to keep in view.
    private mutating func show(_ value: String, of model: Model, line: Int, column: Int) throws(LessonError) {
        let words = value.wordsWithColumns(from: column, standalone: "|")
        guard !words.isEmpty else { throw error("'show:' names an item: \(LessonReader.items)", line: line, column: column) }
        let besideError = "one item on each side of '|', as in 'show: graph | trace'"
        let bars = words.filter { $0.0 == "|" }.map(\.1)
        let groups = words.split(omittingEmptySubsequences: false) { $0.0 == "|" }
        var row: [Slide.Item] = []
        for (index, group) in groups.enumerated() {
            guard !group.isEmpty else { throw error(besideError, line: line, column: bars[min(index, bars.count - 1)]) }
            var rest = group
            while case let (word, wordColumn)? = rest.popFirst() {
                // Side by side, one item stands between bars: only a table's columns follow it.
                if !bars.isEmpty && wordColumn != group.first?.1 { throw error(besideError, line: line, column: wordColumn) }
                let item: Slide.Item
                switch word {
                case "graph": item = .graph
                case "trace": item = .trace
                case "table":
                    item = .table(try tableColumns(rest, of: model, line: line))
                    rest = []
                case "landscape":
                    item = .landscape(try landscape(rest, of: model, line: line, column: wordColumn))
                    rest = []
                case "rows", "decision":
                    guard let (node, nodeColumn) = rest.popFirst() else {
                        throw error("'\(word)' names the node it shows, as in '\(word) \(word == "rows" ? "p" : "p[2]")'", line: line, column: wordColumn)
                    }
                    item = word == "rows" ? .rows(try rowsNode(node, of: model, line: line, column: nodeColumn))
                        : .decision(try decision(node, of: model, line: line, column: nodeColumn))
                default: throw error("unknown item \(word.quoted) (known: \(LessonReader.items))", line: line, column: wordColumn)
                }
                if item.isTrace, slide?.built.stepsTrace == true || row.contains(where: \.isTrace) {
                    throw error("a slide steps through one trace", line: line, column: wordColumn)
                }
                row.append(item)
            }
        }
        if bars.isEmpty {
            for item in row { slide?.add(item) }
        } else {
            slide?.add(.beside(row))
        }
    }

    /// What `show:` can show.
    static let items = "graph, trace, table, landscape, rows, decision"

    /// The node a `rows NODE` item shows for every row of `model`'s data set.
    private func rowsNode(_ node: String, of model: Model, line: Int, column: Int) throws(LessonError) -> String {
        guard model.data != nil else {
            throw error("'rows' shows the rows of a data set: add a ```data block after the model block", line: line, column: column)
        }
        guard model.nodes.contains(node) else {
            throw error("unknown node \(node.quoted) (known: \(model.nodes.joined(separator: ", ")))", line: line, column: column)
        }
        return node
    }

    /// The node, or entry of a vector node, that `decision NODE` maps over the plane of the two
    /// inputs of `model`'s data set.
    private func decision(_ word: String, of model: Model, line: Int, column: Int) throws(LessonError) -> Slide.DecisionRequest {
        guard let data = model.data, data.inputs.count == 2 else {
            throw error("a decision map is drawn over the two inputs of a data set: its header names two columns before '|'", line: line, column: column)
        }
        let node = String(word.prefix { $0 != "[" })
        let bracket = word.dropFirst(node.count)
        let entry = bracket.isEmpty ? nil : bracket.hasPrefix("[") && bracket.hasSuffix("]") ? Int(bracket.dropFirst().dropLast()) : nil
        guard let shape = model.shapes[node], model.nodes.contains(node) else {
            throw error("unknown node \(node.quoted) (known: \(model.nodes.joined(separator: ", ")))", line: line, column: column)
        }
        switch (shape, entry) {
        case (.scalar, nil) where bracket.isEmpty:
            return Slide.DecisionRequest(output: node, entry: nil)
        case (.vector(let count), let index?) where (1...count).contains(index):
            return Slide.DecisionRequest(output: node, entry: index - 1)
        case (.scalar, _):
            throw error("'\(node)' is a scalar: name it alone, 'decision \(node)'", line: line, column: column)
        case (.vector, _):
            throw error("'\(node)' is a \(shape): name one of its entries, as in 'decision \(node)[1]'", line: line, column: column)
        case (.matrix, _):
            throw error("a decision map shows a scalar node or an entry of a vector one; '\(node)' is a \(shape)", line: line, column: column)
        }
    }

    /// `h L dL/dh w b`: the columns of `model`'s table a `show: table` line names.
    /// `landscape w b` or `landscape w -1..3 b 0..4`: two scalar parameters, each with an
    /// optional window of values.
    private func landscape(_ words: ArraySlice<(String, Int)>, of model: Model, line: Int, column: Int) throws(LessonError) -> Slide.LandscapeRequest {
        var axes: [(name: String, window: ClosedRange<Double>?)] = []
        for (word, wordColumn) in words {
            let ends = word.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
            if ends.count == 2, !axes.isEmpty, axes[axes.count - 1].window == nil {
                guard let low = Double(ends[0]), let high = Double(ends[1]), low.isFinite, high.isFinite, low < high else {
                    throw error("a window is written LOW..HIGH with LOW < HIGH, as in -1..3", line: line, column: wordColumn)
                }
                axes[axes.count - 1].window = low...high
                continue
            }
            let scalars = model.variables.filter { $0.role == .parameter && $0.value.shape == .scalar }.map(\.name)
            guard scalars.contains(word) else {
                throw error("\(word.quoted) is not a scalar parameter (known: \(scalars.joined(separator: ", ")))", line: line, column: wordColumn)
            }
            axes.append((word, nil))
        }
        guard axes.count == 2, axes[0].name != axes[1].name else {
            throw error("a landscape names two scalar parameters, as in 'landscape w b'", line: line, column: column)
        }
        return Slide.LandscapeRequest(x: axes[0].name, y: axes[1].name, xWindow: axes[0].window, yWindow: axes[1].window)
    }

    private func tableColumns(_ words: ArraySlice<(String, Int)>, of model: Model, line: Int) throws(LessonError) -> [IterationTable.Column] {
        let table = IterationTable(model: model)
        var columns: [IterationTable.Column] = []
        for (word, wordColumn) in words {
            guard let column = table.column(named: word) else {
                throw error("unknown table column \(word.quoted) (known: \(table.names.joined(separator: ", ")))", line: line, column: wordColumn)
            }
            guard !columns.contains(column) else { throw error("the column '\(word)' is named twice", line: line, column: wordColumn) }
            columns.append(column)
        }
        return columns
    }
}

/// A slide being read.
private struct SlideBuilder {
    let title: String
    var items: [Slide.Item] = []
    var steps: [Slide.StepChoice] = []
    var paragraph: [String] = []
    var note: [String] = []
    /// The slide's own model block, with its data set.
    var model: Model?
    /// The lines of the slide's own model block, as written.
    var modelSource: [String] = []
    /// The slide's own data block, as written.
    var data: LessonReader.DataBlock?

    /// The slide as read so far.
    var built: Slide { Slide(title: title, items: items, steps: steps, model: model, modelSource: modelSource) }

    /// Ends the paragraph or note being read and adds `item` after it.
    mutating func add(_ item: Slide.Item) {
        endParagraph()
        items.append(item)
    }

    mutating func addProse(_ text: String) {
        flushNote()
        paragraph.append(text)
    }

    mutating func addNote(_ text: String) {
        flushParagraph()
        note.append(text)
    }

    mutating func endParagraph() {
        flushParagraph()
        flushNote()
    }

    private mutating func flushParagraph() {
        if !paragraph.isEmpty { items.append(.paragraph(paragraph.joined(separator: " "))) }
        paragraph = []
    }

    private mutating func flushNote() {
        if !note.isEmpty { items.append(.note(note.joined(separator: " "))) }
        note = []
    }
}

extension String {
    /// The lines, split at every LF and CR LF (which Swift reads as one character).
    var lines: [Substring] {
        split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// The words separated by spaces, each with its 1-based column when the text starts at `column`;
    /// a `standalone` character is a word of its own wherever it stands.
    func wordsWithColumns(from column: Int, standalone: Character? = nil) -> [(String, Int)] {
        var words: [(String, Int)] = []
        var current = "", start = column
        for (offset, character) in enumerated() {
            if character == standalone {
                if !current.isEmpty { words.append((current, start)) }
                words.append((String(character), column + offset))
                current = ""
            } else if character == " " || character == "\t" {
                if !current.isEmpty { words.append((current, start)) }
                current = ""
            } else {
                if current.isEmpty { start = column + offset }
                current.append(character)
            }
        }
        if !current.isEmpty { words.append((current, start)) }
        return words
    }
}
