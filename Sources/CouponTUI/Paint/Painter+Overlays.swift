import CouponBrowser
import CouponCore

extension Frame {
    // MARK: - Lookup prompt

    /// A box in the middle: the openid field, the appid field when the profile has several, why the
    /// last try did not go through, the suggested users, and the keys.
    mutating func paintPrompt() {
        let prompt = browser.prompt
        let size = layout.size
        let width = dialogWidth(preferred: min(96, size.columns))
        let suggestions = screen.suggestions
        var rows = 2 + (prompt.asksForAppid ? 1 : 0) + (prompt.error == nil ? 0 : 1) + 1
        if !suggestions.isEmpty { rows += 2 + suggestions.count }
        let height = min(rows + 2, size.rows - 2)
        let box = Rect(x: 0, y: 0, width: size.columns, height: size.rows).centered(width: width, height: height)
        canvas.box(box, title: labels.promptTitle, glyphs: glyphs, border: style(.key), titleStyle: style(.heading))

        let inner = box.insetBy(1)
        let left = inner.x + 1
        let innerWidth = inner.width - 2
        let labelWidth = 8
        let fieldWidth = max(1, innerWidth - labelWidth)
        var y = inner.y + 1
        var cursor: Position?

        func field(_ label: String, _ editor: LineEditor, focused: Bool, note: String?) -> Position? {
            canvas.text(label, x: left, y: y, maxWidth: labelWidth, style: focused ? style(.key) : style(.label))
            let room = fieldWidth - (note.map { canvas.measure($0) + 2 } ?? 0)
            let fieldStyle = style(.text).adding(.underline)
            canvas.fill(Rect(x: left + labelWidth, y: y, width: max(1, room), height: 1), style: fieldStyle)
            let position = paintField(editor, x: left + labelWidth, y: y, width: max(1, room), style: fieldStyle)
            if let note, room > 10 {
                canvas.text(note, x: left + labelWidth + room + 2, y: y, maxWidth: innerWidth, style: style(.muted))
            }
            return focused ? position : nil
        }

        guard y < inner.maxY else { return }
        cursor = field(labels.openidLabel, prompt.openid, focused: prompt.field == .openid, note: nil)
        y += 1
        if prompt.asksForAppid, y < inner.maxY {
            cursor =
                field(labels.appidLabel, prompt.appid, focused: prompt.field == .appid, note: labels.appidHint)
                ?? cursor
            y += 1
        }
        if let error = prompt.error, y < inner.maxY {
            let text = canvas.truncate(glyphs.failed + " " + error, to: innerWidth)
            canvas.text(text, x: left, y: y, maxWidth: innerWidth, style: style(.error))
            y += 1
        }

        if !suggestions.isEmpty, y + 2 < inner.maxY {
            y += 1
            canvas.text(labels.suggestionsTitle, x: left, y: y, maxWidth: innerWidth, style: style(.heading))
            y += 1
            // As wide as the longest openid, so the descriptions beside them keep the rest.
            let widestOpenid = suggestions.map { canvas.measure(Sanitizer.sanitize($0.openid)) }.max() ?? 0
            let openidWidth = min(widestOpenid, 34, max(12, innerWidth / 2))
            // Show a window of the list that holds the suggestion last picked.
            let room = max(1, inner.maxY - 1 - y)
            let picked = screen.suggestionIndex ?? 0
            let first = min(max(0, picked - room + 1), max(0, suggestions.count - room))
            for (index, suggestion) in suggestions.enumerated().dropFirst(first) {
                guard y < inner.maxY - 1 else { break }
                let selected = index == screen.suggestionIndex
                let rowStyle = selected ? style(.selection) : style(.text)
                if selected { canvas.fill(Rect(x: left, y: y, width: innerWidth, height: 1), style: rowStyle) }
                let marker = selected ? glyphs.pointer + " " : "  "
                let openid = TextLayout.padded(
                    Sanitizer.sanitize(suggestion.openid),
                    toWidth: openidWidth,
                    ellipsis: glyphs.ellipsis,
                    options: browser.configuration.width
                )
                let label = Sanitizer.sanitize(suggestion.label)
                canvas.spans(
                    [
                        Span(marker, rowStyle), Span(openid, rowStyle),
                        Span("  " + label, selected ? rowStyle : style(.muted)),
                    ],
                    x: left,
                    y: y,
                    width: innerWidth
                )
                y += 1
            }
        }

        let keys = canvas.truncate(labels.promptKeys, to: innerWidth)
        canvas.text(keys, x: left, y: inner.maxY - 1, maxWidth: innerWidth, style: style(.muted))
        canvas.grid.cursor = cursor
    }

    // MARK: - Error dialog

    /// The whole report of an error that stops the browser: code and message, what it means,
    /// what to do, the Request-ID, whether the answer was verified, and any further lines.
    mutating func paintDialog(_ error: BrowserError) {
        let report = error.report
        let size = layout.size
        let width = dialogWidth(preferred: min(80, size.columns))
        let innerWidth = max(1, width - 4)
        let options = browser.configuration.width

        var lines: [(String, Role)] = []
        func add(_ label: String?, _ text: String, _ role: Role) {
            let clean = Sanitizer.sanitize(text)
            guard !clean.isEmpty else { return }
            let body = label.map { $0 + ": " + clean } ?? clean
            for line in TextLayout.wrapped(body, toWidth: innerWidth, options: options) {
                lines.append((line, role))
            }
        }
        add(nil, report.code, .error)
        add(labels.messageLabel, report.message, .text)
        if report.explanation != report.message {
            add(labels.explanationLabel, report.explanation, .text)
        }
        add(labels.nextStepLabel, report.nextStep, .text)
        if let requestID = report.requestID {
            add("Request-ID", requestID, .text)
        }
        add(nil, browser.labels.errorVerification(report.isVerified), report.isVerified == true ? .success : .warning)
        for detail in report.detailLines {
            add(nil, detail, .muted)
        }

        let height = min(lines.count + 4, size.rows - 2)
        let box = Rect(x: 0, y: 0, width: size.columns, height: size.rows).centered(width: width, height: height)
        canvas.box(box, title: labels.dialogTitle, glyphs: glyphs, border: style(.error), titleStyle: style(.error))
        let inner = box.insetBy(1)
        for (offset, line) in lines.enumerated() {
            let y = inner.y + offset
            guard y < inner.maxY - 1 else { break }
            canvas.text(line.0, x: inner.x + 1, y: y, maxWidth: innerWidth, style: style(line.1))
        }
        let footer = canvas.truncate(labels.dialogFooter, to: innerWidth)
        canvas.text(footer, x: inner.x + 1, y: inner.maxY - 1, maxWidth: innerWidth, style: style(.muted))
    }

    // MARK: - Help

    /// The key overlay, generated from the key map: each section's keys and what they do, in one
    /// or two columns, scrolled with j/k.
    mutating func paintHelp() {
        let size = layout.size
        // Everything but the hint line, which then says how to close the overlay.
        let box = Rect(x: 0, y: 0, width: size.columns, height: size.rows - 1)
        canvas.box(box, title: labels.helpTitle, glyphs: glyphs, border: style(.key), titleStyle: style(.heading))
        let inner = box.insetBy(1)
        guard inner.height > 1, inner.width > 10 else { return }

        let lines = helpLines()
        let (bodyHeight, columnCount) = Frame.helpGeometry(size)
        let columnWidth = (inner.width - 1) / columnCount
        let perColumn = columnCount == 1 ? lines.count : (lines.count + 1) / 2
        let scroll = min(screen.helpScroll, max(0, perColumn - bodyHeight))
        // The widest keys and two blanks, so `PgDn Ctrl-F Space` does not run into its text.
        let widestKeys = lines.filter { !$0.isHeading }.map { canvas.measure($0.keys) }.max() ?? 0
        let keyWidth = min(widestKeys + 2, max(8, columnWidth / 2))

        for column in 0..<columnCount {
            let columnLines = Array(lines.dropFirst(column * perColumn).prefix(perColumn))
            let x = inner.x + 1 + column * columnWidth
            for row in 0..<bodyHeight {
                let index = scroll + row
                guard index < columnLines.count else { break }
                let line = columnLines[index]
                let y = inner.y + row
                if line.isHeading {
                    canvas.text(line.keys, x: x, y: y, maxWidth: columnWidth - 1, style: style(.heading))
                } else {
                    canvas.text(line.keys, x: x + 1, y: y, maxWidth: keyWidth, style: style(.key))
                    // The next column's own indent keeps a blank after the longest text.
                    let room = max(0, columnWidth - keyWidth - 1)
                    canvas.text(
                        canvas.truncate(line.help, to: room),
                        x: x + 1 + keyWidth,
                        y: y,
                        maxWidth: room,
                        style: style(.text)
                    )
                }
            }
        }
        let footer = canvas.truncate(labels.helpFooter, to: inner.width - 4)
        canvas.text(footer, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 4, style: style(.muted))
        if scroll > 0 {
            canvas.text(glyphs.ascending, x: inner.maxX - 2, y: inner.y, maxWidth: 1, style: style(.key))
        }
        if scroll + bodyHeight < perColumn {
            canvas.text(glyphs.descending, x: inner.maxX - 2, y: inner.maxY - 1, maxWidth: 1, style: style(.key))
        }
    }

    private struct HelpLine {
        var keys: String
        var help: String
        var isHeading: Bool
    }

    private func helpLines() -> [HelpLine] {
        let language = browser.configuration.language
        let overlayOnly: Set<KeyContext> = [.help, .dialog]
        var lines: [HelpLine] = []
        for section in KeyMap.Section.allCases {
            let bindings = painter.keyMap.bindings.filter {
                $0.section == section && !$0.contexts.isSubset(of: overlayOnly)
            }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(HelpLine(keys: "", help: "", isHeading: false)) }
            lines.append(HelpLine(keys: section.title(language), help: "", isHeading: true))
            for binding in bindings {
                lines.append(HelpLine(keys: binding.keyLabels, help: binding.help(language), isHeading: false))
            }
        }
        return lines
    }

    /// The rows of help text on screen and the number of columns, for a terminal of `size`.
    static func helpGeometry(_ size: TerminalSize) -> (rows: Int, columns: Int) {
        // The box leaves the hint line; inside it, one row of border each side and the footer.
        (max(1, size.rows - 4), size.columns - 2 >= 100 ? 2 : 1)
    }

    /// How many lines the help has in one column, for scrolling limits.
    static func helpLineCount(keyMap: KeyMap) -> Int {
        let overlayOnly: Set<KeyContext> = [.help, .dialog]
        var count = 0
        for section in KeyMap.Section.allCases {
            let bindings = keyMap.bindings.filter { $0.section == section && !$0.contexts.isSubset(of: overlayOnly) }
            guard !bindings.isEmpty else { continue }
            count += (count == 0 ? 1 : 2) + bindings.count
        }
        return count
    }
}
