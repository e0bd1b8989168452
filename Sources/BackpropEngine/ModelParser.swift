extension Model {
    /// Reads a model written one statement a line, `#` starting a comment:
    /// `input NAME = VALUE`, `target NAME = VALUE`, `param NAME = VALUE`, exactly one
    /// `rate NAME = NUMBER` (`eta = NUMBER` is short for `rate eta = NUMBER`), `NAME = EXPR` and
    /// exactly one `loss NAME = EXPR`. An equation may use the declared values but the learning
    /// rate, and the equations above it. Errors carry the line (counted from `firstLine`) and column.
    /// A model is refused past `ExpressionLimits`: its statements, each expression, and all its
    /// parts, those of the gradients derived from it included.
    public init(parsing text: String, firstLine: Int = 1) throws(EquationError) {
        var variables: [Variable] = []
        var statements = 0, parts = 0
        var equations: [Equation] = []
        var rate: String?
        var loss: (String, SourceLocation)?
        var declared: [String: SourceLocation] = [:]

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, line in
            (text: String(line), start: SourceLocation(line: firstLine + offset, column: 1))
        }
        // Every name the model defines is in scope on every line: `e^a` means exp(a) only in a
        // model without its own `e`, and an equation reading a later one is told so below.
        let names = Set(lines.compactMap { line in
            var parser = try? Parser(line: line.text, start: line.start)
            return parser?.statementHead()?.name
        })
        for line in lines {
            var parser = try Parser(line: line.text, start: line.start, names: names)
            if parser.current.kind == .end { continue }
            statements += 1
            guard statements <= ExpressionLimits.statements else {
                throw EquationError("a model has at most \(ExpressionLimits.statements) statements", at: line.start)
            }
            guard let (keyword, name, location) = parser.statementHead() else {
                throw EquationError("a line starts with a name: 'input', 'target', 'param', 'rate', 'loss' or the node it defines", at: parser.current.location)
            }
            try parser.expect("=")
            let expression = try parser.expression()
            try parser.expectEnd()
            parts += parser.parts
            guard parts <= ExpressionLimits.modelParts else {
                throw EquationError("the model has more than \(ExpressionLimits.modelParts) parts (names and operations)", at: location)
            }

            if keyword == Role.rate.rawValue {
                if let rate { throw EquationError("the learning rate is already '\(rate)'; a model has one learning rate", at: location) }
                rate = name
            }
            if let earlier = declared[name] {
                throw EquationError("'\(name)' is already defined at line \(earlier.line)", at: location)
            }
            declared[name] = location
            if let keyword, let role = Role(rawValue: keyword) {
                let value = try Model.constant(expression, at: location)
                if role == .rate, value.shape != .scalar {
                    throw EquationError("the learning rate is a number, not a \(value.shape)", at: location)
                }
                variables.append(Variable(name: name, role: role, value: value))
            } else {
                if keyword == "loss" {
                    if let (other, _) = loss { throw EquationError("the loss is already '\(other)'; a model has one loss", at: location) }
                    loss = (name, location)
                }
                equations.append(Equation(name: name, expression: expression, location: location))
            }
        }
        let end = SourceLocation(line: firstLine, column: 1)
        guard let rate else { throw EquationError("the model sets no learning rate: add a line 'rate eta = 0.1'", at: end) }
        guard let (lossName, lossLocation) = loss else { throw EquationError("the model has no loss: mark one equation with 'loss', as in 'loss L = ...'", at: end) }

        var shapes = Dictionary(uniqueKeysWithValues: variables.map { ($0.name, $0.value.shape) })
        for equation in equations {
            for use in Model.uses(in: equation.expression) {
                if use.name == rate {
                    throw EquationError("the learning rate '\(rate)' is not part of the network; only the update reads it", at: use.location ?? equation.location)
                }
                guard shapes[use.name] == nil else { continue }
                let message = declared[use.name] == nil ? "unknown name \(use.name.quoted)" + ShapeChecker.entryHint(for: use.name, shapes) : "'\(use.name)' is used before its equation"
                throw EquationError(message, at: use.location ?? equation.location)
            }
            shapes[equation.name] = try ShapeChecker(shapes: shapes).shape(of: equation.expression, fallback: equation.location)
        }
        guard shapes[lossName] == .scalar else {
            throw EquationError("the loss must be a scalar, but '\(lossName)' is a \(shapes[lossName] ?? .scalar)", at: lossLocation)
        }
        self.variables = variables
        self.equations = equations
        self.rate = rate
        self.loss = lossName
        self.shapes = shapes
        self.plan = try BackwardPlan(
            variables: variables, equations: equations, loss: lossName, shapes: shapes, parts: ExpressionLimits.modelParts - parts
        )
    }

    /// The value of a constant expression (a starting value or the learning rate), every entry finite.
    static func constant(_ expression: Expr, at location: SourceLocation) throws(EquationError) -> Tensor {
        if let use = uses(in: expression).first {
            throw EquationError("a value is a number, vector or matrix, but it uses \(use.name.quoted)", at: use.location ?? location)
        }
        _ = try ShapeChecker(shapes: [:]).shape(of: expression, fallback: location)
        let value: Tensor
        do {
            value = try Evaluator(values: [:]).evaluate(expression)
        } catch {
            throw EquationError("\(error)", at: location)
        }
        guard value.isFinite else {
            throw EquationError("the value is not a finite number: it comes out as \(value.written { $0.isNaN ? "nan" : "\($0)" })", at: expression.location ?? location)
        }
        return value
    }

    /// Every name an expression reads, with where it is read.
    static func uses(in expression: Expr) -> [(name: String, location: SourceLocation?)] {
        var found: [(name: String, location: SourceLocation?)] = []
        expression.visit { if case .name(let name) = $0.kind { found.append((name, $0.location)) } }
        return found
    }
}

extension Parser {
    /// Reads what a statement of a model defines: `KEYWORD NAME` or `NAME`, `eta` alone being
    /// short for `rate eta`; nil when the line does not start with a name.
    mutating func statementHead() -> (keyword: String?, name: String, location: SourceLocation)? {
        guard let (name, location) = takeName() else { return nil }
        if ["input", "target", "param", "rate", "loss"].contains(name), let (declared, at) = takeName() {
            return (name, declared, at)
        }
        return (name == "eta" ? Model.Role.rate.rawValue : nil, name, location)
    }
}
