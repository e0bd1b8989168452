extension String {
    /// The text as a JSON string, in quotes: `"` and `\` escaped, and every character a terminal
    /// would act on (`Unicode.Scalar.actsOnTerminal`, the line feed among them) as `\uXXXX`, so
    /// that the document is plain to read on a terminal as well as to a parser.
    public var jsonQuoted: String {
        var result = "\""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.actsOnTerminal:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
