import BackpropEngine

/// True when `a` and `b` hold as many iterations, with the same names in each and every value,
/// gradient and update equal to within `tolerance`.
public func areClose(_ a: [Trace], _ b: [Trace], within tolerance: Double = 1e-12) -> Bool {
    func close(_ x: [String: Tensor], _ y: [String: Tensor]) -> Bool {
        x.keys.sorted() == y.keys.sorted() && x.allSatisfy { name, value in
            guard let other = y[name], other.shape == value.shape else { return false }
            return zip(value.scalars, other.scalars).allSatisfy { abs($0 - $1) < tolerance }
        }
    }
    return a.count == b.count && zip(a, b).allSatisfy { close($0.values, $1.values) && close($0.gradients, $1.gradients) && close($0.updated, $1.updated) }
}
