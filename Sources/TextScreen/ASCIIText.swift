/// Text for a terminal whose locale is not UTF-8.
extension String {
    /// The text with its Unicode math spelt in ASCII, for terminals without UTF-8: `∂L/∂w` as
    /// `dL/dw`, η as `eta`; what has no spelling is left for the screen's last pass.
    public var asciiMath: String {
        guard !utf8.allSatisfy({ $0 < 0x80 }) else { return self }
        return String(flatMap { String.asciiSpellings[$0] ?? String($0) })
    }

    /// The text in plain ASCII, as `print --ascii` writes it: its Unicode math spelt out, any
    /// other character outside ASCII as `?`.
    public var plainASCII: String {
        guard !utf8.allSatisfy({ $0 < 0x80 }) else { return self }
        return String(asciiMath.map { $0.isASCII ? $0 : "?" })
    }

    /// How `asciiMath` spells each character of Unicode math it knows.
    private static let asciiSpellings: [Character: String] = [
        "∂": "d", "·": "*", "−": "-", "←": "<-", "→": "->", "η": "eta", "σ": "sigma", "⊙": ".*", "ᵀ": "^T", "Σ": "sum",
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "ᵢ": "i", "ⱼ": "j", "²": "^2", "³": "^3", "′": "'", "≈": "~", "ε": "eps",
        "×": "x", "½": "1/2", "≥": ">=", "≤": "<=", "…": "...", "“": "\"", "”": "\"", "’": "'", "‘": "'", "–": "-", "—": "-", "⃗": "",
    ]
}
