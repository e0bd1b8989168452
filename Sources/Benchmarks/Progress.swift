import Foundation

/// Writes a line to standard error, where the benchmark says what it is doing while standard
/// output keeps only its tables.
func progress(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
