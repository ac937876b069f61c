import CouponCore
import Testing

@testable import CouponBrowser

@Suite struct BrowserDriverTests {
    let server = FakeServer(coupons: (0..<45).map { CouponFixtures.coupon(id: String(3000 + $0)) })

    func driver(_ fetcher: FakeCouponFetcher, effects: Recorder<[BrowserEffect]>? = nil) -> BrowserDriver {
        BrowserDriver(
            state: CouponFixtures.state(),
            fetcher: fetcher,
            clock: { CouponFixtures.now },
            effectHandler: { effect in effects?.update { $0.append(effect) } }
        )
    }

    @Test func runsFetchesAndAppliesTheAnswers() async throws {
        let fetcher = FakeCouponFetcher()
        let driver = driver(fetcher)
        let loading = await driver.send(.lookup(CouponFixtures.lookup()))
        #expect(loading.isLoading)
        await fetcher.waitForRequests(1)
        let query = try #require(fetcher.queries.first)
        #expect(query.offset == 0)
        fetcher.answer(0, with: .success(server.answer(query)))
        await driver.waitUntilIdle()
        let state = await driver.state
        #expect(state.list.rows.count == 20)
        #expect(!state.isLoading)
        #expect(await driver.runningRequests.isEmpty)
    }

    @Test func aQueryChangeCancelsTheTaskInFlight() async throws {
        let fetcher = FakeCouponFetcher(honoursCancellation: true)
        let driver = driver(fetcher)
        await driver.send(.lookup(CouponFixtures.lookup()))
        await fetcher.waitForRequests(1)
        await driver.send(.switchQueryMode)
        await fetcher.waitForRequests(2)
        let second = fetcher.queries[1]
        #expect(second.availableMchid == CouponFixtures.callerMchid)
        fetcher.answer(1, with: .success(server.answer(second)))
        await driver.waitUntilIdle()
        let state = await driver.state
        #expect(state.lookup?.mode == .usableAt)
        #expect(state.list.rows.count == 45)
        #expect(state.error == nil, "the cancelled fetch's .cancelled is not an error")
    }

    @Test func aLateAnswerAfterCancellationIsDropped() async throws {
        let fetcher = FakeCouponFetcher(honoursCancellation: false)
        let driver = driver(fetcher)
        await driver.send(.lookup(CouponFixtures.lookup()))
        await fetcher.waitForRequests(1)
        await driver.send(.switchQueryMode)
        await fetcher.waitForRequests(2)
        fetcher.answer(1, with: .success(server.answer(fetcher.queries[1])))
        // The first request ignored its cancellation and answers last, as a slow network would.
        fetcher.answer(0, with: .success(server.answer(fetcher.queries[0])))
        await driver.waitUntilIdle()
        let state = await driver.state
        #expect(state.list.rows.count == 45, "the usable-at answer stays on screen")
        #expect(state.list.source?.key == fetcher.queries[1].page(0))
    }

    @Test func prefetchRunsInTheBackground() async throws {
        let fetcher = FakeCouponFetcher()
        let driver = driver(fetcher)
        await driver.send(.lookup(CouponFixtures.lookup()))
        await fetcher.waitForRequests(1)
        fetcher.answer(0, with: .success(server.answer(fetcher.queries[0])))
        await driver.waitUntilIdle()
        await driver.send(.move(.last))
        await fetcher.waitForRequests(2)
        #expect(fetcher.queries[1].offset == 1)
        fetcher.answer(1, with: .success(server.answer(fetcher.queries[1])))
        await driver.waitUntilIdle()
        let state = await driver.send(.nextPage)
        #expect(state.list.rows.first?.id == "3020")
        #expect(!state.isLoading)
    }

    @Test func failuresBecomeErrorsOnTheStatusLine() async throws {
        let fetcher = FakeCouponFetcher()
        let driver = driver(fetcher)
        await driver.send(.lookup(CouponFixtures.lookup()))
        await fetcher.waitForRequests(1)
        fetcher.answer(
            0,
            with: .failure(.api(APIError(statusCode: 403, code: "NO_AUTH", message: "无权限", requestID: "R9")))
        )
        await driver.waitUntilIdle()
        let state = await driver.state
        #expect(state.error?.report.code == "NO_AUTH")
        #expect(state.error?.report.requestID == "R9")
    }

    @Test func copyAndQuitGoToTheFrontEnd() async throws {
        let fetcher = FakeCouponFetcher()
        let effects = Recorder<[BrowserEffect]>([])
        let driver = driver(fetcher, effects: effects)
        await driver.send(.lookup(CouponFixtures.lookup()))
        await fetcher.waitForRequests(1)
        fetcher.answer(0, with: .success(server.answer(fetcher.queries[0])))
        await driver.waitUntilIdle()
        await driver.send(.copyCouponID)
        await driver.send(.quit)
        #expect(effects.value == [.copyToClipboard("3000", target: .couponID), .quit])
    }

    @Test func theClockIsReadBeforeEachIntent() async {
        let seconds = Recorder<Int64>(CouponFixtures.now)
        let driver = BrowserDriver(
            state: CouponFixtures.state(),
            fetcher: FakeCouponFetcher(),
            clock: { seconds.value }
        )
        seconds.update { $0 += 86_400 }
        let state = await driver.send(.dismissMessages)
        #expect(state.now == CouponFixtures.now + 86_400)
    }
}
