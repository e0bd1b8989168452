import BackpropEngine

/// The values and gradients some formulas read, by name: found once, then looked up in each
/// iteration's numbers.
struct NamesRead {
    let values: [String]
    let gradients: [String]

    /// The names `expressions` read.
    init(_ expressions: [Expr]) {
        var values: Set<String> = [], gradients: Set<String> = []
        for expression in expressions {
            expression.visit { part in
                switch part.kind {
                case .name(let name): values.insert(name)
                case .gradient(let name): gradients.insert(name)
                default: break
                }
            }
        }
        (self.values, self.gradients) = (Array(values), Array(gradients))
    }
}

extension IterationNumbers {
    /// This iteration's numbers of the values and gradients `read` names: formulas reading no
    /// others evaluate to what they give with every value and gradient of the iteration bound.
    func bindings(_ read: NamesRead) -> Bindings {
        var values: [String: Tensor] = [:], gradients: [String: Tensor] = [:]
        for name in read.values { values[name] = value(of: name) }
        for name in read.gradients { gradients[name] = gradient(of: name) }
        return Bindings(values: values, gradients: gradients)
    }
}
