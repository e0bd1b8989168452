import BackpropEngine

/// A model every single-expression input is also checked against, names and gradients included.
let model = try! Model(parsing: """
    input x = [1, 2]
    target y = [1, 0]
    param W = [[0.1, 0.2], [-0.3, 0.4]]
    param b = [0, 0.1]
    rate eta = 0.5
    h = W @ x + b
    q = sigmoid(h)
    p = softmax(q)
    loss L = crossentropy(p, y)
    """)

/// The equation parser and checker on any text: the text as a whole model (its gradients derived,
/// one forward and backward pass run), and as one expression over the model above.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEquation(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let parsed = try? Model(parsing: text) {
        _ = try? parsed.trace()
    }
    if let expression = try? Expr(parsing: text) {
        _ = try? model.shape(of: expression, fallback: SourceLocation(line: 1, column: 1))
    }
    _ = try? model.expression(parsing: text, gradients: true)
    return 0
}
