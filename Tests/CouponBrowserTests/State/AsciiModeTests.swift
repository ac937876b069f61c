import CouponCore
import Testing

@testable import CouponBrowser

/// `--ascii`: everything the browser writes keeps to ASCII punctuation, while Chinese from data and labels stays.
@Suite struct AsciiModeTests {
    /// One coupon of every shape the list and the detail know, with ambiguous-width punctuation in the data.
    static let shapes: [Coupon] = [
        CouponFixtures.coupon(id: "1001", name: "星巴克·拿铁 – 满100减20…"),
        CouponFixtures.coupon(id: "1002", name: "“新人”无门槛券", amount: 500, minimum: 0),
        CouponFixtures.coupon(id: "1003", name: "单品①减至券", type: "CUT_TO", cutTo: (1000, 100), singleItem: .bool(true)),
        CouponFixtures.coupon(id: "1004", name: "消费金", businessType: "MULTIUSE", balance: 3050),
        CouponFixtures.coupon(id: "1005", name: "消费金（无余额）", businessType: "MULTIUSE"),
        CouponFixtures.coupon(
            id: "1006",
            name: "已用券",
            status: "USED",
            consume: CouponFixtures.consumption(goods: [("SKU—001", 2, 1500, 300), ("午餐·套餐", 1, 2800, 0)])
        ),
        CouponFixtures.coupon(id: "1007", name: "已用无核销", status: "USED"),
        CouponFixtures.coupon(id: "1008", name: "已到期仍可用", ends: CouponFixtures.time(days: -3)),
        CouponFixtures.coupon(
            id: "1009",
            name: "未开始",
            begins: CouponFixtures.time(days: 4),
            ends: CouponFixtures.time(days: 30)
        ),
        CouponFixtures.coupon(
            id: "1010",
            name: "回收券",
            status: "RECOVER",
            type: "DISCOUNT",
            noCash: .null,
            singleItem: .null,
            extra: [
                JSONMember("out_request_no", .string("R·1")),
                JSONMember("tags", .array([.string("★"), .string("限时")])),
            ]
        ),
        CouponFixtures.coupon(id: "1011", name: "\u{1B}[31m红包\u{07}\u{202E}"),
        CouponFixtures.coupon(id: "1012", name: "今天到期", ends: CouponFixtures.time(hours: 6)),
        CouponFixtures.coupon(id: "1013", name: "明天到期", ends: CouponFixtures.time(days: 1)),
    ]

    /// Shapes the "issued by" answers of the fake server never hold.
    static let expiredShapes: [Coupon] = [
        CouponFixtures.coupon(id: "2001", name: "过期券", status: "EXPIRED", ends: CouponFixtures.time(days: -1)),
        CouponFixtures.coupon(id: "2002", name: "提前过期", status: "EXPIRED", ends: CouponFixtures.time(days: 9)),
    ]

    /// The scalars of `text` a terminal in ASCII mode could draw other than as measured: anything but
    /// printable ASCII, `¥` and East Asian wide characters (Chinese, fullwidth punctuation).
    static func offending(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            if scalar.value >= 0x20, scalar.value < 0x7F { return false }
            if scalar == "¥" { return false }
            return DisplayWidth.of(scalar) != 2
        }
    }

    /// Every string the screen models hold, as a painter would draw them.
    static func screenText(_ state: BrowserState) -> [String] {
        var texts: [String] = []
        let header = state.header
        texts += [header.profileName ?? "", header.callerMchid, header.modeName, header.sortText]
        texts += [header.openid ?? "", header.appid ?? "", header.textFilter ?? ""]
        texts += header.notes + header.toggles.map(\.name)
        texts += header.query.map { [$0.parameterText] + $0.parameters.map(\.value) } ?? []

        for width in [state.layout.list.width, 36] {
            let slots = state.columns(width: width)
            texts += slots.map(\.title) + slots.compactMap(\.sortMark)
            for visible in state.rowsOnScreen {
                texts += visible.row.cells(in: slots)
            }
        }
        texts += state.detailLines.flatMap { [$0.label, $0.text] }
        if let detail = state.detail {
            texts += detail.lines(width: 28).flatMap { [$0.label, $0.text] }
        }
        texts += state.statusLine.segments.map(\.text)
        if let error = state.error { texts.append(state.errorText(error)) }
        switch state.emptyState {
        case .noLookup(let message)?, .loading(let message)?, .allHidden(let message)?:
            texts.append(message)
        case .noCoupons(let message, let asked)?:
            texts += [message, asked]
        case .failed?, nil:
            break
        }
        texts += [state.prompt.error ?? "", state.notice?.text ?? ""]
        texts.append(state.prompt.openid.visible(width: 20, glyphs: state.configuration.glyphs).text)
        return texts
    }

    /// Drives a browser through every state of the list and the status line, collecting what each shows.
    static func everyScreen(language: Language, glyphs: GlyphSet, size: TerminalSize) -> [String] {
        let server = FakeServer(coupons: shapes)
        var state = CouponFixtures.state(
            language: language,
            pageSize: 5,
            prefetchDistance: 0,
            size: size,
            viewerZone: DisplayTimeZone(identifier: "+01:00") ?? .utc,
            glyphs: glyphs
        )
        var texts = screenText(state)

        // A lookup that fails validation reopens the prompt with the reason.
        _ = state.apply(.lookup(LookupRequest(openid: "o\u{1B}[2J", appid: CouponFixtures.appid)))
        texts += screenText(state)
        _ = state.apply(.cancelLookup)

        let first = state.apply(.lookup(CouponFixtures.lookup()))
        texts += screenText(state)
        state.answerAll(first, from: server)
        for column in SortColumn.allCases {
            _ = state.apply(.sort(by: column))
            texts += screenText(state)
            _ = state.apply(.sort(by: column))
            texts += screenText(state)
        }
        for page in 0..<3 {
            if page > 0 {
                let effects = state.apply(.nextPage)
                texts += screenText(state)
                state.answerAll(effects, from: server)
            }
            for row in 0..<state.list.shownCount {
                _ = state.apply(.select(row: row))
                texts += screenText(state)
                _ = state.apply(.copyTransactionID)
                texts += screenText(state)
                _ = state.apply(.copyCouponID)
                texts += screenText(state)
            }
        }
        _ = state.apply(.nextPage)
        texts += screenText(state)

        _ = state.apply(.tick(secondsSince1970: CouponFixtures.now + 86_400))
        texts += screenText(state)

        _ = state.apply(.setTextFilter("券·"))
        texts += screenText(state)
        _ = state.apply(.setTextFilter("no such coupon"))
        texts += screenText(state)
        _ = state.apply(.setTextFilter(""))

        // Expired and other off leave usable and used: the query changes to `status=USED`.
        _ = state.apply(.toggleStatus(.expired))
        texts += screenText(state)
        let filtered = state.apply(.toggleStatus(.other))
        texts += screenText(state)
        if let request = BrowserState.fetches(filtered).first {
            let failure = CouponClientError.api(
                APIError(
                    statusCode: 400,
                    code: "APPID_MCHID_NOT_MATCH",
                    message: "商户号与appid不匹配…",
                    requestID: "08F7·8BB5",
                    isSignatureVerified: true
                )
            )
            _ = state.apply(.pageFailed(request.id, failure))
            texts += screenText(state)
        }
        let refresh = state.apply(.refresh)
        if let request = BrowserState.fetches(refresh).first {
            _ = state.apply(.pageFailed(request.id, .transport(.timedOut(seconds: 10))))
            texts += screenText(state)
        }

        for category in StatusCategory.allCases where state.statusFilter.isOn(category) {
            _ = state.apply(.toggleStatus(category))
        }
        texts += screenText(state)

        var empty = CouponFixtures.state(language: language, size: size, glyphs: glyphs)
        empty.answerAll(
            empty.apply(.lookup(CouponFixtures.lookup(mode: .usableAt, stockID: "9856000"))),
            from: FakeServer(coupons: [])
        )
        texts += screenText(empty)
        return texts
    }

    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 130, rows: 40)]

    @Test(arguments: [Language.english, .chinese])
    func asciiModeShowsNoAmbiguousOrBoxDrawingCharacter(_ language: Language) {
        for size in Self.sizes {
            let texts = Self.everyScreen(language: language, glyphs: .ascii, size: size)
            #expect(texts.count > 500)
            for text in texts {
                let bad = Self.offending(text)
                #expect(bad.isEmpty, "\(text): \(bad.map { "U+" + String($0.value, radix: 16) })")
            }
        }
    }

    @Test(arguments: [Language.english, .chinese])
    func unicodeModeUsesItsOwnPunctuation(_ language: Language) {
        let texts = Self.everyScreen(language: language, glyphs: .unicode, size: Self.sizes[0])
        let all = texts.joined(separator: "\n")
        for mark in ["·", "–", "…", "▲", "▼", "␛"] {
            #expect(all.contains(mark), "\(mark)")
        }
        #expect(all.contains("≤") == (language == .chinese), "the English rule says \"up to\"")
    }

    @Test(arguments: [Language.english, .chinese])
    func asciiModeKeepsChineseFromDataAndLabels(_ language: Language) {
        let texts = Self.everyScreen(language: language, glyphs: .ascii, size: Self.sizes[1])
        let all = texts.joined(separator: "\n")
        #expect(all.contains("星巴克.拿铁 - 满100减20..."))
        #expect(all.contains("\"新人\"无门槛券"))
        #expect(all.contains("单品(1)减至券"))
        #expect(all.contains("^[[31m红包^G<RLO>"))
        #expect(all.contains("SKU-001"))
        if language == .chinese {
            #expect(all.contains("单价 <= ¥10.00 的商品减至 ¥1.00"))
            #expect(all.contains("第 1/3 页 | 1-5 / 共 13 条"))
            #expect(all.contains("（产品中心 -> AppID账号管理）") || all.contains("「产品中心 -> AppID账号管理」"))
        } else {
            #expect(all.contains("page 1 of 3 | 1-5 of 13"))
            #expect(all.contains("(产品中心 -> AppID账号管理)"))
            #expect(all.contains("loading page 2..."))
        }
    }

    @Test(arguments: [Language.english, .chinese])
    func everyDetailShapeIsASCIIPunctuated(_ language: Language) {
        let labels = Labels(language, glyphs: .ascii)
        let time = TimeFormatter(displayZone: .shanghai, viewerZone: .utc)
        for coupon in Self.shapes + Self.expiredShapes {
            let detail = CouponDetail(coupon: coupon, labels: labels, time: time, now: CouponFixtures.now)
            for width in [20, 44, 90] {
                for line in detail.lines(width: width) {
                    #expect(Self.offending(line.label + line.text).isEmpty, "\(coupon.couponID): \(line)")
                }
            }
            let row = CouponRow(coupon: coupon, serverIndex: 0, labels: labels, time: time)
            for column in ListColumn.allCases {
                #expect(Self.offending(row.cell(column).text).isEmpty)
                #expect(
                    Self.offending(row.cell(column).truncated(toWidth: 3, ellipsis: labels.glyphs.ellipsis)).isEmpty
                )
            }
        }
    }

    @Test func textFilterMatchesWhatASCIIModeShows() {
        var state = CouponFixtures.state(glyphs: .ascii)
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: FakeServer(coupons: Self.shapes))
        _ = state.apply(.setTextFilter("星巴克.拿铁"))
        #expect(state.list.visible.map { state.list.rows[$0].id } == ["1001"], "typed as shown")
        _ = state.apply(.setTextFilter("星巴克·拿铁"))
        #expect(state.list.visible.map { state.list.rows[$0].id } == ["1001"], "pasted from the data")
    }

    @Test func clipboardGetsTheIDAsTheAPISentIt() {
        let coupon = CouponFixtures.coupon(id: "ID·7", name: "x")
        var state = CouponFixtures.state(glyphs: .ascii)
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: FakeServer(coupons: [coupon]))
        #expect(state.apply(.copyCouponID) == [.copyToClipboard("ID·7", target: .couponID)])
        #expect(state.notice?.text == "copied coupon id ID.7")
    }
}
