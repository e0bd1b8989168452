import CNcurses
import TextScreen

/// What one code from `get_wch` means to the key reader.
enum KeyDecoder {
    /// The reader's next step for one code.
    enum Decoded: Equatable {
        /// Report this key.
        case key(Key)
        /// The terminal changed size: report `.resize` with the new size.
        case resize
        /// Ctrl-Z: suspend to the shell, then keep reading.
        case suspend
        /// Ctrl-L: redraw the whole screen, then keep reading.
        case redraw
        /// A key the tutor has no use for: report nil.
        case unknown
    }

    /// Decodes a function key (`get_wch` returned `KEY_CODE_YES`).
    static func decode(functionKey code: Int32) -> Decoded {
        switch code {
        case KEY_UP: .key(.up)
        case KEY_DOWN: .key(.down)
        case KEY_LEFT: .key(.left)
        case KEY_RIGHT: .key(.right)
        case KEY_PPAGE: .key(.pageUp)
        case KEY_NPAGE: .key(.pageDown)
        case KEY_HOME: .key(.home)
        case KEY_END: .key(.end)
        case KEY_ENTER: .key(.enter)
        case KEY_BTAB: .key(.backTab)
        case KEY_BACKSPACE: .key(.backspace)
        case KEY_RESIZE: .resize
        default: .unknown
        }
    }

    /// Decodes a character (`get_wch` returned `OK`); the terminal is in raw mode, so control
    /// characters arrive here too.
    static func decode(character code: UInt32) -> Decoded {
        switch code {
        case 3: return .key(.interrupt)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 12: return .redraw
        case 26: return .suspend
        case 27: return .key(.escape)
        case 0..<32, 0x80..<0xA0: return .unknown
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown }
            return .key(.character(Character(scalar)))
        }
    }
}
