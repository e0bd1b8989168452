import Foundation
import LessonFiles

/// Writes a Swift file holding the lesson files of a folder (those named `N-ID.md`) as string
/// literals, in order of N: `EmbedLessons OUTPUT FOLDER`.
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: EmbedLessons OUTPUT FOLDER\n".utf8))
    exit(2)
}
let (output, folder) = (arguments[0], arguments[1])
let names: [String]
do {
    names = LessonFileName.lessons(among: try FileManager.default.contentsOfDirectory(atPath: folder))
} catch {
    FileHandle.standardError.write(Data("\(folder): cannot list: \(error.localizedDescription)\n".utf8))
    exit(1)
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
source += "/// The lesson files built into the binary, as (file name, text), in lesson order.\n"
source += "let embeddedLessonFiles: [(name: String, text: String)] = [\n"
for name in names {
    let path = (folder as NSString).appendingPathComponent(name)
    do {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        source += "    (\(literal(name)), \(literal(text))),\n"
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
