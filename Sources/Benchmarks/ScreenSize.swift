/// The terminal size the tutor's figures are taken at.
enum ScreenSize {
    static let width = 120
    static let height = 40
}
