import Foundation

/// Writes a Swift file holding the given lesson files as string literals:
/// `EmbedLessons OUTPUT FILE...`.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedLessons OUTPUT FILE...\n".utf8))
    exit(2)
}

/// `text` as a Swift string literal, every character that needs it escaped.
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

var source = "// Generated from lessons/ by EmbedLessons at build time. Do not edit.\n\n"
source += "/// The lesson files built into the binary, as (file name, text), in file name order.\n"
source += "let embeddedLessonFiles: [(name: String, text: String)] = [\n"
for path in arguments.dropFirst() {
    do {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        source += "    (\(literal((path as NSString).lastPathComponent)), \(literal(text))),\n"
    } catch {
        FileHandle.standardError.write(Data("\(path): cannot read: \(error.localizedDescription)\n".utf8))
        exit(1)
    }
}
source += "]\n"
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("\(output): cannot write: \(error.localizedDescription)\n".utf8))
    exit(1)
}
