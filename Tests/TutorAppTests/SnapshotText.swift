import TextScreen

extension Screen {
    /// The screen as a snapshot stores it (`Snapshots/README.md`): each row's characters, trailing
    /// spaces trimmed; under a row with a cell of another role or in bold, a line of role letters;
    /// under a row with a reversed or underlined cell, a line of attribute marks. Both style lines
    /// have a letter or mark per cell, trailing `.` trimmed, so they line up with the characters.
    var snapshotText: String {
        (0..<height).flatMap { y -> [String] in
            let row = cells[y * width..<(y + 1) * width]
            let roles = row.map(\.style.roleLetter), marks = row.map(\.style.attributeMark)
            return [trimming(" ", from: row.map(\.character))]
                + (roles.contains { $0 != "." } ? [trimming(".", from: roles)] : [])
                + (marks.contains { $0 != "." } ? [trimming(".", from: marks)] : [])
        }.joined(separator: "\n") + "\n"
    }
}

/// `characters` as a string without the `blank` ones at its end.
private func trimming(_ blank: Character, from characters: [Character]) -> String {
    String(characters.reversed().drop { $0 == blank }.reversed())
}

extension Style {
    /// The style's role as a letter, capital when bold: `.` (`N` bold) normal, `h` heading,
    /// `v` value, `g` gradient, `u` update, `a` accent, `d` dim, `w` warning, `s` status.
    var roleLetter: Character {
        let letter: Character
        switch role {
        case .normal: letter = bold ? "N" : "."
        case .heading: letter = "h"
        case .value: letter = "v"
        case .gradient: letter = "g"
        case .update: letter = "u"
        case .accent: letter = "a"
        case .dim: letter = "d"
        case .warning: letter = "w"
        case .status: letter = "s"
        }
        return bold ? Character(letter.uppercased()) : letter
    }

    /// `#` reversed, `_` underlined, `&` both, `.` neither.
    var attributeMark: Character {
        switch (reverse, underline) {
        case (true, true): "&"
        case (true, false): "#"
        case (false, true): "_"
        case (false, false): "."
        }
    }
}
