import BackpropEngine

/// One number the learner can tweak: η, or one entry of a starting value (`w`, `x₂`, `W₁₂`).
public struct ValueEntry: Equatable, Sendable {
    /// The declared value.
    public let name: String
    /// The entry's 0-based position, row by row, in a vector or matrix; nil for a scalar.
    public let entry: Int?

    /// The learning rate first, then every entry of every other declared value in the model's order.
    static func entries(of model: Model) -> [ValueEntry] {
        let rateFirst = model.variables.filter { $0.role == .rate } + model.variables.filter { $0.role != .rate }
        return rateFirst.flatMap { variable in
            variable.value.shape == .scalar
                ? [ValueEntry(name: variable.name, entry: nil)]
                : variable.value.scalars.indices.map { ValueEntry(name: variable.name, entry: $0) }
        }
    }

    /// How the panel names it: `η`, `w`, `x₂`, `W₁₂`.
    func label(_ notation: Notation, in model: Model) -> String {
        let name = notation.name(self.name)
        guard let entry, let shape = model.variable(self.name)?.value.shape else { return name }
        if case .matrix(_, let columns) = shape {
            return name + notation.subscripted("\(entry / columns + 1)\(notation.unicode ? "" : ",")\(entry % columns + 1)")
        }
        return name + notation.subscripted("\(entry + 1)")
    }

    /// Its value in `model`.
    func value(in model: Model) -> Double {
        model.variable(name)?.value.scalars[entry ?? 0] ?? .nan
    }

    /// `model` with this entry set to `value`.
    func setting(_ value: Double, in model: Model) -> Model {
        guard let variable = model.variable(name) else { return model }
        var scalars = variable.value.scalars
        scalars[entry ?? 0] = value
        return (try? model.setting(name, to: Tensor(shape: variable.value.shape, scalars: scalars))) ?? model
    }
}
