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
    /// The characters as written.
    let text: String

    /// How the token reads in an error message: as it was written, quoted.
    var spelling: String {
        kind == .end ? "the end of the line" : text.quoted
    }
}

extension String {
    /// The text cut to its first 40 characters and `…` when longer, so that an error message
    /// quoting it stays one readable line whatever was typed.
    public var abbreviated: String {
        count > 40 ? prefix(40) + "…" : self
    }

    /// The text abbreviated and in single quotes, for an error message.
    public var quoted: String { "'\(abbreviated)'" }
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
                let word = String(characters[begin..<scanName(characters, from: index)])
                if word.lowercased().hasPrefix("0x") {
                    throw EquationError("\(word.quoted) is not a number: write it in decimals", at: location(begin))
                }
                guard let value = Double(spelling) else {
                    throw EquationError("\(spelling.quoted) is not a number", at: location(begin))
                }
                guard value.isFinite else {
                    throw EquationError("\(spelling.quoted) is too large for a number (the largest is about 1.8e308)", at: location(begin))
                }
                tokens.append(Token(kind: .number(value), location: location(begin), text: spelling))
            } else if character.isLetter || character == "_" {
                let begin = index
                index = scanName(characters, from: index)
                let name = String(characters[begin..<index])
                tokens.append(Token(kind: .name(name), location: location(begin), text: name))
            } else if let symbol = symbols[character] {
                tokens.append(Token(kind: .symbol(symbol), location: location(index), text: String(character)))
                index += 1
            } else {
                throw EquationError("unexpected character '\(character)'", at: location(index))
            }
        }
        tokens.append(Token(kind: .end, location: location(end), text: ""))
        return tokens
    }

    /// The index just past the letters, digits and underscores from `index`: a name, or what
    /// runs on from a number (`x10` in `0x10`).
    private static func scanName(_ characters: [Character], from start: Int) -> Int {
        var index = start
        while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
            index += 1
        }
        return index
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
