import Foundation
import Testing
@testable import TutorApp

/// The README's key tables are the key table: a binding added, changed or removed without the
/// README fails here.
@Suite struct ReadmeKeysTests {
    /// A binding as a README row: `` | `→` `space` / `←` | next / previous step, then slide | ``.
    static func row(_ binding: KeyBinding) -> String {
        let keys = binding.keys.map { keys in
            (keys.keys.isEmpty ? [keys.label] : keys.keys.map(\.name)).map { "`\($0)`" }.joined(separator: " ")
        }
        return "| \(keys.joined(separator: " / ")) | \(binding.help) |"
    }

    @Test func theReadmeListsExactlyTheBindingsInTheirOrder() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        // The rows of every table headed `| keys | what they do |`.
        var rows: [String] = []
        var inTable = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line == "| keys | what they do |" { inTable = true; continue }
            inTable = inTable && line.hasPrefix("|")
            if inTable && line != "|---|---|" { rows.append(line) }
        }
        let expected = KeyBinding.Context.allCases.flatMap { KeyBindings.bindings(in: $0).map(Self.row) }
        #expect(rows == expected, "README.md's key tables should read:\n\(expected.joined(separator: "\n"))")
    }
}
