import CNcurses

/// The character set of the locale the environment chooses (LC_ALL, then LC_CTYPE, then LANG).
public enum LocaleEncoding {
    /// Adopts the environment's locale for this process (numbers keep their decimal point) and
    /// tells whether it writes UTF-8: the tutor and `print` write Unicode then, ASCII otherwise.
    public static func adoptEnvironment() -> Bool {
        cncurses_adopt_locale() != 0
    }
}
