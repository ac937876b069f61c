import CouponBrowser
import CouponCore

/// Turns the browser's state and the front end's own into the grid of cells for one frame.
///
/// Pure: no ncurses, no clock, no environment. The same painter feeds the terminal and the
/// snapshot tests, so a snapshot shows exactly what an agent sees.
///
/// Unicode or ASCII follows the browser's `BrowserConfiguration.glyphs`, so the chrome and the
/// browser's own text always agree.
public struct Painter: Sendable {
    public let keyMap: KeyMap
    public let theme: Theme

    public init(keyMap: KeyMap = .standard, colorMode: ColorMode) {
        self.keyMap = keyMap
        self.theme = Theme(mode: colorMode)
    }

    /// The most lines an error takes above the status line.
    static let maximumErrorLines = 3

    /// The frame for `browser` and `screen` at the browser's terminal size.
    public func paint(_ browser: BrowserState, _ screen: ScreenState) -> ScreenGrid {
        let glyphs: Glyphs = browser.configuration.glyphs.isASCII ? .ascii : .unicode
        var frame = Frame(
            painter: self,
            browser: browser,
            screen: screen,
            glyphs: glyphs,
            canvas: Canvas(
                width: browser.size.columns,
                height: browser.size.rows,
                widthOptions: browser.configuration.width,
                glyphs: glyphs.text
            )
        )
        frame.paint()
        return frame.canvas.grid
    }
}

/// One frame being painted: the inputs, the canvas, and the regions worked out for this frame.
struct Frame {
    let painter: Painter
    let browser: BrowserState
    let screen: ScreenState
    let glyphs: Glyphs
    var canvas: Canvas
    let labels: ScreenLabels
    let layout: BrowserLayout

    init(painter: Painter, browser: BrowserState, screen: ScreenState, glyphs: Glyphs, canvas: Canvas) {
        self.painter = painter
        self.browser = browser
        self.screen = screen
        self.glyphs = glyphs
        self.canvas = canvas
        self.labels = ScreenLabels(language: browser.configuration.language)
        self.layout = browser.layout
    }

    var theme: Theme { painter.theme }

    func style(_ role: Role) -> CellStyle { theme.style(role) }

    mutating func paint() {
        guard !layout.isTooSmall else {
            paintTooSmall()
            return
        }
        paintHeader()

        let errorLines = errorBandLines()
        var list = layout.list
        var detail = layout.detail
        var placement = layout.detailPlacement
        if !errorLines.isEmpty {
            let bottom = layout.status.y - errorLines.count
            list.height = max(0, min(list.height, bottom - list.y))
            detail.height = max(0, min(detail.height, bottom - detail.y))
            if placement == .below, detail.height < 2 { placement = .hidden }
            paintErrorBand(errorLines, y: bottom)
        }

        switch placement {
        case .fullScreen:
            paintDetail(in: detail)
        case .beside:
            paintList(in: list)
            paintVerticalSeparator(x: list.maxX, from: list.y, to: list.maxY)
            paintDetail(in: detail)
        case .below:
            paintList(in: list)
            paintHorizontalSeparator(y: list.maxY, width: layout.size.columns)
            paintDetail(in: detail)
        case .hidden:
            paintList(in: list)
        }

        paintStatusLine()
        if browser.focus == .filterPrompt {
            paintFilterLine()
        } else {
            paintHintLine()
        }

        if browser.focus == .lookupPrompt, browser.prompt.isOpen {
            paintBackdrop()
            paintPrompt()
        }
        if screen.showsDialog(for: browser), let error = browser.error {
            paintBackdrop()
            paintDialog(error)
        }
        if screen.isHelpOpen {
            paintHelp()
        }
    }

    /// Dims everything drawn so far, so a dialog on top is plainly what the keys act on.
    ///
    /// The screen below keeps its text (the agent still sees whose coupons they are), but loses its
    /// colours, reverse and underline, so no stray piece of it reads as part of the dialog.
    mutating func paintBackdrop() {
        canvas.grid.restyle(canvas.grid.bounds, style: style(.backdrop))
        canvas.grid.cursor = nil
        // The hint line speaks for the dialog's keys, so it stays lit.
        if browser.focus != .filterPrompt { paintHintLine() }
    }

    /// The width of a centered dialog that would like `preferred` cells: the whole width when the
    /// margins left beside it would be only a few columns, which read as stray characters.
    func dialogWidth(preferred: Int) -> Int {
        let columns = layout.size.columns
        return columns - preferred < Frame.minimumDialogMargin * 2 ? columns : preferred
    }

    /// The fewest columns of the screen below worth showing on each side of a dialog.
    static let minimumDialogMargin = 4

    mutating func paintTooSmall() {
        let size = layout.size
        let minimum = BrowserLayout.minimumSize
        let lines = [
            labels.enlarge(columns: minimum.columns, rows: minimum.rows, times: glyphs.times),
            labels.currentSize(columns: size.columns, rows: size.rows, times: glyphs.times),
        ]
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let cut = canvas.truncate(line, to: size.columns)
            let x = max(0, (size.columns - canvas.measure(cut)) / 2)
            canvas.text(
                cut,
                x: x,
                y: top + offset,
                maxWidth: size.columns - x,
                style: offset == 0 ? style(.warning) : style(.muted)
            )
        }
    }

    mutating func paintVerticalSeparator(x: Int, from top: Int, to bottom: Int) {
        let role: Role = browser.focus == .detail ? .key : .border
        for y in top..<max(top, bottom) {
            canvas.grid.put(glyphs.vertical, cellWidth: 1, x: x, y: y, style: style(role))
        }
    }

    mutating func paintHorizontalSeparator(y: Int, width: Int) {
        let role: Role = browser.focus == .detail ? .key : .border
        for x in 0..<width {
            canvas.grid.put(glyphs.horizontal, cellWidth: 1, x: x, y: y, style: style(role))
        }
        let title = " " + labels.detailTitle + " "
        canvas.text(title, x: 2, y: y, maxWidth: max(0, width - 4), style: style(role).adding(.bold))
    }
}
