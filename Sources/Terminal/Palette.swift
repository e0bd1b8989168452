import CNcurses
import TextScreen

/// How each `Style` is drawn: ncurses attributes plus a colour pair.
///
/// With colour, each role except `normal`, `dim` and `status` has its own pair on the terminal's
/// default background. Without colour, only attributes are used, so the roles that matter stay
/// apart: headings and warnings bold, the status line reversed, dim text dim.
struct Palette {
    /// Attribute bits and colour pair for one role.
    struct Look {
        /// ncurses attribute bits (A_BOLD, ...), without colour bits.
        var attributes: attr_t
        /// Colour pair number (0 is the terminal's default colours).
        var pair: Int16
    }

    /// Whether roles get colour pairs.
    let color: Bool

    /// A palette for a terminal with or without colour. With colour, `installPairs` must have
    /// been called on the current screen.
    init(color: Bool) {
        self.color = color
    }

    /// Attributes and pair for `style`: the role's look plus the style's own bold, reverse and
    /// underline.
    func look(for style: Style) -> Look {
        var look = Palette.look(for: style.role, color: color)
        if style.bold { look.attributes |= cncurses_a_bold() }
        if style.reverse { look.attributes |= cncurses_a_reverse() }
        if style.underline { look.attributes |= cncurses_a_underline() }
        return look
    }

    /// Defines the colour pairs on the current screen (after `start_color` and
    /// `use_default_colors`): foregrounds on the default background (-1).
    static func installPairs() {
        let brightBlue: Int16 = cncurses_colors() >= 16 ? 12 : Int16(COLOR_BLUE)
        for role in Style.Role.allCases {
            let foreground: Int16
            switch role {
            case .heading: foreground = Int16(COLOR_CYAN)
            case .value: foreground = brightBlue
            case .gradient: foreground = Int16(COLOR_MAGENTA)
            case .update: foreground = Int16(COLOR_GREEN)
            case .accent: foreground = Int16(COLOR_YELLOW)
            case .warning: foreground = Int16(COLOR_RED)
            case .normal, .dim, .status: continue
            }
            _ = init_pair(pair(for: role), foreground, -1)
        }
    }

    /// The colour pair of a role that has its own colour (0 for the others).
    private static func pair(for role: Style.Role) -> Int16 {
        switch role {
        case .heading: 1
        case .value: 2
        case .gradient: 3
        case .update: 4
        case .accent: 5
        case .warning: 6
        case .normal, .dim, .status: 0
        }
    }

    /// The look of a role before the style's own attributes are added.
    private static func look(for role: Style.Role, color: Bool) -> Look {
        let plain = cncurses_a_normal()
        switch role {
        case .normal:
            return Look(attributes: plain, pair: 0)
        case .heading, .warning:
            return Look(attributes: cncurses_a_bold(), pair: color ? pair(for: role) : 0)
        case .value, .gradient, .update, .accent:
            return Look(attributes: plain, pair: color ? pair(for: role) : 0)
        case .dim:
            return Look(attributes: cncurses_a_dim(), pair: 0)
        case .status:
            return Look(attributes: cncurses_a_reverse(), pair: 0)
        }
    }
}
