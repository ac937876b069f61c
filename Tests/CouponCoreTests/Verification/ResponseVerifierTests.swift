import CouponCore
import Testing

private func verifier(
    clock: Int64 = TestFixtures.now,
    keys: WechatPayVerificationKeys? = nil
) throws -> ResponseVerifier {
    ResponseVerifier(keys: try keys ?? TestFixtures.publicKeyMode(), clock: FixedClock(clock))
}

/// `printf '1700000000\nd824f2e086d3c1df967785d13fcd22ef\n%s\n' "$emptyPageBody"
///  | openssl dgst -sha256 -sign wechatpay_key.pem | base64 -w0`
private let opensslAnswerSignature =
    "dapPjI821KrXD/tkopN5c90jfkwXDjccSW/ngOiY1c7iGAZuwBvSBvSKE50JLe3JxpyeHnzsmBNFaTPALFsGFtDC7p/C7ttlih09ghVyUx0413"
    + "zDpdeR/i9Ors3lAlRye+oyApZOmR/nicM6F12oUrMPBmYJkWurnGrVveLVhw04FcXtjzlsX2lZMTJdJvzT9oTGkKB1fQujC5rzLqyQ++JUiQlR"
    + "0qghlvpPPkjf3KHhsmJhenqqKeacIJTiNk7KQoNzmPtmppopwxkBOpt+lNikhGTGayL/vw+4+Fhucyre0eeRApvo+XrBXOIZ36fandlt7P/i1y"
    + "TsU4TvIiUmQg=="

private func headers(
    signature: String = opensslAnswerSignature,
    serial: String = TestFixtures.publicKeyID,
    timestamp: String = "1700000000"
) -> HTTPHeaders {
    [
        "Wechatpay-Timestamp": timestamp,
        "Wechatpay-Nonce": "d824f2e086d3c1df967785d13fcd22ef",
        "Wechatpay-Signature": signature,
        "Wechatpay-Serial": serial,
    ]
}

@Test func answerSignedByOpenSSLWithTheWeChatPayKeyVerifies() throws {
    let serial = try verifier().verify(headers: headers(), body: Array(TestFixtures.emptyPageBody.utf8))
    #expect(serial == TestFixtures.publicKeyID)
}

@Test func headerNamesAreMatchedWithoutRegardToCase() throws {
    var lower = HTTPHeaders()
    for (name, value) in headers() { lower.add(name: name.lowercased(), value: value) }
    #expect(
        try verifier().verify(headers: lower, body: Array(TestFixtures.emptyPageBody.utf8)) == TestFixtures.publicKeyID
    )
}

@Test func tamperedBodyIsASignatureMismatch() throws {
    let body = Array(TestFixtures.emptyPageBody.replacingFirst("0", with: "9").utf8)
    #expect(throws: VerificationError.signatureMismatch(serial: TestFixtures.publicKeyID)) {
        try verifier().verify(headers: headers(), body: body)
    }
}

@Test func reencodedBodyWithTheSameJSONDoesNotVerify() throws {
    // The signature covers the raw bytes, so even harmless whitespace changes break it.
    let body = Array(TestFixtures.emptyPageBody.replacingFirst(",", with: ", ").utf8)
    #expect(throws: VerificationError.signatureMismatch(serial: TestFixtures.publicKeyID)) {
        try verifier().verify(headers: headers(), body: body)
    }
}

@Test func answerSignedWithAnotherKeyIsAMismatch() throws {
    let response = try TestFixtures.signedResponse(
        body: TestFixtures.emptyPageBody,
        key: try TestFixtures.merchantKey()
    )
    #expect(throws: VerificationError.signatureMismatch(serial: TestFixtures.publicKeyID)) {
        try verifier().verify(headers: response.headers, body: response.body)
    }
}

@Test func unknownSerialNamesTheSerialAndTheConfiguredKeys() throws {
    let error = #expect(throws: VerificationError.self) {
        try verifier().verify(headers: headers(serial: "PUB_KEY_ID_999"), body: [])
    }
    #expect(error == .unknownSerial("PUB_KEY_ID_999", configured: [TestFixtures.publicKeyID]))
    #expect(error?.description.contains("PUB_KEY_ID_999") == true)
    #expect(error?.description.contains(TestFixtures.publicKeyID) == true)
}

// "应对签名探测流量": a probe signature starts WECHATPAY/SIGNTEST/ and is not Base64.
@Test func probeSignatureIsReportedAsAProbeNotABase64Error() throws {
    let probe = "WECHATPAY/SIGNTEST/" + String(opensslAnswerSignature.dropFirst(19))
    #expect(throws: VerificationError.signatureProbe) {
        try verifier().verify(headers: headers(signature: probe), body: Array(TestFixtures.emptyPageBody.utf8))
    }
}

@Test func timestampMoreThan300SecondsBehindIsRejectedWithTheSkew() throws {
    #expect(throws: VerificationError.timestampOutOfWindow(skewSeconds: -301)) {
        try verifier(clock: TestFixtures.now + 301).verify(headers: headers(), body: [])
    }
}

@Test func timestampMoreThan300SecondsAheadIsRejectedWithTheSkew() throws {
    let error = #expect(throws: VerificationError.self) {
        try verifier(clock: TestFixtures.now - 900).verify(headers: headers(), body: [])
    }
    #expect(error == .timestampOutOfWindow(skewSeconds: 900))
    #expect(error?.description.contains("900 s ahead of") == true)
}

@Test func clockSoFarOffThatTheSkewOverflowsIsOutOfTheWindow() throws {
    #expect(throws: VerificationError.timestampOutOfWindow(skewSeconds: .max)) {
        try verifier(clock: .min).verify(headers: headers(), body: [])
    }
}

@Test func timestampExactly300SecondsOffIsStillAccepted() throws {
    let body = Array(TestFixtures.emptyPageBody.utf8)
    #expect(
        try verifier(clock: TestFixtures.now + 300).verify(headers: headers(), body: body) == TestFixtures.publicKeyID
    )
    #expect(
        try verifier(clock: TestFixtures.now - 300).verify(headers: headers(), body: body) == TestFixtures.publicKeyID
    )
}

@Test(arguments: ResponseVerifier.requiredHeaders)
func answerMissingASignatureHeaderIsTreatedAsForged(name: String) throws {
    var incomplete = HTTPHeaders()
    for (field, value) in headers() where field != name { incomplete.add(name: field, value: value) }
    #expect(throws: VerificationError.missingHeader(name)) {
        try verifier().verify(headers: incomplete, body: Array(TestFixtures.emptyPageBody.utf8))
    }
}

@Test func emptySignatureHeaderCountsAsMissing() throws {
    #expect(throws: VerificationError.missingHeader("Wechatpay-Signature")) {
        try verifier().verify(headers: headers(signature: ""), body: [])
    }
}

@Test func malformedTimestampAndSignatureAreNamed() throws {
    #expect(throws: VerificationError.malformedTimestamp("17e8")) {
        try verifier().verify(headers: headers(timestamp: "17e8"), body: [])
    }
    #expect(throws: VerificationError.malformedSignature) {
        try verifier().verify(headers: headers(signature: "not base64!"), body: [])
    }
}

@Test func otherSignatureTypeIsRefused() throws {
    var typed = headers()
    typed.add(name: "Wechatpay-Signature-Type", value: "WECHATPAY2-SM2-WITH-SM3")
    #expect(throws: VerificationError.unsupportedSignatureType("WECHATPAY2-SM2-WITH-SM3")) {
        try verifier().verify(headers: typed, body: [])
    }
}

@Test func certificateModeVerifiesAnswersByCertificateSerial() throws {
    let keys = WechatPayVerificationKeys(certificates: [try TestFixtures.platformCertificate()])
    let response = try TestFixtures.signedResponse(
        body: TestFixtures.onePageBody,
        key: try TestFixtures.platformCertificateKey(),
        serial: TestFixtures.certificateSerial
    )
    let serial = try verifier(keys: keys).verify(headers: response.headers, body: response.body)
    #expect(serial == TestFixtures.certificateSerial)
}

@Test func bothModesConfiguredPickTheKeyByTheAnswersSerial() throws {
    let keys = WechatPayVerificationKeys(
        publicKeyID: TestFixtures.publicKeyID,
        publicKey: try TestFixtures.wechatPayPublicKey(),
        certificates: [try TestFixtures.platformCertificate()]
    )
    let byPublicKey = try TestFixtures.signedResponse(body: "{}", key: try TestFixtures.wechatPayKey())
    #expect(
        try verifier(keys: keys).verify(headers: byPublicKey.headers, body: byPublicKey.body)
            == TestFixtures.publicKeyID
    )

    let byCertificate = try TestFixtures.signedResponse(
        body: "{}",
        key: try TestFixtures.platformCertificateKey(),
        serial: TestFixtures.certificateSerial
    )
    let serial = try verifier(keys: keys).verify(headers: byCertificate.headers, body: byCertificate.body)
    #expect(serial == TestFixtures.certificateSerial)

    // The certificate's key under the public key's id must not pass: the serial decides the key.
    let mislabelled = try TestFixtures.signedResponse(body: "{}", key: try TestFixtures.platformCertificateKey())
    #expect(throws: VerificationError.signatureMismatch(serial: TestFixtures.publicKeyID)) {
        try verifier(keys: keys).verify(headers: mislabelled.headers, body: mislabelled.body)
    }
}

@Test func isSignedTellsSignedAnswersFromUnsignedOnes() throws {
    #expect(ResponseVerifier.isSigned(headers()))
    #expect(!ResponseVerifier.isSigned(TestFixtures.unsignedResponse(status: 400, body: "{}").headers))
}

@Test func randomlyMutatedSignatureHeadersNeverVerifyAndNeverTrap() throws {
    let original = headers()
    let body = Array(TestFixtures.emptyPageBody.utf8)
    let verifier = try verifier()
    var mutator = Mutator(seed: 0x5645_5249, tokens: ["WECHATPAY/SIGNTEST/", "=", "+", "/", "-", "9", "\n"])
    var mismatches = 0
    for name in ResponseVerifier.requiredHeaders {
        let value = try #require(original[name])
        for mutant in mutator.mutants(of: [value], count: 500) {
            var changed = original
            let text = String(decoding: mutant, as: UTF8.self)
            changed.replaceOrAdd(name: name, value: text)
            do {
                _ = try verifier.verify(headers: changed, body: body)
                // Strict Base64 and an exact serial leave one spelling of each value that verifies: the original.
                if text != value { Issue.record("\(name): \(text.debugDescription) verified") }
            } catch {
                if case .signatureMismatch = error { mismatches += 1 }
            }
        }
    }
    #expect(mismatches > 100)
}
