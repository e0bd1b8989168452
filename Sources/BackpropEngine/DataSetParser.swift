extension DataSet {
    /// Reads a data set for `model` written one line each, `#` starting a comment: first a
    /// header naming the inputs, `|`, then the targets (`x[1] x[2] | y`), then one row per line
    /// with as many numbers on each side of its `|` (`0 1 | 1`). A column is a scalar input or
    /// target (`y`) or an entry of a vector (`x[1]`, 1-based). Errors carry the line (counted
    /// from `firstLine`) and column. `batch` is how many rows an iteration trains on (nil: all).
    public init(parsing lines: [String], firstLine: Int, batch: Int?, for model: Model) throws(EquationError) {
        var header: (inputs: [Column], targets: [Column])?
        var rows: [[Double]] = []
        for (offset, line) in lines.enumerated() {
            let number = firstLine + offset
            let fields = DataSet.fields(of: line)
            guard !fields.isEmpty else { continue }
            guard let columns = header else {
                header = try DataSet.header(fields, line: number, of: model)
                continue
            }
            rows.append(try DataSet.row(fields, line: number, end: line.count + 1, columns: columns))
        }
        guard let header else {
            throw EquationError("the data block starts with a header, the inputs, '|', then the targets: 'x[1] x[2] | y'", at: SourceLocation(line: firstLine - 1, column: 4))
        }
        guard !rows.isEmpty else {
            throw EquationError("the data set has no rows: add one per line under the header, as in '0 1 | 1'", at: SourceLocation(line: firstLine - 1, column: 4))
        }
        self.init(inputs: header.inputs, targets: header.targets, rows: rows, batch: batch)
    }

    /// The same data set for `model`, when its columns name inputs and targets `model` has, of
    /// the same shapes: read again from its header and rows as a data block writes them.
    public func fitted(to model: Model) -> DataSet? {
        let header = (inputs.map(\.written) + ["|"] + targets.map(\.written)).joined(separator: " ")
        let lines = rows.map { row in
            (row.prefix(inputs.count).map { "\($0)" } + ["|"] + row.dropFirst(inputs.count).map { "\($0)" }).joined(separator: " ")
        }
        return try? DataSet(parsing: [header] + lines, firstLine: 1, batch: batch, for: model)
    }

    /// The words of a line up to its comment, `|` a word of its own, each with its 1-based column.
    private static func fields(of line: String) -> [(text: String, column: Int)] {
        var fields: [(text: String, column: Int)] = []
        var current = "", start = 1
        for (offset, character) in line.prefix(while: { $0 != "#" }).enumerated() {
            if character == " " || character == "\t" || character == "|" {
                if !current.isEmpty { fields.append((current, start)) }
                if character == "|" { fields.append(("|", offset + 1)) }
                current = ""
            } else {
                if current.isEmpty { start = offset + 1 }
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append((current, start)) }
        return fields
    }

    /// The columns a header names, checked against `model`.
    private static func header(
        _ fields: [(text: String, column: Int)], line: Int, of model: Model
    ) throws(EquationError) -> (inputs: [Column], targets: [Column]) {
        let bars = fields.filter { $0.text == "|" }
        guard bars.count == 1, let bar = fields.firstIndex(where: { $0.text == "|" }), bar > 0, bar < fields.count - 1 else {
            let at = bars.count > 1 ? bars[1].column : fields.last.map { $0.column + $0.text.count } ?? 1
            throw EquationError("the header names the inputs, '|', then the targets, as in 'x[1] x[2] | y'", at: SourceLocation(line: line, column: at))
        }
        var seen = Set<Column>()
        var sides: [[Column]] = [[], []]
        for (index, field) in fields.enumerated() where index != bar {
            let role: Model.Role = index < bar ? .input : .target
            let column = try self.column(field.text, role: role, of: model, at: SourceLocation(line: line, column: field.column))
            guard seen.insert(column).inserted else {
                throw EquationError("\(field.text.quoted) is named twice", at: SourceLocation(line: line, column: field.column))
            }
            sides[index < bar ? 0 : 1].append(column)
        }
        return (sides[0], sides[1])
    }

    /// The column `text` names, `name` or `name[entry]`, which must be a scalar `role` of
    /// `model` or an entry of a vector one.
    private static func column(_ text: String, role: Model.Role, of model: Model, at location: SourceLocation) throws(EquationError) -> Column {
        let name = String(text.prefix { $0 != "[" })
        let bracket = text.dropFirst(name.count)
        var entry: Int?
        if !bracket.isEmpty {
            guard bracket.hasPrefix("["), bracket.hasSuffix("]"), let index = Int(bracket.dropFirst().dropLast()) else {
                throw EquationError("a column is a name or an entry of a vector, as in 'x' or 'x[1]'", at: location)
            }
            entry = index
        }
        let side = role == .input ? "inputs" : "targets"
        let known = model.variables.filter { $0.role == role }.map(\.name)
        guard let variable = model.variable(name), variable.role == role else {
            let message = switch model.variable(name)?.role {
            case .input?: "\(name.quoted) is an input: it goes before '|'"
            case .target?: "\(name.quoted) is a target: it goes after '|'"
            case .parameter?: "\(name.quoted) is a parameter: a data set gives inputs and targets"
            case .rate?: "\(name.quoted) is the learning rate: a data set gives inputs and targets"
            case nil: "unknown \(role == .input ? "input" : "target") \(name.quoted) (\(side): \(known.joined(separator: ", ")))"
            }
            throw EquationError(message, at: location)
        }
        switch (variable.value.shape, entry) {
        case (.scalar, nil):
            return Column(name: name)
        case (.scalar, .some):
            throw EquationError("'\(name)' is a scalar: name it '\(name)'", at: location)
        case (.vector(let count), nil):
            let entries = (1...count).map { "\(name)[\($0)]" }.joined(separator: " ")
            throw EquationError("'\(name)' is a \(variable.value.shape): name its entries, \(entries)", at: location)
        case (.vector(let count), let index?):
            guard (1...count).contains(index) else {
                throw EquationError("'\(name)' has \(count) entries: \(text.quoted) is not one of them", at: location)
            }
            return Column(name: name, entry: index - 1)
        case (.matrix, _):
            throw EquationError("'\(name)' is a \(variable.value.shape); a data set gives scalars and entries of vectors", at: location)
        }
    }

    /// The numbers of a row: as many as the header names on each side of its `|`.
    private static func row(
        _ fields: [(text: String, column: Int)], line: Int, end: Int, columns: (inputs: [Column], targets: [Column])
    ) throws(EquationError) -> [Double] {
        let example = "as in '" + (columns.inputs.map { _ in "0" } + ["|"] + columns.targets.map { _ in "1" }).joined(separator: " ") + "'"
        let bars = fields.indices.filter { fields[$0].text == "|" }
        guard bars.count == 1, let bar = bars.first else {
            let at = bars.count > 1 ? fields[bars[1]].column : end
            throw EquationError("a row is the inputs' numbers, '|', then the targets' numbers, \(example)", at: SourceLocation(line: line, column: at))
        }
        let sides = [(Array(fields[..<bar]), columns.inputs.count, "input", fields[bar].column),
                     (Array(fields[(bar + 1)...]), columns.targets.count, "target", end)]
        var numbers: [Double] = []
        for (side, count, kind, after) in sides {
            guard side.count == count else {
                let at = side.count > count ? side[count].column : after
                throw EquationError(
                    "the header names \(count) \(kind)\(count == 1 ? "" : "s"), this row gives \(side.count), \(example)", at: SourceLocation(line: line, column: at)
                )
            }
            for field in side {
                guard let number = Double(field.text), number.isFinite else {
                    throw EquationError("\(field.text.quoted) is not a number", at: SourceLocation(line: line, column: field.column))
                }
                numbers.append(number)
            }
        }
        return numbers
    }
}
