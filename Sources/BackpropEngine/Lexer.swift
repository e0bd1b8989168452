/// A token of the equation language.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case name(String)
        case symbol(Character)
        case end
    }

    let kind: Kind
    let location: SourceLocation

    /// How the token reads in an error message.
    var spelling: String {
        switch kind {
        case .number(let value): "'\(value)'"
        case .name(let name): "'\(name)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "the end of the line"
        }
    }
}

/// Splits one line of the equation language into tokens.
enum Lexer {
    /// The operators and punctuation, with the Unicode spellings a formula may use.
    private static let symbols: [Character: Character] = [
        "+": "+", "-": "-", "−": "-", "*": "*", "·": "*", "/": "/", "^": "^", "@": "@",
        "(": "(", ")": ")", "[": "[", "]": "]", ",": ",", "=": "=",
    ]

    /// The tokens of `text`, which starts at `start`; a `#` ends the line as a comment, and the
    /// end token stands where the comment starts.
    static func tokens(_ text: String, start: SourceLocation) throws(EquationError) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var index = 0
        var end = characters.count
        func location(_ offset: Int) -> SourceLocation {
            SourceLocation(line: start.line, column: start.column + offset)
        }
        while index < characters.count {
            let character = characters[index]
            if character == "#" {
                end = index
                break
            }
            if character.isWhitespace {
                index += 1
            } else if character.isNumber || (character == "." && index + 1 < characters.count && characters[index + 1].isNumber) {
                let begin = index
                index = scanNumber(characters, from: index)
                let spelling = String(characters[begin..<index])
                guard let value = Double(spelling) else {
                    throw EquationError("'\(spelling)' is not a number", at: location(begin))
                }
                tokens.append(Token(kind: .number(value), location: location(begin)))
            } else if character.isLetter || character == "_" {
                let begin = index
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
                    index += 1
                }
                tokens.append(Token(kind: .name(String(characters[begin..<index])), location: location(begin)))
            } else if let symbol = symbols[character] {
                tokens.append(Token(kind: .symbol(symbol), location: location(index)))
                index += 1
            } else {
                throw EquationError("unexpected character '\(character)'", at: location(index))
            }
        }
        tokens.append(Token(kind: .end, location: location(end)))
        return tokens
    }

    /// The index just past the number starting at `index`: digits, a fraction, an exponent.
    private static func scanNumber(_ characters: [Character], from start: Int) -> Int {
        var index = start
        func digits() { while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 } }
        digits()
        if index < characters.count, characters[index] == "." { index += 1; digits() }
        if index < characters.count, characters[index] == "e" || characters[index] == "E" {
            var next = index + 1
            if next < characters.count, characters[next] == "+" || characters[next] == "-" { next += 1 }
            if next < characters.count, characters[next].isASCII, characters[next].isNumber {
                index = next
                digits()
            }
        }
        return index
    }
}
