/// A place in a text: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int

    /// A location at `line`, `column`.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }

    /// No place: where a derived expression, which was never written, is checked.
    static let unknown = SourceLocation(line: 0, column: 0)
}

/// A mistake in equations or a model, with the place it was found.
public struct EquationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where the mistake is.
    public var location: SourceLocation
    /// What is wrong, for a person to act on.
    public var message: String

    /// An error at `location`.
    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// `line:column: message`.
    public var description: String { "\(location): \(message)" }
}
