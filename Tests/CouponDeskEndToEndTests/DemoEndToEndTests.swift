import CouponCore
import CouponSandbox
import Foundation
import Testing

/// The real `coupondesk demo` binary in a real terminal emulator (tmux), driven by keys and read
/// back with `capture-pane`. Serialized: each test has its own tmux server and sandbox, and the
/// machines these run on have two cores.
@Suite(.serialized) struct DemoEndToEndTests {
    @Test func lookupShowsTheUsersCouponsVerified() throws {
        let demo = try DemoSession()
        let user = try DemoSession.user(withCoupons: 11)
        let first = try DemoSession.firstListedName(of: user)
        try demo.lookUp(user.openid)
        let screen = try demo.tmux.waitForText("page 1 of 1")
        #expect(screen.contains { $0.contains("openid " + user.openid) })
        #expect(screen.contains { $0.contains(first) })
        #expect(screen.contains { $0.contains("✓ verified") })
        #expect(screen.contains { $0.contains("? help") && $0.contains("q quit") })
    }

    @Test func pagingWalksTheServerPagesAndBack() throws {
        let demo = try DemoSession()
        let user = try DemoSession.user(withCoupons: 140)
        let total = DemoSession.issuedByCount(of: user)
        let pages = (total + 19) / 20
        try #require(pages >= 3)
        try demo.lookUp(user.openid)
        try demo.tmux.waitForText("page 1 of \(pages) · 1–20 of \(total)")
        try demo.tmux.press("n")
        try demo.tmux.waitForText("page 2 of \(pages) · 21–40 of \(total)")
        try demo.tmux.press("]")
        try demo.tmux.waitForText("page 3 of \(pages) · 41–60 of \(total)")
        try demo.tmux.press("p")
        try demo.tmux.waitForText("page 2 of \(pages) · 21–40 of \(total)")
    }

    @Test func eachStatusToggleChangesWhatIsAskedAndShown() throws {
        let demo = try DemoSession()
        let user = try DemoSession.user(withCoupons: 11)
        let loaded = DemoSession.issuedByCount(of: user)
        let usable = user.coupons.filter { $0["status"]?.stringValue == "SENDED" }.count
        try demo.lookUp(user.openid)
        try demo.tmux.waitForText("page 1 of 1")

        // Used off while expired and other stay on: no status parameter covers that, so it filters here.
        try demo.tmux.press("2")
        var screen = try demo.tmux.waitForText("filtered here: \(usable) of \(loaded)")
        #expect(screen.contains { $0.contains("2[ ]used") })
        #expect(!screen.contains { $0.hasPrefix("used ") })

        // Only usable left on: the server is asked with status=SENDED.
        try demo.tmux.press("3")
        try demo.tmux.waitForText("3[ ]expired")
        try demo.tmux.press("4")
        screen = try demo.tmux.waitForText("status=SENDED")
        #expect(screen.contains { $0.contains("4[ ]other") })
        try demo.tmux.waitForText("page 1 of 1 · 1–\(usable) of \(usable)")

        // All on again, then usable off: only used rows remain.
        try demo.tmux.press("0")
        try demo.tmux.waitForText("4[x]other")
        try demo.tmux.press("1")
        screen = try demo.tmux.waitForText("1[ ]usable")
        #expect(!screen.contains { $0.hasPrefix("usable ") })
        #expect(screen.contains { $0.hasPrefix("used ") })
    }

    @Test func filterNarrowsAsTypedAndEscapeClearsIt() throws {
        let demo = try DemoSession()
        let user = try DemoSession.user(withCoupons: 11)
        let loaded = DemoSession.issuedByCount(of: user)
        let matching = user.coupons.filter { coupon in
            coupon["status"]?.stringValue != "EXPIRED" && coupon["coupon_name"]?.stringValue?.contains("消费金") == true
        }.count
        try #require(matching > 0 && matching < loaded)
        try demo.lookUp(user.openid)
        try demo.tmux.waitForText("page 1 of 1")
        try demo.tmux.press("/")
        try demo.tmux.type("消费金")
        let first = try DemoSession.firstListedName(of: user)
        try #require(!first.contains("消费金"))
        let screen = try demo.tmux.waitForText("filtered here: \(matching) of \(loaded)")
        #expect(!screen.contains { $0.contains(first) })
        try demo.tmux.press("Escape")
        try demo.tmux.waitForText(first)
        try demo.tmux.waitForTextGone("filtered here")
    }

    @Test func detailShowsAmountsAndTheGoodsTable() throws {
        let demo = try DemoSession()
        let user = try DemoSession.user(withCoupons: 11)
        let shown = user.coupons.filter { $0["status"]?.stringValue != "EXPIRED" }
        // The first used coupon with goods lines, and its place in the list (server order).
        let position = try #require(
            shown.firstIndex { ($0["consume_information"]?["goods_detail"]?.arrayValue?.count ?? 0) > 0 }
        )
        let coupon = shown[position]
        let name = try #require(coupon["coupon_name"]?.stringValue)
        let transaction = try #require(coupon["consume_information"]?["transaction_id"]?.stringValue)
        let amount = try #require(coupon["normal_coupon_information"]?["coupon_amount"]?.int64Value)
        let minimum = try #require(coupon["normal_coupon_information"]?["transaction_minimum"]?.int64Value)
        let goods = coupon["consume_information"]?["goods_detail"]?.arrayValue ?? []
        let discounts = Money(fen: goods.reduce(0) { $0 + ($1["discount_amount"]?.int64Value ?? 0) })

        try demo.lookUp(user.openid)
        try demo.tmux.waitForText("page 1 of 1")
        try demo.tmux.type(String(repeating: "j", count: position))
        try demo.tmux.press("Enter")
        let screen = try demo.tmux.waitForText("Goods ID")
        #expect(screen.contains { $0.contains(name) })
        let rule = Money(fen: amount).yuanText + " off an order of " + Money(fen: minimum).yuanText
        #expect(screen.contains { $0.contains(rule) })
        #expect(screen.contains { $0.contains(transaction) })
        #expect(screen.contains { $0.contains("Total") && $0.contains(discounts.yuanText) })
        try demo.tmux.press("f")
        try demo.tmux.waitForScreen(timeout: 10, "the detail full screen") { lines in
            !lines.contains { $0.contains("│") } && lines.contains { $0.contains("Goods ID") }
        }
    }

    @Test func faultUserShowsCodeExplanationAndRequestID() throws {
        let demo = try DemoSession()
        try demo.lookUp(try DemoSession.user(with: .badSignature).openid)
        var screen = try demo.tmux.waitForText("Request-ID")
        #expect(screen.contains { $0.contains("Error") })
        #expect(screen.contains { $0.contains("answer not verified") })
        try demo.tmux.press("Escape")
        try demo.tmux.press("Escape")
        screen = try demo.tmux.waitForText("✗ ")
        #expect(!screen.contains { $0.contains("✓ verified") })
    }

    @Test func resizeRelayoutsAndAsksToEnlargeBelowTheMinimum() throws {
        let demo = try DemoSession()
        let user = try DemoSession.user(withCoupons: 11)
        let first = try DemoSession.firstListedName(of: user)
        try demo.lookUp(user.openid)
        try demo.tmux.waitForText("page 1 of 1")
        try demo.tmux.resize(width: 80, height: 24)
        try demo.tmux.waitForText("── Detail")
        try demo.tmux.resize(width: 30, height: 8)
        try demo.tmux.waitForText("enlarge the terminal")
        try demo.tmux.resize(width: 120, height: 40)
        let screen = try demo.tmux.waitForText("page 1 of 1")
        #expect(screen.contains { $0.contains("│") && $0.contains(first) })
    }

    @Test func quitLeavesTheTerminalAsItWas() throws {
        let demo = try DemoSession()
        try demo.lookUp(try DemoSession.user(withCoupons: 11).openid)
        try demo.tmux.waitForText("page 1 of 1")
        try demo.tmux.press("q")
        #expect(try demo.waitForExit() == 0)
        let terminal = try demo.terminalIsSane()
        #expect(terminal.canonical)
        #expect(terminal.echo)
        #expect(!terminal.alternateScreen)
    }

    @Test func sigtermLeavesTheTerminalAsItWas() throws {
        let demo = try DemoSession()
        #expect(kill(try demo.pid(), SIGTERM) == 0)
        #expect(try demo.waitForExit() != 0)
        let terminal = try demo.terminalIsSane()
        #expect(terminal.canonical)
        #expect(terminal.echo)
        #expect(!terminal.alternateScreen)
    }

    @Test func vt100WithoutColourDrawsInPlainASCII() throws {
        let demo = try DemoSession(
            width: 80,
            height: 24,
            term: "vt100",
            arguments: ["--ascii"],
            environment: ["NO_COLOR": "1"]
        )
        var screen = try demo.tmux.waitForText("+- Look up a user")
        #expect(!screen.joined().contains("─"))
        let user = try DemoSession.user(withCoupons: 11)
        let loaded = DemoSession.issuedByCount(of: user)
        try demo.lookUp(user.openid)
        let first = try DemoSession.firstListedName(of: user)
        screen = try demo.tmux.waitForText("page 1 of 1 | 1-\(loaded) of \(loaded)")
        #expect(screen.contains { $0.contains(first) })
        try demo.tmux.press("C-c")
        #expect(try demo.waitForExit() == 0)
    }
}
