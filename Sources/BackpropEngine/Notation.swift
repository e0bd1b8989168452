/// How numbers, names and formulas are written: the one place where the engine's results become
/// text, for the terminal tutor and for `print` alike.
public struct Notation: Sendable, Equatable {
    /// Digits after the decimal point.
    public var precision: Int
    /// Unicode math (∂, η, σ, ·, −, subscripts) rather than plain ASCII.
    public var unicode: Bool
    /// The loss node, the L of ∂L/∂w.
    public var loss: String

    /// A notation with `precision` decimals for the loss `loss`.
    public init(loss: String = "L", precision: Int = 2, unicode: Bool = true) {
        self.loss = loss
        self.precision = precision
        self.unicode = unicode
    }

    /// The minus sign.
    public var minus: String { unicode ? "−" : "-" }

    /// A computed number with `precision` decimals, e.g. `−1.90`; NaN and ∞ spelt out.
    /// It rounds the shortest decimal that reads back as the value, half to even, as a person
    /// rounding 1.805 by hand writes 1.80.
    public func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return (value < 0 ? minus : "") + (unicode ? "∞" : "inf") }
        if abs(value) >= Notation.scientificFrom { return scientific(value) }
        if let units = Notation.units(value, decimals: precision) {
            return fixed(units, decimals: precision, kept: precision, negative: value < 0)
        }
        var (digits, point) = Notation.decimalDigits(abs(value))
        let kept = point + precision
        if kept < digits.count {
            let dropped = digits[max(0, kept)...]
            let lastKept = kept > 0 ? digits[kept - 1] : 0
            let roundsUp = kept >= 0 && (dropped.first ?? 0 > 5
                || (dropped.first == 5 && (dropped.dropFirst().contains { $0 != 0 } || lastKept % 2 == 1)))
            digits = Array(digits.prefix(max(0, kept)))
            if roundsUp {
                var index = digits.count - 1
                while index >= 0, digits[index] == 9 { digits[index] = 0; index -= 1 }
                if index >= 0 { digits[index] += 1 } else { digits.insert(1, at: 0); point += 1 }
            }
        }
        // The value times 10^precision as a whole number, padded to show every decimal.
        let whole = digits.prefix(max(0, point + precision)).map { UInt8(ascii: "0") + UInt8($0) }
            + Array(repeating: UInt8(ascii: "0"), count: max(0, point + precision - digits.count))
        return fixed(whole, decimals: precision, kept: precision, negative: value < 0)
    }

    /// `value` times 10^`decimals` rounded to a whole number, where that is far from a tie and
    /// below 10⁹ (so never for a value that is not finite or is written in scientific form): then rounding the binary value gives the same digits as
    /// rounding its shortest decimal, the common case, without building the decimal's digits.
    private static func units(_ value: Double, decimals: Int) -> Int64? {
        let scaled = abs(value) * power(decimals)
        guard scaled < 1e9, abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else { return nil }
        return Int64(scaled.rounded())
    }

    /// A number plugged into a formula, with `decimals` decimals where it needs more than
    /// `precision` for the line to be redone by hand: `1.608`; zeros past `precision` are left
    /// out, so an exact `0.20` stays `0.20`.
    public func number(_ value: Double, decimals: Int) -> String {
        guard decimals > precision else { return number(value) }
        if let units = Notation.units(value, decimals: decimals) {
            return fixed(units, decimals: decimals, kept: precision, negative: value < 0)
        }
        var finer = self
        finer.precision = decimals
        var text = finer.number(value)
        guard let point = text.firstIndex(of: "."), !text.contains("e") else { return text }
        while text.hasSuffix("0"), text.distance(from: point, to: text.endIndex) > precision + 1 { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `value` with its entries written as by `number(_:decimals:)`.
    public func tensor(_ value: Tensor, decimals: Int) -> String {
        var text: [UInt8] = []
        value.scalars.withUnsafeBufferPointer { write($0, value.shape, decimals: decimals, into: &text) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `scalars`, a value of `shape`, to `text` as UTF-8, each entry as by
    /// `number(_:decimals:)`: a scalar as its number, a vector as the column `[a; b]` (or, `asRow`,
    /// as the row `[a, b]`), a matrix row by row, `[[a, b], [c, d]]`.
    public func write(_ scalars: UnsafeBufferPointer<Double>, _ shape: Shape, decimals: Int, asRow: Bool = false, into text: inout [UInt8]) {
        func list(_ range: Range<Int>, separator: String) {
            text.append(UInt8(ascii: "["))
            for index in range {
                if index > range.lowerBound { text.append(contentsOf: separator.utf8) }
                write(scalars[index], decimals: decimals, into: &text)
            }
            text.append(UInt8(ascii: "]"))
        }
        switch shape {
        case .scalar:
            write(scalars[0], decimals: decimals, into: &text)
        case .vector(let count):
            list(0..<count, separator: asRow ? ", " : Notation.columnSeparator)
        case .matrix(let rows, let columns):
            text.append(UInt8(ascii: "["))
            for row in 0..<rows {
                if row > 0 { text.append(contentsOf: ", ".utf8) }
                list(row * columns..<(row + 1) * columns, separator: ", ")
            }
            text.append(UInt8(ascii: "]"))
        }
    }

    /// `a` and `b` with the fewest decimals (at least `precision`) that tell them apart, so that
    /// 0.2288 against 0.23 reads `0.229` and `0.23`, not `0.23` twice.
    public func tensors(apart a: Tensor, _ b: Tensor) -> (String, String) {
        for decimals in precision...precision + Notation.extraDecimals {
            let written = (tensor(a, decimals: decimals), tensor(b, decimals: decimals))
            if written.0 != written.1 { return written }
        }
        return (tensor(a), tensor(b))
    }

    /// The most decimals past `precision` a number is given, to tell it apart or to let a line be
    /// redone: by then it shows as many digits as the engine computes with.
    static let extraDecimals = 12

    /// The number a reader takes from `number(value, decimals:)`: `value` rounded as written.
    func shown(_ value: Double, decimals: Int) -> Double {
        let decimals = max(decimals, precision)
        if decimals < Notation.powers.count, let units = Notation.units(value, decimals: decimals) {
            // Written, it is units · 10^−decimals; read back, the nearest Double to that, which one
            // division gives: both numbers are exact and division rounds to the nearest. A number
            // written as zero has no sign.
            guard units != 0 else { return 0 }
            return (value < 0 ? -1 : 1) * (Double(units) / Notation.powers[decimals])
        }
        let text = number(value, decimals: decimals)
        return Double(text.hasPrefix(minus) ? "-" + text.dropFirst(minus.count) : text) ?? value
    }

    /// A whole number of 10^−`decimals` units written with the decimal point, zeros past `kept`
    /// decimals left out; no sign on a value that rounds to zero.
    private func fixed(_ units: Int64, decimals: Int, kept: Int, negative: Bool) -> String {
        withFixed(units, decimals: decimals, kept: kept, negative: negative) { String(decoding: $0, as: UTF8.self) }
    }

    /// The digits (ASCII) of a whole number of 10^−`decimals` units written with the decimal
    /// point, zeros past `kept` decimals left out; no sign on a value that rounds to zero.
    private func fixed(_ units: [UInt8], decimals: Int, kept: Int, negative: Bool) -> String {
        units.withUnsafeBufferPointer { units in
            String(unsafeUninitializedCapacity: fixedCapacity(units.count, decimals: decimals)) { text in
                fixed(units, decimals: decimals, kept: kept, negative: negative, into: text)
            }
        }
    }

    /// Appends `number(value, decimals:)` to `text` as UTF-8, without building a string where
    /// the number is written in fixed form.
    public func write(_ value: Double, decimals: Int, into text: inout [UInt8]) {
        let decimals = max(decimals, precision)
        guard let units = Notation.units(value, decimals: decimals) else {
            text.append(contentsOf: number(value, decimals: decimals).utf8)
            return
        }
        withFixed(units, decimals: decimals, kept: precision, negative: value < 0) { text.append(contentsOf: $0) }
    }

    /// Calls `body` with a whole number of 10^−`decimals` units written with the decimal point,
    /// as `fixed(_:decimals:kept:negative:into:)` writes it, in room of its own.
    private func withFixed<Result>(
        _ units: Int64, decimals: Int, kept: Int, negative: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        // Its digits go at the end of the room, the number written before them.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20 + fixedCapacity(20, decimals: decimals)) { room in
            var (rest, start) = (units, room.count)
            repeat {
                start -= 1
                room[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            let count = fixed(
                UnsafeBufferPointer(rebasing: room[start...]), decimals: decimals, kept: kept, negative: negative,
                into: UnsafeMutableBufferPointer(rebasing: room[..<start])
            )
            return body(UnsafeBufferPointer(rebasing: room[..<count]))
        }
    }

    /// The most bytes `fixed(_:decimals:kept:negative:into:)` writes for `count` digits.
    private func fixedCapacity(_ count: Int, decimals: Int) -> Int {
        minus.utf8.count + max(0, decimals + 1 - count) + count + 1
    }

    /// Writes into `text` the digits (ASCII) of a whole number of 10^−`decimals` units with the
    /// decimal point, zeros past `kept` decimals left out, and no sign on a value that rounds to
    /// zero; how many bytes it wrote, at most `fixedCapacity(units, decimals:)`.
    private func fixed(
        _ units: UnsafeBufferPointer<UInt8>, decimals: Int, kept: Int, negative: Bool, into text: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        let padding = max(0, decimals + 1 - units.count)
        let signed = negative && units.contains { $0 != UInt8(ascii: "0") }
        var count = 0
        if signed {
            for byte in minus.utf8 {
                text[count] = byte
                count += 1
            }
        }
        // The digits, the padding zeros first, with the point before the last `decimals` of them.
        let digits = padding + units.count
        for index in 0..<digits {
            if index == digits - decimals, decimals > 0 {
                text[count] = UInt8(ascii: ".")
                count += 1
            }
            text[count] = index < padding ? UInt8(ascii: "0") : units[index - padding]
            count += 1
        }
        var decimalsLeft = decimals
        while decimalsLeft > kept, text[count - 1] == UInt8(ascii: "0") {
            count -= 1
            decimalsLeft -= 1
        }
        if decimals > 0, decimalsLeft == 0 { count -= 1 }
        return count
    }

    /// Numbers this large are written as `8.51e27`: a diverging run stays readable.
    static let scientificFrom = 1e9

    /// `value` as a mantissa with `precision` decimals and a power of ten, e.g. `−8.51e27`.
    private func scientific(_ value: Double) -> String {
        var exponent = Notation.decimalDigits(abs(value)).point - 1
        var mantissa = number(abs(value) / Notation.power(exponent))
        if mantissa.hasPrefix("10") {
            exponent += 1
            mantissa = number(abs(value) / Notation.power(exponent))
        }
        return (value < 0 ? minus : "") + mantissa + "e\(exponent)"
    }

    /// 10ⁿ.
    static func power(_ n: Int) -> Double {
        if n >= 0, n < powers.count { return powers[n] }
        return (0..<abs(n)).reduce(1.0) { product, _ in n < 0 ? product / 10 : product * 10 }
    }

    /// 10⁰ to 10²², each exact in a `Double`.
    static let powers: InlineArray<23, Double> = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The digits of the shortest decimal that reads back as `value` (≥ 0, finite), without
    /// leading zeros, and where the decimal point goes: value = 0.d₁d₂… × 10^point.
    static func decimalDigits(_ value: Double) -> (digits: [Int], point: Int) {
        let parts = "\(value)".split(separator: "e")
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let whole = mantissa[0], fraction = mantissa.count > 1 ? mantissa[1] : ""
        var digits = (whole + fraction).compactMap(\.wholeNumberValue)
        var point = whole.count + exponent
        while digits.first == 0 { digits.removeFirst(); point -= 1 }
        return (digits, digits.isEmpty ? 0 : point)
    }

    /// A small positive quantity to one significant digit, as a power of ten: `2e−10`; `0` for zero.
    public func magnitude(_ value: Double) -> String {
        guard value.isFinite else { return number(value) }
        guard value != 0 else { return "0" }
        var exponent = Notation.decimalDigits(abs(value)).point - 1
        // Below 10⁻³⁰⁰ the power of ten itself would underflow: scale the value up first.
        let (scaled, down) = exponent < -300 ? (abs(value) * Notation.power(300), exponent + 300) : (abs(value), exponent)
        var digit = Int((scaled / Notation.power(down)).rounded())
        if digit == 10 { (digit, exponent) = (1, exponent + 1) }
        return (value < 0 ? minus : "") + "\(digit)e" + (exponent < 0 ? minus : "") + "\(abs(exponent))"
    }

    /// A constant written in an equation, as short as it reads: `2`, `0.5`.
    public func constant(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return signed(String(Int64(value))) }
        return signed("\(value)")
    }

    /// A scalar as a number, a vector as the column `[a; b]`, a matrix row by row as
    /// `[[a, b], [c, d]]`.
    public func tensor(_ value: Tensor) -> String {
        tensor(value, decimals: precision)
    }

    /// What separates the entries of a column written on one line: `[a; b]`.
    static var columnSeparator: String { "; " }

    /// A node's name as the deck writes it: `eta` as η, trailing digits as subscripts (`v1` → v₁).
    public func name(_ name: String) -> String {
        guard unicode else { return name }
        if name == "eta" { return "η" }
        // A name that ends in an ASCII character other than a digit keeps it as it is.
        if let last = name.utf8.last, last < 0x80, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last) { return name }
        guard name.last?.isNumber == true else { return name }
        let stem = name.reversed().drop(while: \.isNumber).reversed()
        guard !stem.isEmpty, stem.count < name.count else { return name }
        return String(stem) + subscripted(String(name.dropFirst(stem.count)))
    }

    /// ∂L/∂name.
    public func gradient(_ name: String) -> String {
        unicode ? "∂\(self.name(loss))/∂\(self.name(name))" : "d\(loss)/d\(name)"
    }

    /// ∂of/∂name, a local derivative.
    public func derivative(of: String, by name: String) -> String {
        unicode ? "∂\(self.name(of))/∂\(self.name(name))" : "d\(of)/d\(name)"
    }

    /// `text` with its digits as subscripts (Unicode), or in brackets (ASCII).
    public func subscripted(_ text: String) -> String {
        guard unicode else { return "[\(text)]" }
        return String(text.map { Notation.subscripts[$0] ?? $0 })
    }

    /// The subscript of each digit.
    private static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉", ",": ",",
    ]

    private func signed(_ text: String) -> String {
        text.hasPrefix("-") ? minus + text.dropFirst() : text
    }
}
