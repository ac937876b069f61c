import CouponCore
import Testing

@testable import CouponSandbox

/// The API's own rules, each checked over real HTTP with requests signed by the merchant key.
@Suite struct CouponListRulesTests {
    @Test func signedIssuedByLookupIsAnsweredAndSignedWithTheWechatPayKey() async throws {
        try await TestSupport.withSandbox { server in
            let response = try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy()))
            #expect(response.statusCode == 200)
            #expect(TestSupport.isSignatureValid(response, server: server))
            #expect(response.header("Wechatpay-Serial") == server.merchant.publicKeyID)
            #expect(response.header("Wechatpay-Signature-Type") == "WECHATPAY2-SHA256-RSA2048")
            #expect(response.header("Wechatpay-Timestamp") == String(TestSupport.referenceTime))
            #expect(response.header("Wechatpay-Nonce")?.count == 32)
            #expect(TestSupport.isRequestID(response.header("Request-ID")))
            let json = try TestSupport.json(response)
            // 11 coupons, 2 of them expired: "issued by" never returns expired ones.
            #expect(json["total_count"]?.int64Value == 9)
            #expect(json["limit"]?.int64Value == 20)
            #expect(json["offset"]?.int64Value == 0)
            #expect(TestSupport.couponIDs(json).count == 9)
        }
    }

    @Test func answerBodyCarriesTheCouponObjectsVerbatimWithUnknownKeys() async throws {
        try await TestSupport.withSandbox { server in
            let response = try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy()))
            let page = try CouponPage(body: response.body)
            let first = try #require(page.coupons.first)
            #expect(first.couponID == "1738201164")
            #expect(first.unknownFields.map(\.key) == ["out_request_no"])
            let written = try #require(server.dataSet.user(openid: TestSupport.regularUser)?.coupons.first)
            #expect(first.raw == written)
        }
    }

    @Test func statusSendedReturnsOnlyUsableCoupons() async throws {
        try await TestSupport.withSandbox { server in
            let json = try TestSupport.json(
                try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy(extra: "status=SENDED")))
            )
            let statuses = (json["data"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue }
            #expect(statuses.count == 4)
            #expect(statuses.allSatisfy { $0 == "SENDED" })
        }
    }

    @Test func statusUsedReturnsUsableAndUsedCoupons() async throws {
        try await TestSupport.withSandbox { server in
            let json = try TestSupport.json(
                try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy(extra: "status=USED")))
            )
            let statuses = (json["data"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue }
            #expect(Set(statuses) == ["SENDED", "USED"])
            #expect(statuses.count == 9)
        }
    }

    @Test func issuedByNeverReturnsExpiredButKeepsStatusesItDoesNotKnow() async throws {
        try await TestSupport.withSandbox { server in
            let json = try TestSupport.json(
                try TestSupport.get(server, TestSupport.target(TestSupport.mixedUser, TestSupport.issuedBy()))
            )
            let statuses = (json["data"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue }
            #expect(!statuses.contains("EXPIRED"))
            #expect(statuses.contains("RECOVER"))
            // The co-branded batch was created by another merchant, so it is not "issued by" this one.
            #expect(!TestSupport.couponIDs(json).contains("1738230952"))
        }
    }

    @Test func creatorMchidSelectsTheBatchesThatMerchantCreated() async throws {
        try await TestSupport.withSandbox { server in
            let target = TestSupport.target(
                TestSupport.mixedUser,
                "appid=\(TestSupport.officialAccountAppid)&creator_mchid=1900017732"
            )
            let json = try TestSupport.json(try TestSupport.get(server, target))
            #expect(TestSupport.couponIDs(json) == ["1738230952"])
        }
    }

    @Test func availableMchidReturnsOnlyUsableCouponsInOneAnswerIgnoringPagingAndFilters() async throws {
        try await TestSupport.withSandbox { server in
            let query =
                "appid=\(TestSupport.officialAccountAppid)&available_mchid=1900008362"
                + "&stock_id=1&status=BOGUS&offset=9&limit=1000"
            let response = try TestSupport.get(server, TestSupport.target(TestSupport.pagingUser, query))
            #expect(response.statusCode == 200)
            let json = try TestSupport.json(response)
            let statuses = (json["data"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue }
            #expect(statuses.count == 72)
            #expect(statuses.allSatisfy { $0 == "SENDED" })
            #expect(json["total_count"]?.int64Value == 72)
            #expect(json["offset"]?.int64Value == 0)
        }
    }

    @Test func availableMchidOfAnotherMerchantFindsNothing() async throws {
        try await TestSupport.withSandbox { server in
            let query = "appid=\(TestSupport.officialAccountAppid)&available_mchid=1900099999"
            let json = try TestSupport.json(try TestSupport.get(server, TestSupport.target(query)))
            #expect(json["total_count"]?.int64Value == 0)
            // An empty answer leaves `data` out, as the API may leave out empty values.
            #expect(json["data"] == nil)
        }
    }

    @Test func creatorMchidWinsWhenBothAreGiven() async throws {
        try await TestSupport.withSandbox { server in
            let query = TestSupport.issuedBy(extra: "available_mchid=1900008362&status=USED")
            let json = try TestSupport.json(try TestSupport.get(server, TestSupport.target(query)))
            let statuses = (json["data"]?.arrayValue ?? []).compactMap { $0["status"]?.stringValue }
            #expect(statuses.contains("USED"))
        }
    }

    @Test func offsetIsAPageNumberNotARowIndex() async throws {
        try await TestSupport.withSandbox { server in
            var seen: [String] = []
            for page in 0..<8 {
                let query = TestSupport.issuedBy(extra: "offset=\(page)&limit=20")
                let json = try TestSupport.json(
                    try TestSupport.get(server, TestSupport.target(TestSupport.pagingUser, query))
                )
                #expect(json["offset"]?.int64Value == Int64(page))
                #expect(json["total_count"]?.int64Value == 128)
                seen += TestSupport.couponIDs(json)
            }
            // 140 coupons, 12 expired: 128 over seven pages, the eighth empty, none twice.
            #expect(seen.count == 128)
            #expect(Set(seen).count == 128)
        }
    }

    @Test func stockIDFiltersTheBatch() async throws {
        try await TestSupport.withSandbox { server in
            let json = try TestSupport.json(
                try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy(extra: "stock_id=9856003")))
            )
            #expect(TestSupport.couponIDs(json) == ["1738209951"])
        }
    }

    @Test func businessTypeMultiuseReturnsOnlyConsumptionCredit() async throws {
        try await TestSupport.withSandbox { server in
            let json = try TestSupport.json(
                try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy(extra: "business_type=MULTIUSE")))
            )
            let coupons = json["data"]?.arrayValue ?? []
            #expect(coupons.count == 2)
            #expect(coupons.allSatisfy { $0["business_type"]?.stringValue == "MULTIUSE" })
            #expect(coupons.first?["available_balance"]?.int64Value == 6350)
        }
    }

    @Test func limitAboveOneHundredIsParamError() async throws {
        try await TestSupport.withSandbox { server in
            for limit in ["101", "99999999999999999999"] {
                let response = try TestSupport.get(
                    server,
                    TestSupport.target(TestSupport.issuedBy(extra: "limit=\(limit)"))
                )
                #expect(response.statusCode == 400)
                let json = try TestSupport.json(response)
                #expect(json["code"]?.stringValue == "PARAM_ERROR")
                #expect(json["message"]?.stringValue == "页大小超过阈值")
                #expect(json["detail"]?["field"]?.stringValue == "limit")
                #expect(response.header("Wechatpay-Signature") == nil)
            }
        }
    }

    @Test func limitOfOneHundredIsAccepted() async throws {
        try await TestSupport.withSandbox { server in
            let response = try TestSupport.get(
                server,
                TestSupport.target(TestSupport.pagingUser, TestSupport.issuedBy(extra: "limit=100"))
            )
            #expect(response.statusCode == 200)
            #expect(TestSupport.couponIDs(try TestSupport.json(response)).count == 100)
        }
    }

    @Test(arguments: ["limit=0", "limit=-1", "limit=ten", "offset=-1", "offset=x", "status=EXPIRED", "business_type=X"])
    func badParameterValueIsParamErrorNamingTheField(_ parameter: String) async throws {
        try await TestSupport.withSandbox { server in
            let response = try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy(extra: parameter)))
            #expect(response.statusCode == 400)
            let json = try TestSupport.json(response)
            #expect(json["code"]?.stringValue == "PARAM_ERROR")
            let field = String(parameter.prefix(while: { $0 != "=" }))
            #expect(json["detail"]?["field"]?.stringValue == field)
        }
    }

    @Test func missingAppidIsParamError() async throws {
        try await TestSupport.withSandbox { server in
            let response = try TestSupport.get(server, TestSupport.target("creator_mchid=\(TestSupport.mchid)"))
            #expect(response.statusCode == 400)
            let json = try TestSupport.json(response)
            #expect(json["code"]?.stringValue == "PARAM_ERROR")
            #expect(json["detail"]?["field"]?.stringValue == "appid")
        }
    }

    @Test func neitherCreatorNorAvailableMchidIsParamError() async throws {
        try await TestSupport.withSandbox { server in
            let response = try TestSupport.get(
                server,
                TestSupport.target("appid=\(TestSupport.officialAccountAppid)&status=SENDED")
            )
            #expect(response.statusCode == 400)
            #expect(try TestSupport.json(response)["code"]?.stringValue == "PARAM_ERROR")
        }
    }

    @Test(arguments: ["creator_mchid=19000083x1", "available_mchid=abc"])
    func nonNumericMchidIsMchNotExists(_ parameter: String) async throws {
        try await TestSupport.withSandbox { server in
            let query = "appid=\(TestSupport.officialAccountAppid)&\(parameter)"
            let response = try TestSupport.get(server, TestSupport.target(query))
            #expect(response.statusCode == 400)
            let json = try TestSupport.json(response)
            #expect(json["code"]?.stringValue == "MCH_NOT_EXISTS")
            #expect(json["message"]?.stringValue == "商户号不合法")
        }
    }

    @Test func appidNotBoundToTheMerchantIsRefused() async throws {
        try await TestSupport.withSandbox { server in
            let response = try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy("wx0000000000000000")))
            #expect(response.statusCode == 400)
            #expect(try TestSupport.json(response)["code"]?.stringValue == "APPID_MCHID_NOT_MATCH")
        }
    }

    @Test func openidOfAnotherAppidIsInvalidRequest() async throws {
        try await TestSupport.withSandbox { server in
            // The long-text user belongs to the Mini Program appid, not the Official Account.
            let response = try TestSupport.get(
                server,
                TestSupport.target(TestSupport.longTextUser, TestSupport.issuedBy())
            )
            #expect(response.statusCode == 400)
            let json = try TestSupport.json(response)
            #expect(json["code"]?.stringValue == "INVALID_REQUEST")
            #expect(json["message"]?.stringValue == "appid与openid不匹配")

            let own = try TestSupport.get(
                server,
                TestSupport.target(TestSupport.longTextUser, TestSupport.issuedBy(TestSupport.miniProgramAppid))
            )
            #expect(own.statusCode == 200)
        }
    }

    @Test func unknownOpenidIsInvalidRequest() async throws {
        try await TestSupport.withSandbox { server in
            let response = try TestSupport.get(
                server,
                TestSupport.target("oUpF8uNobodyHasThisOpenid000", TestSupport.issuedBy())
            )
            #expect(response.statusCode == 400)
            #expect(try TestSupport.json(response)["code"]?.stringValue == "INVALID_REQUEST")
        }
    }

    @Test func userWithNoCouponsGetsAnEmptySignedAnswer() async throws {
        try await TestSupport.withSandbox { server in
            let response = try TestSupport.get(
                server,
                TestSupport.target(TestSupport.emptyUser, TestSupport.issuedBy())
            )
            #expect(response.statusCode == 200)
            #expect(TestSupport.isSignatureValid(response, server: server))
            #expect(response.bodyText == #"{"total_count":0,"limit":20,"offset":0}"#)
        }
    }

    @Test func duplicateParameterIsParamError() async throws {
        try await TestSupport.withSandbox { server in
            let response = try TestSupport.get(
                server,
                TestSupport.target(TestSupport.issuedBy(extra: "limit=5&limit=6"))
            )
            #expect(response.statusCode == 400)
            #expect(try TestSupport.json(response)["detail"]?["field"]?.stringValue == "limit")
        }
    }

    @Test func percentEncodedParametersAreDecodedBeforeTheyAreChecked() async throws {
        try await TestSupport.withSandbox { server in
            let query = "appid=wx3d1a5b7c9e2f4a6b&creator%5Fmchid=1900008361&status=%53ENDED"
            let response = try TestSupport.get(server, TestSupport.target(query))
            #expect(response.statusCode == 200)
        }
    }

    @Test func missingAcceptOrUserAgentIsInvalidRequest() async throws {
        try await TestSupport.withSandbox { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            for (accept, userAgent) in [(nil, "agent/1"), ("application/json", nil)] as [(String?, String?)] {
                let client = try RawHTTPClient(port: server.port)
                let authorization = try TestSupport.authorization(for: server, target: target)
                client.send(
                    TestSupport.request(target, authorization: authorization, accept: accept, userAgent: userAgent)
                )
                let response = try client.readResponse()
                #expect(response.statusCode == 400)
                let json = try TestSupport.json(response)
                #expect(json["code"]?.stringValue == "INVALID_REQUEST")
                #expect(json["message"]?.stringValue == "Http头缺少Accept或User-Agent")
            }
        }
    }

    @Test func otherPathsGetAJSON404() async throws {
        try await TestSupport.withSandbox { server in
            for target in ["/", "/v3/marketing/favor/users/x/coupons/1738201164", "/v3/marketing/favor/users//coupons"]
            {
                let response = try TestSupport.get(server, target)
                #expect(response.statusCode == 404)
                #expect(response.header("Content-Type")?.hasPrefix("application/json") == true)
                #expect(try TestSupport.json(response)["code"]?.stringValue == "RESOURCE_NOT_EXISTS")
            }
        }
    }

    @Test func otherMethodsOnTheListAreRefused() async throws {
        try await TestSupport.withSandbox { server in
            let client = try RawHTTPClient(port: server.port)
            client.send(
                "POST \(TestSupport.target(TestSupport.issuedBy())) HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
            )
            let response = try client.readResponse()
            #expect(response.statusCode == 405)
            #expect(response.header("Allow") == "GET")
        }
    }
}
