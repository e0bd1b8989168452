import BackpropEngine

/// A lesson: slides in order, and the model its computing slides refer to. A lesson built into
/// the binary reads its slides and model the first time they are asked for, so that a start reads
/// only the lesson it shows.
public struct Lesson: Sendable {
    /// The id used on the command line, e.g. `linear`.
    public let id: String
    /// The title, from the first line.
    public let title: String
    /// The one-paragraph summary between the title and the first slide, shown in the lesson menu.
    public let summary: String
    /// Where the lesson came from, as errors name it.
    public let file: String
    /// How many slides the lesson has: the length of `slides`, known without reading them.
    public let slideCount: Int
    /// A hash of the file's text (64-bit FNV-1a), the same in every run: saved progress made
    /// with another text of the lesson is checked before it is used.
    public let contentHash: UInt64
    /// The slides and the model, read or still to be read.
    private let content: LessonContent

    /// The network the slides compute with, if the lesson has one: the model block before the
    /// first slide. A slide may carry its own, which replaces it from that slide on.
    public var model: Model? { content.parsed.model }
    /// The lines of the model block as the file writes them, comments and blank lines kept;
    /// empty without a model.
    public var modelSource: [String] { content.parsed.modelSource }
    /// The slides, in order.
    public var slides: [Slide] { content.parsed.slides }

    /// The lesson `id` from `file`, its header read and its `content` read or to be read.
    init(id: String, file: String, header: LessonHeader, contentHash: UInt64, content: LessonContent) {
        self.id = id
        self.file = file
        self.contentHash = contentHash
        self.content = content
        title = header.title
        summary = header.summary
        slideCount = header.slideCount
    }

    /// The slide from which the model of slide `index` is in force: the last slide up to it
    /// that carries a model block; nil when the lesson's own model is.
    public func modelSlide(of index: Int) -> Int? {
        let slides = self.slides
        return slides.indices.prefix(through: min(index, slides.count - 1)).last { slides[$0].model != nil }
    }

    /// The model slide `index` computes with: the one its model slide carries, or the lesson's.
    public func model(at index: Int) -> Model? {
        let content = content.parsed
        return modelSlide(of: index).flatMap { content.slides[$0].model } ?? content.model
    }

    /// The lines of the model block slide `index` computes with, as the file writes them.
    public func modelSource(at index: Int) -> [String] {
        let content = content.parsed
        return modelSlide(of: index).map { content.slides[$0].modelSource } ?? content.modelSource
    }
}

/// One slide: its title and its items, in the order the lesson file gives them.
public struct Slide: Sendable {
    /// A piece of a slide: text, or something the tutor computes and shows.
    public indirect enum Item: Sendable, Equatable {
        /// A paragraph, its lines joined.
        case paragraph(String)
        /// A bullet point.
        case bullet(String)
        /// A highlighted note (where the deck differs).
        case note(String)
        /// Formula lines, in Unicode math.
        case formulas([String])
        /// The computation graph with values and gradients.
        case graph
        /// The step-by-step trace of one iteration.
        case trace
        /// The iteration table and the loss curve, keeping in view the columns named (none: the
        /// loss and the parameters).
        case table([IterationTable.Column])
        /// ∂output/∂input with numbers.
        case jacobian(JacobianRequest)
        /// The loss over two scalar parameters, with the descent path on it.
        case landscape(LandscapeRequest)
        /// The data set's rows, each with the value of a node (`p`) next to its targets.
        case rows(String)
        /// A node (or one entry of it) over the plane of the data set's two inputs, the rows
        /// marked by their class.
        case decision(DecisionRequest)
        /// A question the learner answers with a formula.
        case question(Question)
        /// Items side by side when each has room, one above the other otherwise.
        case beside([Item])

        /// True for an item that shows what the engine computes.
        public var computes: Bool {
            switch self {
            case .paragraph, .bullet, .note, .formulas: false
            case .graph, .trace, .table, .jacobian, .landscape, .rows, .decision, .question: true
            case .beside(let items): items.contains(where: \.computes)
            }
        }

        /// True for the iteration table.
        public var isTable: Bool {
            if case .table = self { return true }
            return false
        }

        /// True for the trace.
        public var isTrace: Bool {
            if case .trace = self { return true }
            return false
        }
    }

    /// The loss as a map over two scalar parameters, each over a window of values.
    public struct LandscapeRequest: Sendable, Hashable {
        /// The parameter across.
        public let x: String
        /// The parameter up.
        public let y: String
        /// The values of `x` shown; nil: 3 either side of its starting value.
        public let xWindow: ClosedRange<Double>?
        /// The values of `y` shown; nil: 3 either side of its starting value.
        public let yWindow: ClosedRange<Double>?
    }

    /// A node's value over the plane of the data set's two inputs: a decision map.
    public struct DecisionRequest: Sendable, Hashable {
        /// The node mapped.
        public let output: String
        /// Its entry mapped, 0-based, for a vector node; nil for a scalar.
        public let entry: Int?
    }

    /// ∂output/∂input, shown with numbers.
    public struct JacobianRequest: Sendable, Equatable {
        /// The node differentiated.
        public let output: String
        /// The node it is differentiated by.
        public let input: String
    }

    /// A question whose typed answer is checked by evaluating it against the engine.
    public struct Question: Sendable, Equatable {
        /// What is asked.
        public let text: String
        /// The expected answer.
        public let answer: Expr
    }

    /// Which steps of the iteration a slide's trace steps through (`steps: L..q`, `steps: update`).
    public enum StepChoice: Sendable, Equatable {
        /// Every step of a pass.
        case pass(Trace.Pass)
        /// The backward step of one node.
        case gradient(String)
        /// The backward steps from one node down to another, in backward order.
        case gradients(from: String, to: String)
    }

    /// The title.
    public let title: String
    /// The items, top to bottom.
    public let items: [Item]
    /// The steps the slide's trace steps through, in the trace's order; empty for all of them.
    public let steps: [StepChoice]
    /// The model block the slide carries, if any: it replaces the lesson's from this slide on.
    public let model: Model?
    /// The lines of the slide's model block as the file writes them; empty without one.
    public let modelSource: [String]

    /// A slide called `title` showing `items`, its trace stepping through the `steps` chosen,
    /// carrying `model`, written as `modelSource`, if it has a model block.
    init(title: String, items: [Item], steps: [StepChoice] = [], model: Model? = nil, modelSource: [String] = []) {
        self.title = title
        self.items = items
        self.steps = steps
        self.model = model
        self.modelSource = modelSource
    }

    /// Every item, those side by side included, in order.
    public var allItems: [Item] {
        items.flatMap { item -> [Item] in
            if case .beside(let row) = item { return row }
            return [item]
        }
    }

    /// The Jacobians the slide shows.
    public var jacobians: [JacobianRequest] {
        allItems.compactMap { if case .jacobian(let request) = $0 { request } else { nil } }
    }

    /// The loss landscapes the slide shows.
    public var landscapes: [LandscapeRequest] {
        allItems.compactMap { if case .landscape(let request) = $0 { request } else { nil } }
    }

    /// The decision maps the slide shows.
    public var decisions: [DecisionRequest] {
        allItems.compactMap { if case .decision(let request) = $0 { request } else { nil } }
    }

    /// The nodes whose value the slide shows for every row of the data set.
    public var rowNodes: [String] {
        allItems.compactMap { if case .rows(let node) = $0 { node } else { nil } }
    }

    /// The question the slide asks, if any.
    public var question: Question? {
        allItems.lazy.compactMap { if case .question(let question) = $0 { question } else { nil } }.first
    }

    /// True when the slide steps through the trace.
    public var stepsTrace: Bool { allItems.contains(where: \.isTrace) }

    /// The steps of `trace` the slide steps through, in order: all of them unless the slide
    /// chooses some. `order` is the model's backward order, which ranges of gradients follow.
    public func chosen(_ steps: [Trace.Step], backwardOrder order: [String]) -> [Trace.Step] {
        guard !self.steps.isEmpty else { return steps }
        return steps.filter { step in
            self.steps.contains { choice in
                switch (choice, step) {
                case (.pass(let pass), _): return step.pass == pass
                case (.gradient(let node), .backward(let backward)): return backward.node == node
                case (.gradients(let first, let last), .backward(let backward)):
                    guard let from = order.firstIndex(of: first), let to = order.firstIndex(of: last),
                          let at = order.firstIndex(of: backward.node) else { return false }
                    return (min(from, to)...max(from, to)).contains(at)
                default: return false
                }
            }
        }
    }
}

/// A mistake in a lesson file: `file:line:col: message`.
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file.
    public let file: String
    /// 1-based line.
    public let line: Int
    /// 1-based column.
    public let column: Int
    /// What is wrong.
    public let message: String

    /// A mistake in `file` at `line`, `column`.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:col: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
