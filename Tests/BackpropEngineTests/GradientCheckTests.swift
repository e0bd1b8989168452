import Testing
@testable import BackpropEngine

/// Backpropagation must agree with central differences for every operation the language has.
@Suite struct GradientCheckTests {
    static let models: [String: String] = [
        "arithmetic": """
            input x = 0.7
            target y = -0.4
            param a = 1.3
            param c = -0.6
            eta = 0.1
            u = a*x - c/x + x^3 - a^c
            v = -u / (1 + a^2)
            loss L = (v - y)^2 + exp(a*c) + log(a*a + 0.5)
            """,
        "vectors": """
            input x = [0.5, -1.5]
            target t = [0, 1]
            param W = [[0.2, -0.3], [0.4, 0.1]]
            param V = [[0.5, -0.4], [-0.3, 0.2]]
            param b = [0.1, -0.2]
            param s = 0.8
            eta = 0.5
            h = W @ x + b*s
            q = sigmoid(h)
            o = V @ q + [q[2], s*q[1]]
            p = softmax(o)
            m = W @ V
            d = x @ W
            loss L = crossentropy(p, t) + 0.1*sum(m*m) + 0.01*(d @ d) + 0.5*sum(exp(-h))
            """,
        "scalars in a softmax": """
            input x = 2
            target y = 0.8
            param w = 0.25
            param v1 = 0.3
            param v2 = -0.2
            eta = 0.5
            q = sigmoid(w*x)
            p = softmax(v1*q, v2*q, q)
            loss L = -(y*log(p[1]) + (1 - y)*log(p[2])) + sum([[p[3], q], [w, x]])
            """,
        "softmax with cross-entropy, targets summing to 2.5": """
            param o = [0.3, -0.2, 0.5]
            target t = [2, 0.5, 0]
            eta = 1
            p = softmax(o)
            loss L = crossentropy(p, t)
            """,
        "softmax with cross-entropy, scalar logits and targets y, 1 - y": """
            input x = 2
            target y = 0.8
            param v1 = 0.3
            param v2 = -0.2
            eta = 0.5
            p = softmax(v1*x, v2*x)
            loss L = crossentropy(p, [y, 1 - y])
            """,
        "softmax inside cross-entropy, targets summing to 1 + y": """
            input x = [0.5, -1]
            target y = 0.3
            param V = [[0.5, -0.4], [-0.3, 0.2]]
            eta = 0.5
            loss L = crossentropy(softmax(V @ x), [2*y, 1 - y])
            """,
        "tanh": around("tanh(a)"),
        "relu": around("relu(a)"),
        "softplus": around("softplus(a)"),
        "abs": around("abs(a)"),
        "sqrt": around("sqrt(a)", a: "[0.09, 0.6, 1.7, 4.2]"),
        "max": around("max(a, b)"),
        "min": around("min(a, b)"),
        "max and min with a scalar": around("max(s, a) + min(b, s) + max(a, 0.1)"),
        "step and sign, flat on each side of 0": around("a*step(a) + b*sign(b)"),
        "the new operations nested": around("sqrt(softplus(W @ tanh(a)) + relu(b)) * abs(min(a, s))"),
    ]

    /// A model computing `call` of the vectors a and b, the scalar s and the matrix W at points on
    /// both sides of 0 and of each other, none at a kink; the loss weighs each entry of the result
    /// differently and squares it, so that every entry's gradient differs.
    static func around(_ call: String, a: String = "[-1.7, -0.3, 0.6, 2.4]") -> String {
        """
        param a = \(a)
        param b = [0.4, -0.9, 1.1, -0.2]
        param s = 0.25
        param W = [[0.5, -0.2, 0.1, 0.3], [-0.4, 0.6, 0.2, -0.1], [0.3, 0.3, -0.5, 0.2], [0.1, -0.6, 0.4, 0.5]]
        input c = [0.3, -1.2, 0.8, 1.5]
        eta = 0.1
        q = \(call)
        loss L = c @ q + 0.5*sum(q*q)
        """
    }

    @Test(arguments: models.keys.sorted())
    func backpropMatchesCentralDifferences(name: String) throws {
        let model = try Model(parsing: Self.models[name] ?? "")
        let checks = try model.gradientCheck()
        #expect(!checks.isEmpty)
        for check in checks {
            #expect(check.error < 1e-6, "\(name): \(check.node)[\(check.entry)] \(check.backprop) vs \(check.centralDifference)")
        }
    }

    @Test func jacobianOfAnAffineLayerIsTheWeightMatrixAndTheInputInTheRowOfEachOutput() throws {
        let model = try Model(parsing: """
            input x = [1, 2]
            param W = [[0.1, 0.2], [-0.3, 0.4]]
            param b = [0, 0.1]
            eta = 0.1
            h = W @ x + b
            loss L = sum(h)
            """)
        #expect(try model.jacobian(of: "h", by: "x").matrix == Tensor(rows: [[0.1, 0.2], [-0.3, 0.4]]))
        let byW = try model.jacobian(of: "h", by: "W")
        #expect(byW.rows == [Tensor(rows: [[1, 2], [0, 0]]), Tensor(rows: [[0, 0], [1, 2]])])
    }
}
