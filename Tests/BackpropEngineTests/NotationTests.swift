import TestSupport
import Testing
@testable import BackpropEngine

/// Numbers are rounded as a person rounds the decimal they read, half to even.
@Suite struct NotationTests {
    @Test(arguments: [
        (1.805, 2, "1.80"), (1.815, 2, "1.82"), (2.316, 2, "2.32"), (0.6498, 2, "0.65"), (-1.9, 2, "−1.90"),
        (-0.004, 2, "0.00"), (999.995, 2, "1000.00"), (1e-5, 2, "0.00"), (0.5, 0, "0"), (1.5, 0, "2"),
        (123456.789, 1, "123456.8"), (1e20, 2, "1.00e20"), (-8505713415457808e12, 2, "−8.51e27"), (9.999e9, 2, "1.00e10"), (-2.5e-7, 6, "0.000000"), (0.000125, 4, "0.0001"),
        (-0.0, 2, "0.00"), (Double.leastNormalMagnitude / 1000, 2, "0.00"), (-1e-6, 0, "0"), (999999999.4, 2, "999999999.40"), (12, 0, "12"), (0.375, 2, "0.38"),
    ])
    func roundsHalfToEven(value: Double, precision: Int, text: String) {
        #expect(Notation(precision: precision).number(value) == text)
    }

    @Test(arguments: [
        (1.6076, 3, "1.608"), (0.2, 4, "0.20"), (-0.68369, 3, "−0.684"), (0.4700001, 4, "0.47"), (-0.00004, 4, "0.00"),
        (2.5, 1, "2.50"), (-0.125, 5, "−0.125"), (3, 6, "3.00"),
    ])
    func anOperandShowsTheDecimalsItNeedsWithoutTrailingZeros(value: Double, decimals: Int, text: String) {
        #expect(Notation(precision: 2).number(value, decimals: decimals) == text)
    }

    @Test(arguments: [(5.0, 2, "5"), (-2.0, 3, "−2"), (12.0, 1, "12"), (2.5, 2, "2.5")])
    func withNoDecimalsAskedForAnOperandDropsItsPointWithItsZeros(value: Double, decimals: Int, text: String) {
        #expect(Notation(precision: 0).number(value, decimals: decimals) == text)
    }

    @Test(arguments: [
        (2e-10, "2e−10"), (0.00096, "1e−3"), (Double.leastNonzeroMagnitude, "5e−324"), (Double.leastNormalMagnitude / 100, "2e−310"),
        (Double.leastNormalMagnitude, "2e−308"), (0, "0"),
    ])
    func aMagnitudeIsOneSignificantDigitAndAPowerOfTenDownToTheSmallestDouble(value: Double, text: String) {
        #expect(Notation(precision: 2).magnitude(value) == text)
    }

    /// What a reader takes from a number as written is that text read back, whatever the number:
    /// tiny, huge, subnormal, negative zero, halfway between two decimals, or any bit pattern; and
    /// the number written straight into bytes is that very text.
    @Test func aNumberAsShownIsItsTextReadBack() {
        var random = SplitMix64(seed: 9)
        let special: [Double] = [0, -0.0, Double.leastNormalMagnitude / 1000, -.leastNonzeroMagnitude, 0.005, 1.005, 2.675, 999999999.995, 1e9, -8.5e27, .infinity, .nan]
        let values = special + (0..<4_000).map { index -> Double in
            switch index % 4 {
            case 0: Double(bitPattern: random.next())
            case 1: (Double(Int.random(in: -2_000_000...2_000_000, using: &random)) + 0.5) / Notation.power(Int.random(in: 0...8, using: &random))
            case 2: Double.random(in: -1...1, using: &random) * Notation.power(Int.random(in: -12...12, using: &random))
            default: Double.random(in: -3...3, using: &random)
            }
        }
        for unicode in [true, false] {
            for precision in [0, 2, 5, 12] {
                let notation = Notation(precision: precision, unicode: unicode)
                for value in values {
                    let decimals = precision + Int.random(in: 0...Notation.extraDecimals, using: &random)
                    let text = notation.number(value, decimals: decimals)
                    let read = Double(text.hasPrefix(notation.minus) ? "-" + text.dropFirst(notation.minus.count) : text) ?? value
                    let shown = notation.shown(value, decimals: decimals)
                    #expect(shown.bitPattern == read.bitPattern || (shown.isNaN && read.isNaN), "\(value) with \(decimals) decimals: \(text)")
                    var bytes: [UInt8] = []
                    notation.write(value, decimals: decimals, into: &bytes)
                    #expect(bytes == Array(text.utf8), "\(value) with \(decimals) decimals, as bytes")
                }
            }
        }
    }

    @Test(arguments: [
        (Tensor(0.2288), Tensor(0.23), "0.229", "0.23"), (Tensor(0.23), Tensor(0.23), "0.23", "0.23"),
        (Tensor(vector: [0.5, 0.1]), Tensor(vector: [0.5, 0.1000001]), "[0.50; 0.10]", "[0.50; 0.1000001]"),
        (Tensor(1), Tensor(vector: [1, 1]), "1.00", "[1.00; 1.00]"),
    ])
    func twoDifferentValuesAreWrittenWithTheDigitsThatTellThemApart(a: Tensor, b: Tensor, first: String, second: String) {
        let written = Notation(precision: 2).tensors(apart: a, b)
        #expect(written.0 == first && written.1 == second)
    }

    @Test func nonFiniteNumbersAreSpeltOut() {
        #expect(Notation().number(.nan) == "NaN")
        #expect(Notation().number(-.infinity) == "−∞")
        #expect(Notation(unicode: false).number(.infinity) == "inf")
    }

    @Test func namesFollowTheDeck() {
        #expect(Notation().name("v1") == "v₁")
        #expect(Notation().name("eta") == "η")
        #expect(Notation().gradient("o2") == "∂L/∂o₂")
        #expect(Notation(unicode: false).gradient("o2") == "dL/do2")
    }

    @Test func formulasAreParenthesisedOnlyWherePrecedenceNeedsIt() throws {
        let writer = FormulaWriter(notation: Notation(), shapes: ["a": .scalar, "b": .scalar, "c": .scalar])
        let cases = [
            ("a - (b - c)", "a − (b − c)"), ("(a - b) - c", "a − b − c"), ("-(a + b)^2", "−(a + b)²"),
            ("a / (b * c)", "a / (b · c)"), ("a * b * c", "a · b · c"), ("(-a)^3", "(−a)³"), ("a^b", "a^b"),
        ]
        for (source, written) in cases {
            #expect(writer.symbolic(try Expr(parsing: source)) == written)
        }
    }

    @Test func aVectorIsAColumnItsTransposeARowAndAMatrixIsWrittenRowByRow() throws {
        let shapes: [String: Shape] = ["x": .vector(2), "W": .matrix(2, 2), "h": .vector(2)]
        let writer = FormulaWriter(notation: Notation(), shapes: shapes)
        let bindings = Bindings(
            values: ["x": Tensor(vector: [1, 2]), "W": Tensor(rows: [[0.1, 0.2], [-0.3, 0.4]])],
            gradients: ["h": Tensor(vector: [-0.5, 0.25])]
        )
        let outer = Expr(.outer(.gradient("h"), .name("x")))
        #expect(writer.symbolic(outer) == "∂L/∂h · xᵀ")
        #expect(writer.substituted(outer, bindings) == "[−0.50; 0.25] · [1.00, 2.00]")
        let product = Expr(.binary(.matmul, Expr(.transpose(.name("W"))), .gradient("h")))
        #expect(writer.substituted(product, bindings) == "[[0.10, 0.20], [−0.30, 0.40]]ᵀ · [−0.50; 0.25]")
        #expect(writer.symbolic(try Expr(parsing: "[x[1], 1 - x[2]]")) == "[x₁; 1 − x₂]")
        #expect(Notation(unicode: false).tensor(Tensor(vector: [-1, 2])) == "[-1.00; 2.00]")
    }
}
