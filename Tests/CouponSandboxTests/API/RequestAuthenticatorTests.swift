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
            #expect(json["detail"]?["sign_information"]?["truncated_sign_message"] != nil)
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
            let target = TestSupport.target(TestSupport.issuedBy())
            let authorization = try TestSupport.authorization(for: server, target: target, mchid: "1900000109")
            let (response, json) = try send(server, target: target, authorization: authorization)
            #expect(response.statusCode == 401)
            #expect(json["detail"]?["field"]?.stringValue == "mchid")
        }
    }

    @Test func wrongCertificateSerialIsRefused() async throws {
        try await TestSupport.withSandbox { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            let authorization = try TestSupport.authorization(
                for: server,
                target: target,
                serial: "5F1C72E2A8931B72A2E13AF8DEE92471EB397115"
            )
            let (response, json) = try send(server, target: target, authorization: authorization)
            #expect(response.statusCode == 401)
            #expect(json["detail"]?["field"]?.stringValue == "serial_no")
        }
    }

    @Test func serialIsComparedWithoutRegardToCase() async throws {
        try await TestSupport.withSandbox { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            let authorization = try TestSupport.authorization(
                for: server,
                target: target,
                serial: server.merchant.serialNumber.lowercased()
            )
            let (response, _) = try send(server, target: target, authorization: authorization)
            #expect(response.statusCode == 200)
        }
    }

    @Test(arguments: [-301, 301] as [Int64])
    func timestampOutsideTheFiveMinuteWindowIsRefused(_ skew: Int64) async throws {
        try await TestSupport.withSandbox { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            let authorization = try TestSupport.authorization(
                for: server,
                target: target,
                timestamp: TestSupport.referenceTime + skew
            )
            let (response, json) = try send(server, target: target, authorization: authorization)
            #expect(response.statusCode == 401)
            #expect(json["detail"]?["field"]?.stringValue == "timestamp")
        }
    }

    @Test(arguments: [-300, 300] as [Int64])
    func timestampAtTheEdgeOfTheWindowIsAccepted(_ skew: Int64) async throws {
        try await TestSupport.withSandbox { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            let authorization = try TestSupport.authorization(
                for: server,
                target: target,
                timestamp: TestSupport.referenceTime + skew
            )
            let (response, _) = try send(server, target: target, authorization: authorization)
            #expect(response.statusCode == 200)
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
            let target = TestSupport.target(TestSupport.issuedBy())
            let nonce = "KEPT00000000000000000000000000AB"
            let wrong = try TestSupport.authorization(
                for: server,
                target: target,
                nonce: nonce,
                key: TestSupport.keys.strangerPrivateKey
            )
            #expect(try send(server, target: target, authorization: wrong).response.statusCode == 401)
            let right = try TestSupport.authorization(for: server, target: target, nonce: nonce)
            #expect(try send(server, target: target, authorization: right).response.statusCode == 200)
        }
    }

    @Test func authorizationPairsMayComeInAnyOrder() async throws {
        try await TestSupport.withSandbox { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            let header = try AuthorizationHeader(
                parsing: try TestSupport.authorization(for: server, target: target)
            )
            let reordered =
                "WECHATPAY2-SHA256-RSA2048 serial_no=\"\(header.serialNumber)\",timestamp=\"\(header.timestamp)\","
                + "signature=\"\(header.signature)\",nonce_str=\"\(header.nonce)\",mchid=\"\(header.mchid)\""
            let (response, _) = try send(server, target: target, authorization: reordered)
            #expect(response.statusCode == 200)
        }
    }

    @Test func nonceLedgerForgetsNoncesOnceTheirWindowHasPassed() {
        var ledger = NonceLedger()
        let first = ledger.record("a", until: 100, now: 0)
        let replayed = ledger.record("a", until: 100, now: 50)
        let afterWindow = ledger.record("a", until: 500, now: 101)
        #expect(first)
        #expect(!replayed)
        #expect(afterWindow)
    }

    @Test func nonceLedgerStaysWithinItsCapacity() {
        var ledger = NonceLedger()
        ledger.capacity = 100
        for index in 0..<1000 {
            _ = ledger.record("n\(index)", until: 10_000 + Int64(index), now: 0)
        }
        #expect(ledger.count <= 100)
        // The newest are the ones kept.
        let newestReplayed = ledger.record("n999", until: 20_000, now: 0)
        #expect(!newestReplayed)
    }
}
