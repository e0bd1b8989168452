/// A test asked for a lesson or slide that the shipped lessons do not have.
public struct FixtureError: Error, CustomStringConvertible {
    /// What was asked for and is missing.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
