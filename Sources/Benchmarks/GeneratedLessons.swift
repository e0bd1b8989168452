/// Lesson files written by the benchmark: models too big to ship, and inputs that stress the
/// loader and the renderer.
enum GeneratedLessons {
    /// The `wider` network at `size` inputs, hidden units and classes: W and V are `size`×`size`;
    /// one slide, the iteration table.
    static func wide(_ size: Int) -> String {
        var seed = 0
        /// Small deterministic values in [-0.09, 0.09].
        func next() -> String {
            seed += 1
            return "\(Double((seed * 37) % 19 - 9) / 100)"
        }
        func vector() -> String { "[" + (0..<size).map { _ in next() }.joined(separator: ", ") + "]" }
        func matrix() -> String { "[" + (0..<size).map { _ in vector() }.joined(separator: ", ") + "]" }
        let target = "[" + (0..<size).map { $0 == 0 ? "1" : "0" }.joined(separator: ", ") + "]"
        return """
            # A \(size)×\(size) model

            The `wider` network with \(size) inputs, \(size) hidden units and \(size) classes.

            ```model
            input x = \(vector())
            target y = \(target)
            param W = \(matrix())
            param b = \(vector())
            param V = \(matrix())
            rate eta = 0.5

            h = W @ x + b
            q = sigmoid(h)
            o = V @ q
            p = softmax(o)
            loss L = crossentropy(p, y)
            ```

            ## Training

            show: table

            """
    }

    /// `h = w*w*…*w` with `factors` factors, its trace on the one slide.
    static func product(_ factors: Int) -> String {
        model(
            title: "A product of \(factors) factors",
            statements: ["param w = 1", "rate eta = 0.0001", "h = " + Array(repeating: "w", count: factors).joined(separator: "*"), "loss L = h"])
    }

    /// `loss L = W[1,1] + W[1,2] + … + W[size,size]` over a `size`×`size` W, its trace on the one slide.
    static func indexedSum(_ size: Int) -> String {
        let row = "[" + Array(repeating: "0.01", count: size).joined(separator: ", ") + "]"
        let terms = (1...size).flatMap { i in (1...size).map { j in "W[\(i),\(j)]" } }
        return model(
            title: "A sum of \(size * size) indexed terms",
            statements: ["param W = [" + Array(repeating: row, count: size).joined(separator: ", ") + "]", "rate eta = 0.1", "loss L = " + terms.joined(separator: " + ")])
    }

    /// One slide holding a formulas block of `lines` lines.
    static func longBlock(_ lines: Int) -> String {
        "# A block of \(lines) lines\n\n## The block\n\n```formulas\n" + (1...lines).map { "x\($0) = \($0)\n" }.joined() + "```\n"
    }

    /// One slide whose prose is a single word of `characters` characters.
    static func longWord(_ characters: Int) -> String {
        "# A word of \(characters) characters\n\n## The word\n\n" + String(repeating: "abcdefghij", count: characters / 10) + "\n"
    }

    /// A lesson with a model of `statements` and one slide showing its trace.
    private static func model(title: String, statements: [String]) -> String {
        "# \(title)\n\n```model\n" + statements.joined(separator: "\n") + "\n```\n\n## The trace\n\nshow: trace\n"
    }
}
