/// Text for a terminal whose locale is not UTF-8.
extension String {
    /// The text with its Unicode math spelt in ASCII, for terminals without UTF-8: `∂L/∂w` as
    /// `dL/dw`, η as `eta`; what has no spelling is left for the screen's last pass.
    public var asciiMath: String {
        let table: [Character: String] = [
            "∂": "d", "·": "*", "−": "-", "←": "<-", "→": "->", "η": "eta", "σ": "sigma", "⊙": ".*", "ᵀ": "^T", "Σ": "sum",
            "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "ᵢ": "i", "ⱼ": "j", "²": "^2", "³": "^3", "′": "'", "≈": "~", "ε": "eps",
            "×": "x", "½": "1/2", "≥": ">=", "≤": "<=", "…": "...", "“": "\"", "”": "\"", "’": "'", "‘": "'", "–": "-", "—": "-", "⃗": "",
        ]
        return String(flatMap { table[$0] ?? String($0) })
    }

    /// The text in plain ASCII, as `print --ascii` writes it: its Unicode math spelt out, any
    /// other character outside ASCII as `?`.
    public var plainASCII: String {
        String(asciiMath.map { $0.isASCII ? $0 : "?" })
    }
}
