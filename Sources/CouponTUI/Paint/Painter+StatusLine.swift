import CouponBrowser
import CouponCore
import Foundation

extension Frame {
    /// The error on screen, wrapped to the width, at most `Painter.maximumErrorLines` lines.
    ///
    /// Empty when there is none, while its dialog covers the screen, or when the body is too short to spare the rows.
    func errorBandLines() -> [String] {
        guard let error = browser.error, !screen.showsDialog(for: browser) else { return [] }
        let width = layout.size.columns
        let bodyRows = layout.status.y - layout.header.height
        guard bodyRows >= 5, width > 4 else { return [] }
        let text = glyphs.failed + " " + browser.errorText(error)
        var lines = TextLayout.wrapped(text, toWidth: width - 1, options: browser.configuration.width)
        let limit = min(Painter.maximumErrorLines, bodyRows - 3)
        if lines.count > limit {
            let rest = lines[(limit - 1)...].joined(separator: " ")
            lines = Array(lines.prefix(limit - 1)) + [canvas.truncate(rest, to: width - 1)]
        }
        return lines
    }

    mutating func paintErrorBand(_ lines: [String], y: Int) {
        for (offset, line) in lines.enumerated() {
            let row = Rect(x: 0, y: y + offset, width: layout.size.columns, height: 1)
            canvas.fill(row, style: style(.error))
            canvas.text(line, x: 0, y: row.y, maxWidth: row.width, style: style(.error))
        }
    }

    /// Page and rows, local filtering, the spinner, latency and verification; notices from outside too.
    ///
    /// When the line is too narrow the latency goes first, then the key id after the verified mark
    /// (and the latency comes back if that makes room); the mark itself is never cut away.
    mutating func paintStatusLine() {
        guard layout.status.height > 0 else { return }
        let model = browser.statusLine
        let width = layout.size.columns
        let verified = model.segments.first { $0.kind == .verified }

        let withLatency = statusSpans(model, includingLatency: true)
        guard let verified else {
            canvas.spans(withLatency, x: 0, y: layout.status.y, width: width)
            return
        }
        let fullMark = glyphs.verified + " " + verified.text
        let shortMark =
            glyphs.verified + " " + browser.labels.verified(serial: "").trimmingCharacters(in: .whitespaces)
        let withoutLatency = statusSpans(model, includingLatency: false)
        let candidates = [(withLatency, fullMark), (withoutLatency, fullMark), (withLatency, shortMark)]
        var (spans, mark) = (withoutLatency, shortMark)
        for (candidateSpans, candidateMark) in candidates
        where measure(candidateSpans) + canvas.measure(glyphs.separator + candidateMark) <= width {
            (spans, mark) = (candidateSpans, candidateMark)
            break
        }
        let separator = spans.count > 1 ? glyphs.separator : ""
        let reserved = canvas.measure(separator + mark)
        let used = canvas.spans(spans, x: 0, y: layout.status.y, width: max(0, width - reserved))
        let tail = [Span(separator, style(.muted)), Span(mark, style(.success))]
        canvas.spans(tail, x: used, y: layout.status.y, width: max(0, width - used))
    }

    private func measure(_ spans: [Span]) -> Int {
        spans.reduce(0) { $0 + canvas.measure($1.text) }
    }

    /// Every status segment but the verified mark, as spans, with notices from outside before the latency.
    private func statusSpans(_ model: StatusLineModel, includingLatency: Bool) -> [Span] {
        let showsErrorBand = !errorBandLines().isEmpty
        var spans: [Span] = [Span(" ", .plain)]
        var first = true

        func separate() {
            if !first { spans.append(Span(glyphs.separator, style(.muted))) }
            first = false
        }
        // Appends to the captured spans; passing them inout beside `separate` would be an overlapping access.
        func appendNotices() {
            for notice in screen.notices {
                separate()
                spans.append(Span(glyphs.failed + " " + notice, style(.warning)))
            }
        }

        var externalShown = false
        for segment in model.segments {
            if segment.kind == .latency, !externalShown {
                appendNotices()
                externalShown = true
            }
            if segment.kind == .error, showsErrorBand { continue }
            if segment.kind == .verified { continue }
            if segment.kind == .latency, !includingLatency { continue }
            separate()
            switch segment.kind {
            case .page:
                spans.append(Span(segment.text, style(.text)))
            case .localFilter, .previous, .warning:
                spans.append(Span(segment.text, style(.warning)))
            case .loading:
                spans.append(Span(spinnerText() + segment.text, style(.key)))
            case .latency:
                spans.append(Span(segment.text, style(.muted)))
            case .verified:
                break
            case .notice:
                spans.append(Span(segment.text, style(.success)))
            case .error:
                spans.append(Span(glyphs.failed + " " + segment.text, style(.error)))
            }
        }
        if !externalShown {
            appendNotices()
        }
        return spans
    }

    /// The keys that matter where the focus is, from the key map; whole entries only.
    mutating func paintHintLine() {
        guard layout.hint.height > 0 else { return }
        let context = screen.keyContext(for: browser)
        let width = layout.size.columns
        let language = browser.configuration.language
        let hints = painter.keyMap.hints(in: context)
        func cells(_ hint: KeyMap.Hint) -> Int {
            canvas.measure(hint.keys) + 1 + canvas.measure(hint.text(language))
        }

        let pinned = hints.filter(\.isPinned)
        let pinnedWidth = pinned.reduce(0) { $0 + cells($1) + 2 }
        var right = max(1, width - pinnedWidth)
        for hint in pinned {
            right += drawHint(hint, x: right, width: width, language: language) + 2
        }

        var x = 1
        for hint in hints where !hint.isPinned {
            guard x + cells(hint) + 2 <= width - pinnedWidth else { break }
            x += drawHint(hint, x: x, width: width, language: language) + 2
        }
    }

    private mutating func drawHint(_ hint: KeyMap.Hint, x: Int, width: Int, language: Language) -> Int {
        var used = canvas.text(hint.keys, x: x, y: layout.hint.y, maxWidth: width - x, style: style(.key))
        used += 1
        used += canvas.text(
            hint.text(language),
            x: x + used,
            y: layout.hint.y,
            maxWidth: max(0, width - x - used),
            style: style(.muted)
        )
        return used
    }

    /// The `/` line while the text filter is typed: the text, the cursor, and what Enter and Esc do.
    mutating func paintFilterLine() {
        guard layout.hint.height > 0 else { return }
        let y = layout.hint.y
        let width = layout.size.columns
        canvas.text("/", x: 0, y: y, maxWidth: 1, style: style(.key))
        let help = labels.filterPrompt
        let helpWidth = canvas.measure(help)
        let fieldWidth = max(1, width - 1 - (width > helpWidth + 20 ? helpWidth + 2 : 0))
        let cursor = paintField(browser.textFilterEditor, x: 1, y: y, width: fieldWidth, style: style(.text))
        canvas.grid.cursor = cursor
        if width > helpWidth + 20 {
            canvas.text(help, x: width - helpWidth - 1, y: y, maxWidth: helpWidth, style: style(.muted))
        }
    }

    /// Draws a line editor's text scrolled so the cursor shows; returns where the cursor is.
    mutating func paintField(_ editor: LineEditor, x: Int, y: Int, width: Int, style: CellStyle) -> Position {
        let visible = editor.visible(width: width, options: browser.configuration.width, glyphs: glyphs.text)
        canvas.text(visible.text, x: x, y: y, maxWidth: width, style: style)
        return Position(x: x + min(visible.cursorColumn, max(0, width - 1)), y: y)
    }
}
