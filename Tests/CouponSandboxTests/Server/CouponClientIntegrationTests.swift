import CouponCore
import Testing

@testable import CouponSandbox

/// The real CouponClient against the sandbox over real HTTP: the same path a merchant's lookup takes.
@Suite struct CouponClientIntegrationTests {
    @Test func clientLooksUpADemoUserAndVerifiesTheAnswer() async throws {
        try await ClientSupport.withSandbox { server in
            let client = ClientSupport.client(for: server)
            let response = try await client.fetch(ClientSupport.query(TestSupport.regularUser))
            #expect(response.statusCode == 200)
            #expect(response.verifiedBySerial == server.merchant.publicKeyID)
            #expect(response.page.totalCount == 9)
            #expect(response.page.coupons.map(\.status).allSatisfy { $0 != .expired })
            #expect(response.attempts == 1)
            #expect(TestSupport.isRequestID(response.requestID))
        }
    }

    @Test func clientPagesThroughTheGeneratedLargeUser() async throws {
        try await ClientSupport.withSandbox { server in
            let client = ClientSupport.client(for: server)
            let summary = try #require(server.demoUsers.first { $0.openid == LargeUserCoupons.openid })
            var query = ClientSupport.query(LargeUserCoupons.openid)
            query.limit = 100
            var ids: [String] = []
            var offset = 0
            while true {
                let response = try await client.fetch(query.page(offset))
                #expect(response.page.totalCount == summary.usableCount + summary.usedCount)
                #expect(response.page.offset == offset)
                ids += response.page.coupons.map(\.couponID)
                if response.page.coupons.count < 100 { break }
                offset += 1
            }
            #expect(ids.count == summary.usableCount + summary.usedCount)
            #expect(Set(ids).count == ids.count)
            #expect(summary.couponCount == 10_000)
        }
    }

    @Test func usableAtModeGivesEveryUsableCouponInOneAnswer() async throws {
        try await ClientSupport.withSandbox { server in
            let client = ClientSupport.client(for: server)
            var query = ClientSupport.query(TestSupport.pagingUser)
            query.availableMchid = "1900008362"
            let response = try await client.fetch(query)
            #expect(response.page.coupons.count == 72)
            #expect(response.page.coupons.allSatisfy { $0.status == .usable })
            #expect(!response.target.contains("offset"))
        }
    }

    @Test func statusFiltersAreSentAndTheServerAppliesThem() async throws {
        try await ClientSupport.withSandbox { server in
            let client = ClientSupport.client(for: server)
            var query = ClientSupport.query(TestSupport.regularUser)
            query.status = "SENDED"
            let usable = try await client.fetch(query)
            #expect(usable.page.coupons.allSatisfy { $0.status == .usable })
            query.status = "USED"
            let usableAndUsed = try await client.fetch(query)
            #expect(Set(usableAndUsed.page.coupons.map(\.status)) == [.usable, .used])
            query.businessType = "MULTIUSE"
            query.status = nil
            let credit = try await client.fetch(query)
            #expect(credit.page.coupons.allSatisfy { $0.isMultiUse })
            #expect(credit.page.coupons.count == 2)
        }
    }

    @Test func appidNotBoundToTheMerchantIsAnAPIError() async throws {
        try await ClientSupport.withSandbox { server in
            let client = ClientSupport.client(for: server)
            let error = await ClientSupport.error(
                of: client,
                ClientSupport.query(TestSupport.regularUser, appid: "wx0000000000000000")
            )
            guard case .api(let api) = error else {
                Issue.record("expected an API error, got \(String(describing: error))")
                return
            }
            #expect(api.statusCode == 400)
            #expect(api.code == "APPID_MCHID_NOT_MATCH")
            #expect(!api.isSignatureVerified)
        }
    }

    @Test func openidUnderAnotherAppidIsInvalidRequest() async throws {
        try await ClientSupport.withSandbox { server in
            let client = ClientSupport.client(for: server)
            let error = await ClientSupport.error(of: client, ClientSupport.query(TestSupport.longTextUser))
            guard case .api(let api) = error else {
                Issue.record("expected an API error, got \(String(describing: error))")
                return
            }
            #expect(api.code == "INVALID_REQUEST")
            let own = try await client.fetch(
                ClientSupport.query(TestSupport.longTextUser, appid: TestSupport.miniProgramAppid)
            )
            #expect(own.page.coupons.count == 3)
        }
    }

    @Test func requestSignedWithAnotherKeyIsRefusedWithTheMessageTheServerExpected() async throws {
        try await ClientSupport.withSandbox { server in
            let client = ClientSupport.client(for: server, retryPolicy: .none) { configuration in
                configuration.credentials.privateKey = TestSupport.keys.strangerPrivateKey
            }
            let error = await ClientSupport.error(of: client, ClientSupport.query(TestSupport.regularUser))
            guard case .api(let api) = error else {
                Issue.record("expected SIGN_ERROR, got \(String(describing: error))")
                return
            }
            #expect(api.statusCode == 401)
            #expect(api.code == "SIGN_ERROR")
            // Signed and sent the same bytes, so what the server built is exactly what the client signed.
            #expect(api.truncatedSignMessage == api.signedMessage)
        }
    }

    @Test func requestTamperedAfterSigningIsRefused() async throws {
        try await ClientSupport.withSandbox { server in
            let tamper = TamperingTransport { request in
                request.url = request.url.replacingOccurrences(of: "offset=0", with: "offset=1")
            }
            let client = ClientSupport.client(for: server, retryPolicy: .none, transport: tamper)
            let error = await ClientSupport.error(of: client, ClientSupport.query(TestSupport.pagingUser))
            guard case .api(let api) = error else {
                Issue.record("expected SIGN_ERROR, got \(String(describing: error))")
                return
            }
            #expect(api.code == "SIGN_ERROR")
            #expect(api.truncatedSignMessage?.contains("offset=1") == true)
            #expect(api.signedMessage?.contains("offset=0") == true)
        }
    }

    @Test func answerWithDatesMovedToTodayStillVerifies() async throws {
        try await ClientSupport.withSandbox { server in
            let client = ClientSupport.client(for: server)
            let response = try await client.fetch(ClientSupport.query(TestSupport.regularUser))
            let now = SystemWallClock().secondsSince1970()
            // Usable coupons of the demo stay usable on any day: their end moved with the calendar.
            for coupon in response.page.coupons where coupon.status == .usable {
                let end = try #require(coupon.availableEndTime)
                #expect(end.secondsSince1970 > now)
            }
        }
    }
}
