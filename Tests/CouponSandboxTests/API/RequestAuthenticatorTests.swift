import CouponCore
import Foundation
import Testing

@testable import CouponSandbox

/// The request signature checks, each answered with `401 SIGN_ERROR` and the message the sandbox expected.
@Suite struct RequestAuthenticatorTests {
    private func send(
        _ server: SandboxServer,
        target: String,
        authorization: String?
    ) throws -> (response: RawHTTPClient.Response, json: JSONValue) {
        let client = try RawHTTPClient(port: server.port)
        client.send(TestSupport.request(target, authorization: authorization))
        let response = try client.readResponse()
        return (response, try TestSupport.json(response))
    }

    /// The status and `detail.field` of the answer to the regular user's lookup, signed by `authorize` for its target.
    private func outcome(
        _ server: SandboxServer,
        authorize: (_ target: String) throws -> String
    ) throws -> (status: Int, field: String?) {
        let target = TestSupport.target(TestSupport.issuedBy())
        let (response, json) = try send(server, target: target, authorization: try authorize(target))
        return (response.statusCode, json["detail"]?["field"]?.stringValue)
    }

    @Test func tamperedTargetIsRefusedAndTheExpectedMessageIsShown() async throws {
        try await TestSupport.withSandbox { server in
            let signed = TestSupport.target(TestSupport.issuedBy(extra: "offset=0"))
            let sent = TestSupport.target(TestSupport.issuedBy(extra: "offset=1"))
            let nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS"
            let authorization = try TestSupport.authorization(for: server, target: signed, nonce: nonce)
            let (response, json) = try send(server, target: sent, authorization: authorization)
            #expect(response.statusCode == 401)
            #expect(response.header("Wechatpay-Signature") == nil)
            #expect(json["code"]?.stringValue == "SIGN_ERROR")
            let information = json["detail"]?["sign_information"]
            // The server builds GET\n<target as sent>\n<ts>\n<nonce>\n\n (WeChat Pay signing rules, empty GET body).
            let expected = "GET\n\(sent)\n\(TestSupport.referenceTime)\n\(nonce)\n\n"
            #expect(information?["truncated_sign_message"]?.stringValue == expected)
            #expect(information?["sign_message_length"]?.int64Value == Int64(expected.utf8.count))
            #expect(information?["url"]?.stringValue == sent)
            #expect(information?["method"]?.stringValue == "GET")
        }
    }

    @Test func signatureByAnotherKeyIsRefused() async throws {
        try await TestSupport.withSandbox { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            let authorization = try TestSupport.authorization(
                for: server,
                target: target,
                key: TestSupport.keys.wechatPayPrivateKey
            )
            let (response, json) = try send(server, target: target, authorization: authorization)
            #expect(response.statusCode == 401)
            #expect(json["detail"]?["detail"]?["issue"]?.stringValue == "sign not match")
        }
    }

    @Test func signatureThatIsNotBase64IsRefused() async throws {
        try await TestSupport.withSandbox { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            let header = AuthorizationHeader(
                mchid: server.merchant.mchid,
                nonce: "N0NCE",
                timestamp: String(TestSupport.referenceTime),
                serialNumber: server.merchant.serialNumber,
                signature: "not*base64"
            )
            let (response, json) = try send(server, target: target, authorization: header.value)
            #expect(response.statusCode == 401)
            #expect(json["code"]?.stringValue == "SIGN_ERROR")
            #expect(json["detail"]?["field"]?.stringValue == "signature")
            let expected = "GET\n\(target)\n\(TestSupport.referenceTime)\nN0NCE\n\n"
            #expect(json["detail"]?["sign_information"]?["truncated_sign_message"]?.stringValue == expected)
        }
    }

    @Test func missingOrMalformedAuthorizationIsSignError() async throws {
        try await TestSupport.withSandbox { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            for authorization in [nil, "Bearer abc", "WECHATPAY2-SHA256-RSA2048 mchid=\"1\""] as [String?] {
                let (response, json) = try send(server, target: target, authorization: authorization)
                #expect(response.statusCode == 401)
                #expect(json["code"]?.stringValue == "SIGN_ERROR")
                #expect(json["detail"]?["field"]?.stringValue == "authorization")
            }
        }
    }

    @Test func wrongMerchantIDIsRefused() async throws {
        try await TestSupport.withSandbox { server in
            let result = try outcome(server) {
                try TestSupport.authorization(for: server, target: $0, mchid: "1900000109")
            }
            #expect(result.status == 401 && result.field == "mchid")
        }
    }

    @Test func wrongCertificateSerialIsRefused() async throws {
        try await TestSupport.withSandbox { server in
            let serial = "5F1C72E2A8931B72A2E13AF8DEE92471EB397115"
            let result = try outcome(server) { try TestSupport.authorization(for: server, target: $0, serial: serial) }
            #expect(result.status == 401 && result.field == "serial_no")
        }
    }

    @Test func serialIsComparedWithoutRegardToCase() async throws {
        try await TestSupport.withSandbox { server in
            let serial = server.merchant.serialNumber.lowercased()
            let result = try outcome(server) { try TestSupport.authorization(for: server, target: $0, serial: serial) }
            #expect(result.status == 200)
        }
    }

    // "五分钟": a request whose timestamp is more than 300 s from the server's clock is refused.
    @Test(arguments: [(-301, 401), (301, 401), (-300, 200), (300, 200)] as [(Int64, Int)])
    func timestampWithinTheFiveMinuteWindowIsAcceptedAndOutsideRefused(_ skew: Int64, status: Int) async throws {
        try await TestSupport.withSandbox { server in
            let timestamp = TestSupport.referenceTime + skew
            let result = try outcome(server) {
                try TestSupport.authorization(for: server, target: $0, timestamp: timestamp)
            }
            #expect(result.status == status)
            #expect(result.field == (status == 401 ? "timestamp" : nil))
        }
    }

    @Test func reusedNonceIsRefused() async throws {
        try await TestSupport.withSandbox { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            let authorization = try TestSupport.authorization(
                for: server,
                target: target,
                nonce: "REPLAYED0000000000000000000000AB"
            )
            let first = try send(server, target: target, authorization: authorization)
            #expect(first.response.statusCode == 200)
            let replay = try send(server, target: target, authorization: authorization)
            #expect(replay.response.statusCode == 401)
            #expect(replay.json["detail"]?["field"]?.stringValue == "nonce_str")
        }
    }

    @Test func nonceOfARefusedRequestIsNotSpent() async throws {
        try await TestSupport.withSandbox { server in
            let nonce = "KEPT00000000000000000000000000AB"
            let stranger = TestSupport.keys.strangerPrivateKey
            let wrong = try outcome(server) {
                try TestSupport.authorization(for: server, target: $0, nonce: nonce, key: stranger)
            }
            #expect(wrong.status == 401 && wrong.field == "signature")
            let right = try outcome(server) { try TestSupport.authorization(for: server, target: $0, nonce: nonce) }
            #expect(right.status == 200)
        }
    }

    // "以上五项签名信息，无顺序要求": the five pairs may come in any order.
    @Test func authorizationPairsMayComeInAnyOrder() async throws {
        try await TestSupport.withSandbox { server in
            let result = try outcome(server) { target in
                let header = try AuthorizationHeader(
                    parsing: try TestSupport.authorization(for: server, target: target)
                )
                return
                    "WECHATPAY2-SHA256-RSA2048 serial_no=\"\(header.serialNumber)\",timestamp=\"\(header.timestamp)\","
                    + "signature=\"\(header.signature)\",nonce_str=\"\(header.nonce)\",mchid=\"\(header.mchid)\""
            }
            #expect(result.status == 200)
        }
    }

    @Test func windowOfAnySizeRecordsTheNonceWithoutOverflow() async throws {
        try await TestSupport.withSandbox({ $0.timestampWindowSeconds = .max }) { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            let authorization = try TestSupport.authorization(for: server, target: target, timestamp: 1)
            #expect(try send(server, target: target, authorization: authorization).response.statusCode == 200)
            #expect(try send(server, target: target, authorization: authorization).response.statusCode == 401)
        }
    }

    @Test func randomlyMutatedAuthorizationIsRefusedOrReadAsTheOriginalButNeverTraps() throws {
        let keys = TestSupport.keys
        let profile = SandboxMerchantProfile(mchid: TestSupport.mchid, name: "", appids: ["wx1"], availableMchids: [])
        let merchant = SandboxMerchant(profile: profile, keys: keys)
        let authenticator = RequestAuthenticator(
            merchant: merchant,
            merchantPublicKey: keys.merchantPrivateKey.publicKey,
            windowSeconds: 300
        )
        let target = TestSupport.target(TestSupport.issuedBy())
        let signer = RequestSigner(
            credentials: MerchantCredentials(
                mchid: merchant.mchid,
                serialNumber: merchant.serialNumber,
                privateKey: keys.merchantPrivateKey
            ),
            clock: FixedWallClock(seconds: TestSupport.referenceTime),
            nonceSource: FixedNonceSource(value: "5K8264ILTKCH16CQ2502SI8ZNMTM67VS")
        )
        let original = try signer.sign(method: "GET", target: target).authorization
        let originalHeader = try AuthorizationHeader(parsing: original)
        var mutator = RequestMutator(seed: 0x5349_474E, tokens: ["\"", ",", "=", " ", "mchid=\"1\",", "\u{7}", "99"])
        var outcomes = (accepted: 0, refused: 0)
        for _ in 0..<1500 {
            let value = String(decoding: mutator.mutant(of: original), as: UTF8.self)
            let request = HTTPServerRequest(
                method: "GET",
                target: target,
                minorVersion: 1,
                headers: [("Host", "h"), ("Authorization", value)],
                body: []
            )
            var nonces = NonceLedger()
            if let failure = authenticator.authenticate(request, now: TestSupport.referenceTime, nonces: &nonces) {
                outcomes.refused += 1
                if failure.statusCode != 401 || failure.code != "SIGN_ERROR"
                    || (try? JSONParser.parse(failure.body)) == nil
                {
                    Issue.record("\(value.debugDescription) refused with \(failure)")
                }
            } else {
                outcomes.accepted += 1
                // Only a spelling of the very same signed fields may pass.
                if (try? AuthorizationHeader(parsing: value)) != originalHeader {
                    Issue.record("\(value.debugDescription) was accepted")
                }
            }
        }
        #expect(outcomes.refused > 700, "\(outcomes)")
    }
}
