import CouponCore
import Testing

// MARK: - Request

@Test func clientSignsExactlyTheTargetItSends() async throws {
    let transport = FakeTransport(answers: [.success(try signedPageAnswer())])
    let response = try await makeClient(transport: transport).fetch(TestFixtures.query)
    let request = try #require(transport.requests.first)
    let target = try TestFixtures.query.requestTarget(callerMchid: TestFixtures.mchid)
    #expect(request.url == "https://api.mch.weixin.qq.com" + target)
    #expect(response.target == target)

    let header = try AuthorizationHeader(parsing: try #require(request.headers["Authorization"]))
    let message = SignatureMessage.request(
        method: "GET",
        target: target,
        timestamp: TestFixtures.now,
        nonce: header.nonce
    )
    let signature = try #require(Base64.decode(header.signature))
    #expect(try TestFixtures.merchantKey().publicKey.isValidSignature(signature, for: Array(message.utf8)))
    #expect(header.mchid == TestFixtures.mchid)
    #expect(header.serialNumber == TestFixtures.merchantSerial)
}

@Test func clientSendsAcceptUserAgentAndThePublicKeyIDAsWechatpaySerial() async throws {
    let transport = FakeTransport(answers: [.success(try signedPageAnswer())])
    _ = try await makeClient(transport: transport).fetch(TestFixtures.query)
    let request = try #require(transport.requests.first)
    #expect(request.method == "GET")
    #expect(request.headers["Accept"] == "application/json")
    #expect(request.headers["User-Agent"]?.hasPrefix("CouponDesk/\(CouponDeskVersion.current)") == true)
    #expect(request.headers["Wechatpay-Serial"] == TestFixtures.publicKeyID)
    #expect(request.timeout == .seconds(10))
}

@Test func certificateModeSendsTheCertificateSerial() async throws {
    let keys = WechatPayVerificationKeys(certificates: [try TestFixtures.platformCertificate()])
    let answer = try TestFixtures.signedResponse(
        body: TestFixtures.onePageBody,
        key: try TestFixtures.platformCertificateKey(),
        serial: TestFixtures.certificateSerial
    )
    let transport = FakeTransport(answers: [.success(answer)])
    let response = try await makeClient(transport: transport, keys: keys).fetch(TestFixtures.query)
    #expect(transport.requests.first?.headers["Wechatpay-Serial"] == TestFixtures.certificateSerial)
    #expect(response.verifiedBySerial == TestFixtures.certificateSerial)
}

@Test func invalidQueryIsRefusedBeforeAnythingIsSent() async throws {
    let transport = FakeTransport(answers: [.success(try signedPageAnswer())])
    var bad = TestFixtures.query
    bad.limit = 0
    let error = await fetchError(try makeClient(transport: transport), bad)
    guard case .invalidQuery(.limitOutOfRange(0))? = error else {
        Issue.record("expected invalidQuery, got \(String(describing: error))")
        return
    }
    #expect(transport.requests.isEmpty)
}

@Test func plainHTTPToARemoteHostIsRefusedUnsent() async throws {
    let transport = FakeTransport(answers: [.success(try signedPageAnswer())])
    let error = await fetchError(try makeClient(transport: transport, baseURL: "http://api.mch.weixin.qq.com"))
    guard case .transport(.insecureScheme)? = error else {
        Issue.record("expected insecureScheme, got \(String(describing: error))")
        return
    }
    #expect(transport.requests.isEmpty)
}

@Test func plainHTTPToLoopbackIsAllowed() async throws {
    let transport = FakeTransport(answers: [.success(try signedPageAnswer())])
    _ = try await makeClient(transport: transport, baseURL: "http://127.0.0.1:18080").fetch(TestFixtures.query)
    #expect(transport.requests.first?.url.hasPrefix("http://127.0.0.1:18080/v3/marketing/favor/users/") == true)
}

@Test func clientWithoutVerificationKeysRefusesToSend() async throws {
    let transport = FakeTransport(answers: [.success(try signedPageAnswer())])
    let error = await fetchError(try makeClient(transport: transport, keys: WechatPayVerificationKeys()))
    guard case .configuration(let reason)? = error else {
        Issue.record("expected configuration, got \(String(describing: error))")
        return
    }
    #expect(reason.contains("PUB_KEY_ID"))
    #expect(transport.requests.isEmpty)
}

// MARK: - Verified answers

@Test func verifiedAnswerIsDecodedWithItsRequestIDAndSerial() async throws {
    let transport = FakeTransport(answers: [.success(try signedPageAnswer())])
    let response = try await makeClient(transport: transport).fetch(TestFixtures.query)
    #expect(response.page.coupons.map(\.couponID) == ["98674556"])
    #expect(response.page.totalCount == 1)
    #expect(response.requestID == "08F8B9C7A30610A1B2C3D4E5F6")
    #expect(response.verifiedBySerial == TestFixtures.publicKeyID)
    #expect(response.rawBody == Array(TestFixtures.onePageBody.utf8))
    #expect(response.attempts == 1)
}

@Test func unsignedSuccessAnswerIsRejectedAsForged() async throws {
    let transport = FakeTransport(answers: [
        .success(TestFixtures.unsignedResponse(status: 200, body: TestFixtures.onePageBody))
    ])
    let error = await fetchError(try makeClient(transport: transport))
    guard case .verification(.missingHeader("Wechatpay-Timestamp"), let requestID)? = error else {
        Issue.record("expected missingHeader, got \(String(describing: error))")
        return
    }
    #expect(requestID == "08F8B9C7A30610FFEEDD")
    #expect(transport.requests.count == 1)
}

@Test func tamperedAnswerIsNotTrustedAndNotRetried() async throws {
    var answer = try signedPageAnswer()
    answer.body = Array(TestFixtures.onePageBody.replacingFirst("1", with: "2").utf8)
    let transport = FakeTransport(answers: [.success(answer)])
    let error = await fetchError(try makeClient(transport: transport))
    guard case .verification(.signatureMismatch, _)? = error else {
        Issue.record("expected signatureMismatch, got \(String(describing: error))")
        return
    }
    #expect(transport.requests.count == 1)
}

@Test func signatureProbeIsAskedAgainOnceAndTheRealAnswerAccepted() async throws {
    var probe = try signedPageAnswer()
    probe.headers.replaceOrAdd(name: "Wechatpay-Signature", value: "WECHATPAY/SIGNTEST/abcdefgh")
    let transport = FakeTransport(answers: [.success(probe), .success(try signedPageAnswer())])
    let sleeper = FakeSleeper()
    let response = try await makeClient(transport: transport, sleeper: sleeper).fetch(TestFixtures.query)
    #expect(response.attempts == 2)
    #expect(sleeper.sleeps.isEmpty)
}

@Test func secondSignatureProbeIsReportedAsAProbe() async throws {
    var probe = try signedPageAnswer()
    probe.headers.replaceOrAdd(name: "Wechatpay-Signature", value: "WECHATPAY/SIGNTEST/abcdefgh")
    let transport = FakeTransport(answers: [.success(probe)])
    let error = await fetchError(try makeClient(transport: transport))
    guard case .verification(.signatureProbe, _)? = error else {
        Issue.record("expected signatureProbe, got \(String(describing: error))")
        return
    }
    #expect(transport.requests.count == 2)
    #expect(error?.report(language: .english).code == "SIGNATURE_PROBE")
}

@Test func answerFromAClockTenMinutesOffReportsTheSkew() async throws {
    let transport = FakeTransport(answers: [.success(try signedPageAnswer())])
    let error = await fetchError(try makeClient(transport: transport, clock: FixedClock(TestFixtures.now + 600)))
    guard case .verification(.timestampOutOfWindow(skewSeconds: -600), _)? = error else {
        Issue.record("expected timestampOutOfWindow, got \(String(describing: error))")
        return
    }
    let report = try #require(error?.report(language: .english))
    #expect(report.code == "CLOCK_SKEW")
    #expect(report.detailLines.contains { $0.contains("600 s ahead of") })
}

@Test func verifiedAnswerThatIsNotJSONIsATypedDecodingError() async throws {
    let transport = FakeTransport(answers: [.success(try signedPageAnswer(body: "{\"data\": ["))])
    let error = await fetchError(try makeClient(transport: transport))
    guard case .decoding(.malformedJSON, let requestID)? = error else {
        Issue.record("expected decoding, got \(String(describing: error))")
        return
    }
    #expect(requestID == "08F8B9C7A30610A1B2C3D4E5F6")
}

// MARK: - Error answers

@Test func unsignedErrorAnswerIsDecodedAndMarkedUnverified() async throws {
    let body = #"{"code":"PARAM_ERROR","message":"openid与appid不匹配","detail":{"field":"openid","issue":"mismatch"}}"#
    let transport = FakeTransport(answers: [.success(TestFixtures.unsignedResponse(status: 400, body: body))])
    let error = await fetchError(try makeClient(transport: transport))
    guard case .api(let api)? = error else {
        Issue.record("expected api, got \(String(describing: error))")
        return
    }
    #expect(api.statusCode == 400)
    #expect(api.code == "PARAM_ERROR")
    #expect(api.message == "openid与appid不匹配")
    #expect(api.field == "openid")
    #expect(api.requestID == "08F8B9C7A30610FFEEDD")
    #expect(!api.isSignatureVerified)
    #expect(transport.requests.count == 1)
}

@Test func signedErrorAnswerIsMarkedVerified() async throws {
    let body = #"{"code":"NO_AUTH","message":"商户无权限"}"#
    let answer = try TestFixtures.signedResponse(status: 403, body: body, key: try TestFixtures.wechatPayKey())
    let error = await fetchError(try makeClient(transport: FakeTransport(answers: [.success(answer)])))
    guard case .api(let api)? = error else {
        Issue.record("expected api, got \(String(describing: error))")
        return
    }
    #expect(api.isSignatureVerified)
    #expect(error?.report(language: .english).isVerified == true)
}

@Test func errorAnswerWithABadSignatureIsUnverified() async throws {
    var answer = try TestFixtures.signedResponse(
        status: 403,
        body: #"{"code":"NO_AUTH"}"#,
        key: try TestFixtures.merchantKey()
    )
    answer.headers.replaceOrAdd(name: "Request-ID", value: "R-403")
    let error = await fetchError(try makeClient(transport: FakeTransport(answers: [.success(answer)])))
    guard case .api(let api)? = error else {
        Issue.record("expected api, got \(String(describing: error))")
        return
    }
    #expect(api.statusCode == 403 && api.code == "NO_AUTH")
    #expect(api.requestID == "R-403")
    #expect(!api.isSignatureVerified)
}

@Test func signErrorKeepsTheMessageThisClientSigned() async throws {
    let body = """
        {"code":"SIGN_ERROR","message":"签名错误","detail":{"sign_information":{"method":"GET",\
        "truncated_sign_message":"GET\\n/v3/marketing/favor/users/x/coupons\\n1700000000\\n","sign_message_length":10}}}
        """
    let transport = FakeTransport(answers: [.success(TestFixtures.unsignedResponse(status: 401, body: body))])
    let error = await fetchError(try makeClient(transport: transport))
    guard case .api(let api)? = error else {
        Issue.record("expected api, got \(String(describing: error))")
        return
    }
    let target = try TestFixtures.query.requestTarget(callerMchid: TestFixtures.mchid)
    #expect(api.signedMessage == "GET\n\(target)\n1700000000\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n\n")
    #expect(api.truncatedSignMessage == "GET\n/v3/marketing/favor/users/x/coupons\n1700000000\n")
}

@Test(arguments: [400, 401, 403, 404])
func clientErrorsAreNotRetried(status: Int) async throws {
    let transport = FakeTransport(answers: [
        .success(TestFixtures.unsignedResponse(status: status, body: #"{"code":"X"}"#))
    ])
    let sleeper = FakeSleeper()
    _ = await fetchError(try makeClient(transport: transport, sleeper: sleeper))
    #expect(transport.requests.count == 1)
    #expect(sleeper.sleeps.isEmpty)
}

@Test func redirectIsNeitherFollowedNorTrusted() async throws {
    var moved = TestFixtures.unsignedResponse(status: 302, body: "")
    moved.headers.add(name: "Location", value: "https://example.invalid/")
    let transport = FakeTransport(answers: [.success(moved)])
    let error = await fetchError(try makeClient(transport: transport))
    guard case .transport(.other(let reason))? = error else {
        Issue.record("expected transport, got \(String(describing: error))")
        return
    }
    #expect(reason.contains("302"))
    #expect(transport.requests.count == 1)
}
