import CouponCore
import Testing

@testable import CouponBrowser

/// Relative sentences stay true without polling: the state says when the next one changes.
@Suite struct TimeChangeTests {
    static let shanghai = TimeFormatter(displayZone: .shanghai, viewerZone: .shanghai)
    /// 2026-12-02T00:00:00+08:00, the first midnight after the fixtures' now.
    static let midnight = CouponFixtures.now + 12 * 3600

    func sentence(
        _ coupon: Coupon,
        _ language: Language = .english,
        time: TimeFormatter = shanghai,
        at now: Int64
    )
        -> String
    {
        CouponDetail.validitySentence(of: coupon, labels: Labels(language), time: time, now: now)
    }

    func next(_ coupon: Coupon, time: TimeFormatter = shanghai, after now: Int64 = CouponFixtures.now) -> Int64? {
        CouponDetail.nextValidityChange(of: coupon, time: time, now: now)
    }

    // MARK: - One sentence

    @Test func expiryInDaysChangesAtMidnightInTheDisplayZone() throws {
        let coupon = CouponFixtures.coupon(id: "1", ends: CouponFixtures.time(days: 3))
        let change = try #require(next(coupon))
        #expect(change == Self.midnight)
        #expect(sentence(coupon, at: change - 1) == "expires in 3 days")
        #expect(sentence(coupon, at: change) == "expires in 2 days")
    }

    @Test func expiryTodayChangesAtTheEndTime() throws {
        let coupon = CouponFixtures.coupon(id: "1", ends: CouponFixtures.time(hours: 6))
        let change = try #require(next(coupon))
        #expect(change == CouponFixtures.now + 6 * 3600)
        #expect(sentence(coupon, at: change - 1) == "expires today at 18:00")
        #expect(sentence(coupon, at: change) == "validity ended 2026-12-01, yet the API still says usable")
        #expect(next(coupon, after: change) == nil, "nothing changes after that")
    }

    @Test func aCouponNotYetBegunChangesWhenItBegins() throws {
        let coupon = CouponFixtures.coupon(
            id: "1",
            begins: CouponFixtures.time(days: 4),
            ends: CouponFixtures.time(days: 30)
        )
        let change = try #require(next(coupon))
        #expect(change == CouponFixtures.now + 4 * 86_400)
        #expect(sentence(coupon, at: change - 1) == "usable from 12-05")
        #expect(sentence(coupon, at: change) == "expires in 26 days")
    }

    @Test func aShortDateGainsItsYearWhenTheYearTurns() throws {
        let coupon = CouponFixtures.coupon(id: "1", status: "USED", consume: CouponFixtures.consumption())
        let change = try #require(next(coupon))
        let newYear = try #require(APITimestamp(rfc3339: "2027-01-01T00:00:00+08:00"))
        #expect(change == newYear.secondsSince1970)
        #expect(sentence(coupon, at: change - 1) == "used 11-29")
        #expect(sentence(coupon, at: change) == "used 2026-11-29")
        #expect(next(coupon, after: change) == nil)
    }

    @Test func settledSentencesNeverChange() {
        let settled = [
            CouponFixtures.coupon(id: "1", status: "EXPIRED", ends: CouponFixtures.time(days: -1)),
            CouponFixtures.coupon(id: "2", ends: CouponFixtures.time(days: -3)),
            CouponFixtures.coupon(id: "3", status: "USED"),
            CouponFixtures.coupon(id: "4", status: "RECOVER", ends: CouponFixtures.time(days: -1)),
        ]
        for coupon in settled {
            #expect(next(coupon) == nil, "\(coupon.couponID)")
        }
    }

    static let zones: [DisplayTimeZone] = [
        .shanghai, .utc, DisplayTimeZone(identifier: "+05:45"), DisplayTimeZone(identifier: "America/New_York"),
    ].compactMap { $0 }

    /// The next change is exact: the sentence holds until the second before it, and differs at it.
    @Test(arguments: zones)
    func nextChangeIsExactlyWhenTheSentenceChanges(_ zone: DisplayTimeZone) throws {
        let time = TimeFormatter(displayZone: zone, viewerZone: .shanghai)
        let yearEnd = try #require(APITimestamp(rfc3339: "2026-12-31T23:59:30+08:00")).secondsSince1970
        let nows = [CouponFixtures.now, Self.midnight - 1, Self.midnight + 7 * 3600 + 13, yearEnd]
        for coupon in AsciiModeTests.shapes + AsciiModeTests.expiredShapes {
            for now in nows {
                let first = sentence(coupon, .chinese, time: time, at: now)
                guard let change = next(coupon, time: time, after: now) else {
                    for day in stride(from: Int64(1), through: 800, by: 7) {
                        #expect(sentence(coupon, .chinese, time: time, at: now + day * 86_400 + 1) == first)
                    }
                    continue
                }
                #expect(change > now)
                let span = change - now
                for step in Int64(1)...32 {
                    let instant = now + span * step / 33
                    #expect(sentence(coupon, .chinese, time: time, at: instant) == first, "\(coupon.couponID)")
                }
                #expect(sentence(coupon, .chinese, time: time, at: change - 1) == first, "\(coupon.couponID)")
                #expect(sentence(coupon, .chinese, time: time, at: change) != first, "\(coupon.couponID) at \(change)")
            }
        }
    }

    @Test func daysAndYearsFollowDaylightSaving() throws {
        let newYork = try #require(DisplayTimeZone(identifier: "America/New_York"))
        let time = TimeFormatter(displayZone: newYork, viewerZone: newYork)
        // A time that does not parse gives a value no answer can equal.
        func instant(_ text: String) -> Int64 { APITimestamp(rfc3339: text)?.secondsSince1970 ?? Int64.min }
        // 2026-03-08 springs forward and 2026-11-01 falls back in New York: 23- and 25-hour days.
        #expect(
            time.startOfNextDay(after: instant("2026-03-07T12:00:00-05:00")) == instant("2026-03-08T00:00:00-05:00")
        )
        #expect(
            time.startOfNextDay(after: instant("2026-03-08T12:00:00-04:00")) == instant("2026-03-09T00:00:00-04:00")
        )
        #expect(
            time.startOfNextDay(after: instant("2026-11-01T00:30:00-04:00")) == instant("2026-11-02T00:00:00-05:00")
        )
        #expect(
            time.startOfNextYear(after: instant("2026-06-01T00:00:00-04:00")) == instant("2027-01-01T00:00:00-05:00")
        )
        #expect(
            newYork.nextOffsetChange(after: instant("2026-10-01T00:00:00-04:00"))
                == instant("2026-11-01T02:00:00-04:00")
        )
        #expect(
            DisplayTimeZone.shanghai.nextOffsetChange(after: CouponFixtures.now) == nil,
            "a fixed zone never changes"
        )
        #expect(
            Self.shanghai.startOfNextDay(after: Self.midnight) == Self.midnight + 86_400,
            "midnight itself is today"
        )
    }

    // MARK: - The whole screen

    /// A browser showing `coupons`, the first selected.
    func loaded(_ coupons: [Coupon], size: TerminalSize = TerminalSize(columns: 100, rows: 30)) -> BrowserState {
        var state = CouponFixtures.state(size: size)
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: FakeServer(coupons: coupons))
        return state
    }

    @Test func nothingLookedUpNeverChanges() {
        #expect(CouponFixtures.state().nextTimeChange == nil)
    }

    @Test func theSelectedCouponsSentenceWakesTheScreen() throws {
        var state = loaded([CouponFixtures.coupon(id: "1", ends: CouponFixtures.time(minutes: 0, seconds: 30))])
        #expect(state.layout.detailPlacement == .below)
        #expect(state.nextTimeChange == CouponFixtures.now + 30, "the coupon ends before the page turns stale")
        _ = state.apply(.tick(secondsSince1970: CouponFixtures.now + 30))
        let line = try #require(state.detailLines.first { $0.label.hasPrefix("Now") })
        #expect(line.text.hasPrefix("validity ended"))
    }

    @Test func aHiddenDetailDoesNotWakeTheScreen() {
        let coupon = CouponFixtures.coupon(id: "1", ends: CouponFixtures.time(minutes: 0, seconds: 30))
        let state = loaded([coupon], size: TerminalSize(columns: 60, rows: 12))
        #expect(state.layout.detailPlacement == .hidden)
        #expect(
            state.nextTimeChange == CouponFixtures.now + BrowserConfiguration.defaultStaleAfterSeconds,
            "only the page's age is on screen"
        )
    }

    @Test func aPageSaysWhenItCameOnceItIsStale() throws {
        // Usable coupons whose validity has ended: their sentences are settled.
        var state = loaded([CouponFixtures.coupon(id: "1", ends: CouponFixtures.time(days: -3))])
        let page = { state.statusLine.segments.first { $0.kind == .page }?.text }
        #expect(page() == "page 1 of 1 · 1–1 of 1")
        #expect(state.pageSummary?.isStale == false)
        #expect(state.nextTimeChange == CouponFixtures.now + BrowserConfiguration.defaultStaleAfterSeconds)

        _ = state.apply(.tick(secondsSince1970: CouponFixtures.now + BrowserConfiguration.defaultStaleAfterSeconds - 1))
        #expect(page() == "page 1 of 1 · 1–1 of 1")
        _ = state.apply(.tick(secondsSince1970: CouponFixtures.now + BrowserConfiguration.defaultStaleAfterSeconds))
        #expect(page() == "page 1 of 1 · 1–1 of 1 · as of 12:00:00")
        #expect(state.pageSummary?.isStale == true)
        #expect(state.nextTimeChange == Self.midnight, "the stamp gains its date at midnight")

        _ = state.apply(.tick(secondsSince1970: Self.midnight))
        #expect(page() == "page 1 of 1 · 1–1 of 1 · as of 12-01 12:00:00")
        let newYear = try #require(APITimestamp(rfc3339: "2027-01-01T00:00:00+08:00")).secondsSince1970
        #expect(state.nextTimeChange == newYear)

        let effects = state.apply(.refresh)
        #expect(page() == "page 1 of 1 · 1–1 of 1 · as of 12-01 12:00:00", "still the old rows while refreshing")
        state.answerAll(effects, from: FakeServer(coupons: [CouponFixtures.coupon(id: "1")]))
        #expect(page() == "page 1 of 1 · 1–1 of 1")
        #expect(state.pageSummary?.receivedAt == Self.midnight)
    }

    @Test func aChangeOfTheViewersOffsetWakesTheScreen() throws {
        let newYork = try #require(DisplayTimeZone(identifier: "America/New_York"))
        let state = CouponFixtures.state(viewerZone: newYork)
        let transition = try #require(newYork.nextOffsetChange(after: CouponFixtures.now))
        #expect(state.nextTimeChange == transition)
        #expect(state.header.notes == ["times in Asia/Shanghai (+08:00)"])
    }

    @Test func theDriverTicksWhenAsked() async {
        let clock = Recorder(CouponFixtures.now)
        let changes = Recorder(0)
        let driver = BrowserDriver(
            state: CouponFixtures.state(),
            fetcher: FakeCouponFetcher(),
            clock: { clock.value },
            changeHandler: { changes.update { $0 += 1 } }
        )
        await driver.tick()
        #expect(changes.value == 0, "nothing changed, nothing to repaint")
        clock.update { $0 += 45 }
        let state = await driver.tick()
        #expect(state.now == CouponFixtures.now + 45)
        #expect(changes.value == 1)
    }

    @Test func theDriverStampsAPageWithTheTimeItArrived() async throws {
        let clock = Recorder(CouponFixtures.now)
        let fetcher = FakeCouponFetcher()
        let driver = BrowserDriver(state: CouponFixtures.state(), fetcher: fetcher, clock: { clock.value })
        await driver.send(.lookup(CouponFixtures.lookup()))
        await fetcher.waitForRequests(1)
        clock.update { $0 += 7 }
        let query = try #require(fetcher.queries.first)
        fetcher.answer(0, with: .success(FakeServer(coupons: [CouponFixtures.coupon(id: "1")]).answer(query)))
        await driver.waitUntilIdle()
        #expect(await driver.state.pageSummary?.receivedAt == CouponFixtures.now + 7)
    }
}
