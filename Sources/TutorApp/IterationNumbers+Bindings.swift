import BackpropEngine

extension IterationNumbers {
    /// The values and gradients `expressions` read, from this iteration's numbers: what they
    /// evaluate to is what they give with every value and gradient of the iteration bound.
    func bindings(reading expressions: [Expr]) -> Bindings {
        var values: [String: Tensor] = [:], gradients: [String: Tensor] = [:]
        for expression in expressions {
            expression.visit { part in
                switch part.kind {
                case .name(let name) where values[name] == nil: values[name] = value(of: name)
                case .gradient(let name) where gradients[name] == nil: gradients[name] = gradient(of: name)
                default: break
                }
            }
        }
        return Bindings(values: values, gradients: gradients)
    }
}
