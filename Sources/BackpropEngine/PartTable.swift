/// Something remembered for each part of an expression, by the part's identity: what lets a walk
/// over expressions that share parts visit each part once. The table holds the parts it
/// remembers, so that no identity is freed and reused while it is kept.
struct PartTable<Value> {
    private var entries: [ObjectIdentifier: (part: Expr, value: Value)] = [:]

    /// What is remembered for `part`.
    subscript(part: Expr) -> Value? {
        get { entries[part.identity]?.value }
        set { entries[part.identity] = newValue.map { (part, $0) } }
    }
}

/// The shapes of parts already worked out, shared by the walks of one derivation.
final class KnownShapes {
    var table = PartTable<Shape>()
}
