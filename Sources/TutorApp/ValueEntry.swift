import BackpropEngine

/// One number the learner can tweak: η, one entry of a starting value (`w`, `x₂`, `W₁₂`), or a
/// number of a data set's row (`x₁ row 2`).
public struct ValueEntry: Equatable, Sendable {
    /// The declared value.
    public let name: String
    /// The entry's 0-based position, row by row, in a vector or matrix; nil for a scalar.
    public let entry: Int?
    /// For a number of a data set, its row, 0-based; nil for a starting value.
    public let row: Int?

    /// The entry `entry` of `name`, or its number in row `row` of the data set.
    init(name: String, entry: Int?, row: Int? = nil) {
        (self.name, self.entry, self.row) = (name, entry, row)
    }

    /// The learning rate first, then every entry of every other declared value in the model's
    /// order but those a data set gives, then the data set's numbers row by row.
    static func entries(of model: Model) -> [ValueEntry] {
        let columns = Set(model.data?.columns ?? [])
        let rateFirst = model.variables.filter { $0.role == .rate } + model.variables.filter { $0.role != .rate }
        let declared = rateFirst.flatMap { variable in
            variable.value.shape == .scalar
                ? [ValueEntry(name: variable.name, entry: nil)]
                : variable.value.scalars.indices.map { ValueEntry(name: variable.name, entry: $0) }
        }.filter { !columns.contains(DataSet.Column(name: $0.name, entry: $0.entry)) }
        let data = (model.data?.rows.indices).map { rows in
            rows.flatMap { row in (model.data?.columns ?? []).map { ValueEntry(name: $0.name, entry: $0.entry, row: row) } }
        } ?? []
        return declared + data
    }

    /// How the panel names it: `η`, `w`, `x₂`, `W₁₂`, `x₁ row 2`.
    func label(_ notation: Notation, in model: Model) -> String {
        let name = notation.name(self.name)
        if let row { return notation.column(DataSet.Column(name: self.name, entry: entry)) + " row \(row + 1)" }
        guard let entry, let shape = model.variable(self.name)?.value.shape else { return name }
        if case .matrix(_, let columns) = shape {
            return name + notation.subscripted("\(entry / columns + 1)\(notation.unicode ? "" : ",")\(entry % columns + 1)")
        }
        return name + notation.subscripted("\(entry + 1)")
    }

    /// Its value in `model`.
    func value(in model: Model) -> Double {
        if let row {
            guard let data = model.data, let column = self.column(in: data), data.rows.indices.contains(row) else { return .nan }
            return data.rows[row][column]
        }
        return model.variable(name)?.value.scalars[entry ?? 0] ?? .nan
    }

    /// `model` with this entry set to `value`.
    func setting(_ value: Double, in model: Model) -> Model {
        if let row {
            guard let data = model.data, let column = self.column(in: data) else { return model }
            return model.setting(data: data.setting(row: row, column: column, to: value))
        }
        guard let variable = model.variable(name) else { return model }
        var scalars = variable.value.scalars
        scalars[entry ?? 0] = value
        return (try? model.setting(name, to: Tensor(shape: variable.value.shape, scalars: scalars))) ?? model
    }

    /// The position of this number's column among `data`'s columns.
    private func column(in data: DataSet) -> Int? {
        data.columns.firstIndex(of: DataSet.Column(name: name, entry: entry))
    }
}
