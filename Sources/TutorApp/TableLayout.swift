/// Where the columns of the iteration table go in a given room: all of them, in table order, when
/// they fit; otherwise the columns kept in view, in bands as wide as the room, and beside the last
/// band a window onto the other columns that scrolls sideways (in a band of its own below, when
/// one of those columns would not fit beside).
struct TableLayout: Equatable {
    /// Columns side by side under one heading: indices into the table's columns.
    struct Band: Equatable {
        /// The columns kept in view.
        var kept: [Int] = []
        /// The columns of the window, after a divider when there are kept columns.
        var window: [Int] = []
    }

    /// The bands, top to bottom.
    let bands: [Band]
    /// The largest useful sideways scroll: the window then ends with the last column.
    let maximum: Int
    /// Columns of the window off to the left, and off to the right.
    let left: Int, right: Int

    /// Columns between two columns.
    static let gap = 2
    /// Columns between the kept columns and the window: a divider between spaces.
    static let divider = 3

    /// True when columns `widths` wide fit side by side in `room` columns.
    static func fits(_ widths: [Int], in room: Int) -> Bool {
        widths.reduce(0) { $0 + $1 + gap } <= room
    }

    /// The layout of columns `widths` wide in `room` columns, the window moved past `offset` of
    /// the columns that are not `kept`.
    init(widths: [Int], kept: [Bool], room: Int, offset: Int) {
        let cost = { (column: Int) in widths[column] + TableLayout.gap }
        guard !TableLayout.fits(widths, in: room) else {
            (bands, maximum, left, right) = ([Band(kept: Array(widths.indices))], 0, 0, 0)
            return
        }
        var bands: [Band] = []
        var used = 0
        for column in widths.indices where kept[column] {
            if bands.isEmpty || used + cost(column) > room {
                bands.append(Band())
                used = 0
            }
            bands[bands.count - 1].kept.append(column)
            used += cost(column)
        }
        let others = widths.indices.filter { !kept[$0] }
        var spare = room - used - (TableLayout.divider - TableLayout.gap)
        if bands.isEmpty || others.contains(where: { cost($0) > spare }) {
            bands.append(Band())
            spare = room
        }
        let fitting = { (columns: [Int]) -> Int in
            var total = 0
            return max(1, columns.prefix { total += cost($0); return total <= spare }.count)
        }
        maximum = max(0, others.count - fitting(others.reversed()))
        left = min(offset, maximum)
        let window = others.isEmpty ? [] : Array(others[left...].prefix(fitting(Array(others[left...]))))
        right = others.count - left - window.count
        bands[bands.count - 1].window = window
        self.bands = bands
    }
}
