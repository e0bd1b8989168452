import Testing
@testable import BackpropEngine

/// Every number that comes in (`--set`, `--eta`, the value prompt, a model's values) is read one
/// way: a constant expression with finite entries, or an error that quotes what was typed and
/// says where it goes wrong.
@Suite struct NumberReaderTests {
    static let accepted: [(text: String, value: Tensor)] = [
        ("0.5", Tensor(0.5)),
        ("1e-3", Tensor(0.001)),
        ("-2/3", Tensor(-2.0 / 3)),
        (" 7 ", Tensor(7)),
        ("[1, -2]", Tensor(vector: [1, -2])),
        ("[[1, 0], [0, 1]]", Tensor(rows: [[1, 0], [0, 1]])),
        ("1e-400", Tensor(0)),
    ]

    @Test(arguments: accepted.indices)
    func aConstantExpressionIsReadAsItsValue(index: Int) throws {
        #expect(try Tensor(reading: Self.accepted[index].text) == Self.accepted[index].value)
    }

    static let refused: [(text: String, column: Int, message: String)] = [
        ("1e309", 1, "'1e309' is too large for a number (the largest is about 1.8e308)"),
        ("0/0", 2, "the value is not a finite number: it comes out as nan"),
        ("2^1024", 2, "the value is not a finite number: it comes out as inf"),
        ("[1, 1e308 * 10]", 1, "the value is not a finite number: it comes out as [1.0, inf]"),
        ("0x10", 1, "'0x10' is not a number: write it in decimals"),
        ("0x1p3", 1, "'0x1p3' is not a number: write it in decimals"),
        ("2w", 2, "missing '*': write 2*w"),
        ("1 2", 3, "missing '*': write 1*2"),
        ("12345678901234567890123456789012345678901234567890 12345678901234567890123456789012345678901234567890", 52,
         "missing '*': write 1234567890123456789012345678901234567890…*1234567890123456789012345678901234567890…"),
        ("inf", 1, "a value is a number, vector or matrix, but it uses 'inf'"),
        ("nan", 1, "a value is a number, vector or matrix, but it uses 'nan'"),
        ("", 1, "expected a number, a name or '(' but found the end of the line"),
    ]

    @Test(arguments: refused.indices)
    func anythingElseIsRefusedWithWhereAndWhy(index: Int) {
        let expected = Self.refused[index]
        #expect(throws: EquationError(expected.message, at: SourceLocation(line: 1, column: expected.column))) {
            try Tensor(reading: expected.text)
        }
    }
}
