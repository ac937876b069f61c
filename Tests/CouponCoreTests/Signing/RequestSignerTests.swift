import CouponCore
import Testing

/// The coupon query whose signed message the openssl vectors below were computed over.
private let issuedByQuery = CouponQuery(
    openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
    appid: "wx233544546545989",
    stockID: "9865000",
    status: "USED",
    creatorMchid: "9865002"
)

private let issuedByTarget =
    "/v3/marketing/favor/users/oUpF8uMuAJO_M2pxb1Q9zNjWeS6o/coupons"
    + "?appid=wx233544546545989&stock_id=9865000&status=USED&creator_mchid=9865002&offset=0&limit=20"

/// `printf 'GET\n%s\n1700000000\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n\n' "$issuedByTarget"
///  | openssl dgst -sha256 -sign merchant_key.pem | base64 -w0`
private let issuedBySignature =
    "qiN4rXi/NP/7USHvzG7fzp4k19exQwGmSBu4z+2uJlk2d5vgjEWyFYuJkoXvqW3WemV6ro0QEKQAZ0+CPmRXzAK8KuaAiYCj8mcu1WMCrs1S6M"
    + "qZ2xrMbKbXqF+DQPdRcoEU78IOfzAfNg05jRSt4BFh89DsdQpRSAZ4eqN6cPP1QAiDeRqKa/gEeWYmFGBCtkAt9Fq2DmFhVUzSPHb9l0hJtoqM"
    + "Eqg0F9FhcLUzgKfl3ZzXW5+sOAzT3rlOl1kDe6GNRyn2vxqeW7+23mY5zLnaZGJIowQ/9Zw9oM1Yf78lAGr1hxBvWcVoabqahf5R/DASOqy+PJ"
    + "D6fhKtv3bRSg=="

private let usableAtTarget =
    "/v3/marketing/favor/users/o%2BpF8u%3DMu%E4%B8%AD/coupons"
    + "?appid=wx1234567890abcdef&available_mchid=1900000109&business_type=MULTIUSE"

/// `printf 'GET\n%s\n1712345678\nA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6\n\n' "$usableAtTarget"
///  | openssl dgst -sha256 -sign merchant_key.pem | base64 -w0`
private let usableAtSignature =
    "YgBQjYvVg53GiLiAbC+xG7bQ/ZaiK2bEXKTtE4WSACLBD1waH+FIX19lSjiMNCkqnaHXMVtVMf43Bj+ELYwqzSR+mDr7qCo4ErEFcm4UNKp0c0"
    + "HA6a+mlWciwC2sEgtc6GylJGn9t8yownb+t4YeO10F2Sk/xm+D/8SBjiW1fcUdZhTnFrtllddG+AororQxJdXSd/jCZbk+zEJbFvDhBeOFEuQO"
    + "3aHlQh6Dkhd+EeW9jjW/UUrYaGBl33xUxYKfySwIkOEjNKZOOTbz1ng6F974sZ6fMOYIRrzvuVw0P4vuDSwfOais2wBOnBxSyMkgi2VxLFUj9m"
    + "Uua3zsffwgsw=="

private func signer(
    clock: Int64 = TestFixtures.now,
    nonce: String = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS"
) throws -> RequestSigner {
    RequestSigner(credentials: try TestFixtures.credentials(), clock: FixedClock(clock), nonceSource: FixedNonce(nonce))
}

@Test func signatureOfTheFullCouponGETMatchesOpenSSLByteForByte() throws {
    let target = try issuedByQuery.requestTarget(callerMchid: TestFixtures.mchid)
    #expect(target == issuedByTarget)
    let signed = try signer().sign(method: "GET", target: target)
    let header = try AuthorizationHeader(parsing: signed.authorization)
    #expect(header.signature == issuedBySignature)
}

@Test func signatureOfAPercentEncodedUsableAtTargetMatchesOpenSSL() throws {
    let query = CouponQuery(
        openid: "o+pF8u=Mu中",
        appid: "wx1234567890abcdef",
        stockID: "123",
        status: "SENDED",
        availableMchid: "1900000109",
        businessType: "MULTIUSE",
        offset: 3
    )
    let target = try query.requestTarget(callerMchid: TestFixtures.mchid)
    #expect(target == usableAtTarget)
    let signed = try signer(clock: 1_712_345_678, nonce: "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6").sign(
        method: "GET",
        target: target
    )
    #expect(try AuthorizationHeader(parsing: signed.authorization).signature == usableAtSignature)
}

@Test func pkcs1FormOfTheKeySignsIdentically() throws {
    let pkcs1 = try RSAPrivateKey(contentsOfFile: TestFixtures.path("merchant_key_pkcs1.pem"))
    let credentials = MerchantCredentials(mchid: TestFixtures.mchid, serialNumber: "01", privateKey: pkcs1)
    let signed = try RequestSigner(credentials: credentials, clock: FixedClock(), nonceSource: FixedNonce())
        .sign(method: "GET", target: issuedByTarget)
    #expect(try AuthorizationHeader(parsing: signed.authorization).signature == issuedBySignature)
}

// The string to sign has five lines, each ending in \n, so a GET ends in "\n\n" (APIv3 签名生成).
@Test func signedMessageIsFiveLinesEndingInTwoNewlinesForGET() throws {
    let signed = try signer().sign(method: "GET", target: issuedByTarget)
    #expect(signed.message == "GET\n\(issuedByTarget)\n1700000000\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n\n")
    #expect(signed.timestamp == 1_700_000_000)
    #expect(signed.nonce == "5K8264ILTKCH16CQ2502SI8ZNMTM67VS")
}

@Test func authorizationHeaderHasSchemeAndAllFivePairsQuoted() throws {
    let signed = try signer().sign(method: "GET", target: issuedByTarget)
    let expected =
        "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",nonce_str=\"5K8264ILTKCH16CQ2502SI8ZNMTM67VS\","
        + "signature=\"\(issuedBySignature)\",timestamp=\"1700000000\","
        + "serial_no=\"408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB\""
    #expect(signed.authorization == expected)
}

@Test func signatureVerifiesWithTheMerchantPublicKey() throws {
    let publicKey = try RSAPublicKey(contentsOfFile: TestFixtures.path("merchant_public_key.pem"))
    let signed = try signer().sign(method: "GET", target: issuedByTarget)
    let signature = try #require(Base64.decode(try AuthorizationHeader(parsing: signed.authorization).signature))
    #expect(publicKey.isValidSignature(signature, for: Array(signed.message.utf8)))
    #expect(!publicKey.isValidSignature(signature, for: Array((signed.message + "x").utf8)))
}

@Test func eachSignatureUsesTheClockAndNonceOfThatMoment() throws {
    let signed = try signer(clock: 1_700_000_001, nonce: "B").sign(method: "GET", target: "/v3/x")
    #expect(signed.message == "GET\n/v3/x\n1700000001\nB\n\n")
    let header = try AuthorizationHeader(parsing: signed.authorization)
    #expect(header.timestamp == "1700000001" && header.nonce == "B")
    let signature = try #require(Base64.decode(header.signature))
    #expect(try TestFixtures.merchantKey().publicKey.isValidSignature(signature, for: Array(signed.message.utf8)))
}
