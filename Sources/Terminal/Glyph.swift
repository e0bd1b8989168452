import CNcurses

/// Turns a `Character` into what `setcchar` takes: one spacing character that fills exactly one
/// column, then at most four combining marks, then a NUL.
///
/// Characters that would not fill exactly one column in the current locale (control characters,
/// wide characters, anything a non-UTF-8 locale cannot show) become `?`, so one cell of a
/// `Screen` always stays one column of the terminal.
enum Glyph {
    /// Wide characters one glyph needs, the NUL included (CCHARW_MAX + 1).
    static let capacity = 6
    /// What is shown for a character that cannot take exactly one column.
    static let replacement: wchar_t = 0x3F

    /// Writes `character` into `buffer`, which holds at least `capacity` wide characters.
    static func encode(_ character: Character, into buffer: UnsafeMutablePointer<wchar_t>) {
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else {
            buffer[0] = 0x20
            buffer[1] = 0
            return
        }
        let value = wchar_t(bitPattern: first.value)
        let printableASCII = value >= 0x20 && value < 0x7F
        guard printableASCII || cncurses_wcwidth(value) == 1 else {
            buffer[0] = replacement
            buffer[1] = 0
            return
        }
        buffer[0] = value
        var count = 1
        while count < capacity - 1, let mark = scalars.next() {
            let markValue = wchar_t(bitPattern: mark.value)
            guard markValue != 0, cncurses_wcwidth(markValue) == 0 else { break }
            buffer[count] = markValue
            count += 1
        }
        buffer[count] = 0
    }
}
