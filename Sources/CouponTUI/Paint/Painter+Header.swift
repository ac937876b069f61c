import CouponBrowser

extension Frame {
    /// Two lines: who is asking and about whom; then the status toggles, sort, text filter and
    /// the server parameters in force, with what the query mode cannot return.
    mutating func paintHeader() {
        let header = browser.header
        let width = layout.size.columns
        guard layout.header.height > 0 else { return }

        let band = style(.title)
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: band)
        var top: [Span] = [Span(" " + labels.appName + " ", band)]
        let merchant = [header.profileName, header.callerMchid].compactMap { $0 }.filter { !$0.isEmpty }
        top.append(Span(" " + merchant.joined(separator: " ") + " ", style(.merchant)))
        if let openid = header.openid {
            top.append(Span(" openid ", band))
            top.append(Span(openid, band.adding(.underline)))
        } else {
            top.append(Span(" " + browser.labels.noLookup, band))
        }
        // The mode's merchant is worth repeating only when it is not the caller's own mchid.
        var mode = header.modeName
        if let modeMerchant = header.query?.merchantMchid, modeMerchant != header.callerMchid {
            mode += " " + modeMerchant
        }
        top.append(Span(glyphs.separator + mode, band))
        if let appid = header.appid {
            let appidSpan = Span(glyphs.separator + "appid " + appid, band)
            // The appid goes whole or not at all: a cut one would read as another appid.
            let used = top.reduce(0) { $0 + canvas.measure($1.text) }
            if used + canvas.measure(appidSpan.text) <= width {
                top.append(appidSpan)
            }
        }
        canvas.spans(top, x: 0, y: 0, width: width)

        guard layout.header.height > 1 else { return }
        canvas.spans(secondHeaderLine(header), x: 0, y: 1, width: width)
    }

    private func secondHeaderLine(_ header: HeaderModel) -> [Span] {
        var spans: [Span] = [Span(" ", .plain)]
        for (index, toggle) in header.toggles.enumerated() {
            if index > 0 { spans.append(Span("  ", .plain)) }
            spans.append(Span(String(index + 1), style(.key)))
            spans.append(Span(toggle.isOn ? "[x]" : "[ ]", toggle.isOn ? style(.toggleOn) : style(.toggleOff)))
            let nameStyle = toggle.isOn ? style(role(for: toggle.category)) : style(.toggleOff)
            spans.append(Span(toggle.name, nameStyle))
            if let count = toggle.count {
                spans.append(Span(" " + String(count), toggle.isOn ? style(.text) : style(.toggleOff)))
            }
        }

        if header.sort.column != .serverOrder {
            spans.append(Span(glyphs.separator, style(.muted)))
            spans.append(Span(header.sortText, style(.text)))
            spans.append(Span(" " + (header.sort.isDescending ? glyphs.descending : glyphs.ascending), style(.key)))
        }
        if let filter = header.textFilter {
            spans.append(Span(glyphs.separator, style(.muted)))
            spans.append(Span("/" + filter, style(.warning)))
        }
        if let query = header.query {
            let shown = query.parameters.filter { $0.name != "appid" && $0.name != query.mode.merchantParameter }
            let text =
                shown.isEmpty ? labels.noServerFilter : shown.map { $0.name + "=" + $0.value }.joined(separator: " ")
            spans.append(Span(glyphs.separator, style(.muted)))
            spans.append(Span(labels.serverFilters + ": ", style(.label)))
            spans.append(Span(text, style(.text)))
        }
        for note in header.notes {
            spans.append(Span(glyphs.separator, style(.muted)))
            spans.append(Span(note, style(.warning)))
        }
        return spans
    }

    /// The role of a status category's word.
    func role(for category: StatusCategory) -> Role {
        switch category {
        case .usable: return .usable
        case .used: return .used
        case .expired: return .expired
        case .other: return .otherStatus
        }
    }
}
