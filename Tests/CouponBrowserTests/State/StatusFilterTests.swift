import CouponCore
import Testing

@testable import CouponBrowser

@Suite struct StatusFilterTests {
    /// Every subset of the four toggles.
    static let combinations: [Set<StatusCategory>] = (0..<16).map { bits in
        Set(StatusCategory.allCases.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element))
    }

    /// The narrowest `status` the API offers for each set (API: SENDED = usable, USED = usable + used).
    static func expectedStatus(_ enabled: Set<StatusCategory>) -> String? {
        if enabled == [.usable] { return "SENDED" }
        if !enabled.isEmpty, enabled.isSubset(of: [.usable, .used]) { return "USED" }
        return nil
    }

    let server = FakeServer(
        coupons: CouponFixtures.mixed(12)
            + [CouponFixtures.coupon(id: "900", status: "RECOVER"), CouponFixtures.coupon(id: "901", status: "")]
    )

    @Test(arguments: combinations)
    func issuedByAsksTheNarrowestStatusAndFiltersTheRestHere(_ enabled: Set<StatusCategory>) throws {
        var state = CouponFixtures.state()
        for category in StatusCategory.allCases where !enabled.contains(category) {
            _ = state.apply(.toggleStatus(category))
        }
        let effects = state.apply(.lookup(CouponFixtures.lookup()))
        let request = try #require(BrowserState.fetches(effects).first)
        #expect(request.query.status == Self.expectedStatus(enabled))
        #expect(state.serverStatus == Self.expectedStatus(enabled))
        state.answerAll(effects, from: server)

        let returned = server.matching(request.query)
        let expected = returned.filter { enabled.contains(StatusCategory($0.status)) }.map(\.couponID)
        #expect(state.list.visible.map { state.list.rows[$0].id } == expected)

        let report = state.localFilter
        // API: creator_mchid answers hold every status but expired, whatever `status` asks.
        let covered = StatusFilter.coverage(ofServerStatus: request.query.status, in: .issuedBy)
        #expect(!covered.contains(.expired))
        #expect(report.filtersStatus == !covered.isSubset(of: enabled))
        #expect(report.loadedRows == returned.count)
        #expect(report.shownRows == expected.count)

        let filtered = state.statusLine.segments.first { $0.kind == .localFilter }?.text
        if report.filtersStatus {
            #expect(filtered == "filtered here: \(expected.count) of \(returned.count) received")
        } else {
            #expect(filtered == nil)
        }

        for toggle in state.statusToggles {
            #expect(toggle.isOn == enabled.contains(toggle.category))
            if covered.contains(toggle.category) {
                let count = returned.filter { StatusCategory($0.status) == toggle.category }.count
                #expect(toggle.count == count)
            } else {
                #expect(toggle.count == nil, "a status the query cannot return has no known count")
            }
        }
        let notes = state.serverQuery?.notes ?? []
        #expect(notes.contains(.expiredNeverReturned) == enabled.contains(.expired))
    }

    @Test(arguments: combinations)
    func usableAtSendsNoStatusAndFiltersHere(_ enabled: Set<StatusCategory>) throws {
        var state = CouponFixtures.state()
        for category in StatusCategory.allCases where !enabled.contains(category) {
            _ = state.apply(.toggleStatus(category))
        }
        let effects = state.apply(.lookup(CouponFixtures.lookup(mode: .usableAt)))
        let request = try #require(BrowserState.fetches(effects).first)
        #expect(request.query.status == nil)
        #expect(request.query.availableMchid == CouponFixtures.callerMchid)
        #expect(request.query.creatorMchid == nil)
        state.answerAll(effects, from: server)

        let returned = server.matching(request.query)
        let expected = returned.filter { enabled.contains(StatusCategory($0.status)) }
        #expect(state.list.visible.count == expected.count)
        // API: available_mchid answers hold usable coupons only, so only switching usable off hides any.
        #expect(state.localFilter.filtersStatus == !enabled.contains(.usable))
        for toggle in state.statusToggles {
            #expect((toggle.count == nil) == (toggle.category != .usable), "only usable coupons can come")
        }
        #expect(state.localFilter.loadedRows == returned.count)
        #expect(state.serverQuery?.notes.contains(.usableOnly) == true)
        #expect(state.serverQuery?.ignoredByAPI == ["stock_id", "status", "offset", "limit"])
    }

    @Test func showAllSwitchesEveryToggleOn() {
        var state = CouponFixtures.state()
        _ = state.apply(.toggleStatus(.used))
        _ = state.apply(.toggleStatus(.expired))
        #expect(!state.statusFilter.isAll)
        _ = state.apply(.showAllStatuses)
        #expect(state.statusFilter.isAll)
    }

    @Test func noToggleOnHidesEverythingAndSaysWhy() {
        var state = CouponFixtures.state()
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        for category in StatusCategory.allCases { _ = state.apply(.toggleStatus(category)) }
        #expect(state.list.visible.isEmpty)
        #expect(state.emptyState == .allHidden(message: "no status is switched on"))
    }

    @Test func modeSwitchRefetchesAndSaysWhatIsIgnored() throws {
        var state = CouponFixtures.state()
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup(stockID: "9856000"))), from: server)
        #expect(
            state.serverQuery?.parameterText
                == "appid=\(CouponFixtures.appid) stock_id=9856000 creator_mchid=1900000109"
        )
        let effects = state.apply(.switchQueryMode)
        let request = try #require(BrowserState.fetches(effects).first)
        #expect(state.queryMode == .usableAt)
        #expect(request.query.stockID == nil)
        let summary = try #require(state.serverQuery)
        #expect(summary.parameterText == "appid=\(CouponFixtures.appid) available_mchid=1900000109")
        #expect(summary.notes.contains(.ignoredParameters(["stock_id"])))
        #expect(state.header.notes.contains("ignored by the API in this mode: stock_id"))
        #expect(state.header.modeName == "usable at")
    }
}
