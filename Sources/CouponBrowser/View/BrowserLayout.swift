/// The size of the terminal in cells.
public struct TerminalSize: Sendable, Hashable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }
}

/// A rectangle of cells, origin at the top left.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)
}

/// Where the parts of the browser go on a terminal of a given size.
///
/// Two header lines at the top, the status line and the hint line at the bottom; between them the
/// list and the detail, side by side from `besideWidth` columns, stacked on shorter terminals,
/// or the detail alone when it is full screen.
public struct BrowserLayout: Sendable, Hashable {
    /// How the detail pane is placed.
    public enum DetailPlacement: Sendable, Hashable {
        /// To the right of the list, after a one-column separator.
        case beside
        /// Under the list, after a one-row separator.
        case below
        /// In place of the list.
        case fullScreen
        /// Not shown: the terminal is too short for both panes.
        case hidden
    }

    /// The smallest terminal the browser draws into; below it the front end asks to enlarge the terminal.
    public static let minimumSize = TerminalSize(columns: 40, rows: 10)
    /// The width from which the detail goes beside the list.
    public static let besideWidth = 110
    /// The number of header lines.
    public static let headerHeight = 2

    public var size: TerminalSize
    public var header: Rect
    /// The list pane; its first row holds the column titles.
    public var list: Rect
    public var detail: Rect
    public var detailPlacement: DetailPlacement
    public var status: Rect
    public var hint: Rect

    /// Whether the terminal is smaller than `minimumSize`.
    public var isTooSmall: Bool {
        size.columns < Self.minimumSize.columns || size.rows < Self.minimumSize.rows
    }

    /// How many coupon rows fit in the list pane under its column titles.
    public var listViewportRows: Int { max(1, list.height - 1) }

    /// How many detail lines fit in the detail pane.
    public var detailViewportRows: Int { max(1, detail.height) }

    /// The layout for `size`, with the detail full screen or not.
    public init(size: TerminalSize, detailFullScreen: Bool = false) {
        self.size = size
        let columns = size.columns
        let rows = max(size.rows, 0)
        header = Rect(x: 0, y: 0, width: columns, height: min(Self.headerHeight, rows))
        status = Rect(x: 0, y: max(0, rows - 2), width: columns, height: rows >= 4 ? 1 : 0)
        hint = Rect(x: 0, y: max(0, rows - 1), width: columns, height: rows >= 3 ? 1 : 0)
        let bodyTop = Self.headerHeight
        let bodyHeight = max(0, rows - Self.headerHeight - 2)

        if detailFullScreen {
            detailPlacement = .fullScreen
            list = Rect(x: 0, y: bodyTop, width: columns, height: 0)
            detail = Rect(x: 0, y: bodyTop, width: columns, height: bodyHeight)
        } else if columns >= Self.besideWidth {
            detailPlacement = .beside
            let detailWidth = max(44, columns * 2 / 5)
            let listWidth = columns - detailWidth - 1
            list = Rect(x: 0, y: bodyTop, width: listWidth, height: bodyHeight)
            detail = Rect(x: listWidth + 1, y: bodyTop, width: detailWidth, height: bodyHeight)
        } else if bodyHeight >= 14 {
            detailPlacement = .below
            let listHeight = max(6, bodyHeight / 2)
            list = Rect(x: 0, y: bodyTop, width: columns, height: listHeight)
            detail = Rect(x: 0, y: bodyTop + listHeight + 1, width: columns, height: bodyHeight - listHeight - 1)
        } else {
            detailPlacement = .hidden
            list = Rect(x: 0, y: bodyTop, width: columns, height: bodyHeight)
            detail = Rect(x: 0, y: bodyTop, width: columns, height: bodyHeight)
        }
    }
}
