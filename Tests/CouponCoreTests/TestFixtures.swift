import CouponCore

/// The committed test keys and the values the expected signatures were computed with.
enum TestFixtures {
    /// The folder of this file's `Fixtures`, found from the source path so no bundle lookup is needed.
    static let directory: String = {
        let file = #filePath
        let folder = file[..<(file.lastIndex(of: "/") ?? file.endIndex)]
        return folder + "/Fixtures"
    }()

    static func path(_ name: String) -> String {
        directory + "/" + name
    }

    static func merchantKey() throws -> RSAPrivateKey {
        try RSAPrivateKey(contentsOfFile: path("merchant_key.pem"))
    }

    static func wechatPayKey() throws -> RSAPrivateKey {
        try RSAPrivateKey(contentsOfFile: path("wechatpay_key.pem"))
    }

    static func wechatPayPublicKey() throws -> RSAPublicKey {
        try RSAPublicKey(contentsOfFile: path("wechatpay_public_key.pem"))
    }

    static func platformCertificateKey() throws -> RSAPrivateKey {
        try RSAPrivateKey(contentsOfFile: path("platform_certificate_key.pem"))
    }

    static func platformCertificate() throws -> X509Certificate {
        try X509Certificate(contentsOfFile: path("platform_certificate.pem"))
    }

    static let mchid = "1900000001"
    static let merchantSerial = "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB"
    static let publicKeyID = "PUB_KEY_ID_0119000000012025010100000000000001"
    static let certificateSerial = "3C5E0A7B19D2468F0E1D2C3B4A596877A1B2C3D4"
    static let now: Int64 = 1_700_000_000

    static func credentials() throws -> MerchantCredentials {
        MerchantCredentials(mchid: mchid, serialNumber: merchantSerial, privateKey: try merchantKey())
    }

    static func publicKeyMode() throws -> WechatPayVerificationKeys {
        WechatPayVerificationKeys(publicKeyID: publicKeyID, publicKey: try wechatPayPublicKey())
    }

    /// An answer signed as WeChat Pay signs it, with `key` under `serial`.
    static func signedResponse(
        status: Int = 200,
        body: String,
        key: RSAPrivateKey,
        serial: String = publicKeyID,
        timestamp: Int64 = now,
        nonce: String = "d824f2e086d3c1df967785d13fcd22ef",
        requestID: String? = "08F8B9C7A30610A1B2C3D4E5F6"
    ) throws -> HTTPResponse {
        let message = SignatureMessage.response(timestamp: String(timestamp), nonce: nonce, body: Array(body.utf8))
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Wechatpay-Timestamp", value: String(timestamp))
        headers.add(name: "Wechatpay-Nonce", value: nonce)
        headers.add(name: "Wechatpay-Signature", value: Base64.encode(try key.sign(message)))
        headers.add(name: "Wechatpay-Serial", value: serial)
        headers.add(name: "Wechatpay-Signature-Type", value: "WECHATPAY2-SHA256-RSA2048")
        if let requestID { headers.add(name: "Request-ID", value: requestID) }
        return HTTPResponse(statusCode: status, headers: headers, body: Array(body.utf8))
    }

    /// An answer with no signature headers at all, as error answers often come.
    static func unsignedResponse(status: Int, body: String, requestID: String? = "08F8B9C7A30610FFEEDD") -> HTTPResponse
    {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        if let requestID { headers.add(name: "Request-ID", value: requestID) }
        return HTTPResponse(statusCode: status, headers: headers, body: Array(body.utf8))
    }

    /// The "issued by the caller" lookup most client tests make.
    static let query = CouponQuery(openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", appid: "wx233544546545989", status: "SENDED")

    static let emptyPageBody = #"{"data":[],"total_count":0,"limit":20,"offset":0}"#

    static let onePageBody = """
        {"data":[{"stock_creator_mchid":"9865002","stock_id":"9865000","coupon_id":"98674556",\
        "coupon_name":"微信支付代金券","status":"SENDED","description":"满 100 减 10","create_time":"2026-03-01T10:15:00+08:00",\
        "coupon_type":"NORMAL","no_cash":false,"available_begin_time":"2026-03-01T00:00:00+08:00",\
        "available_end_time":"2026-03-31T23:59:59+08:00","singleitem":false,\
        "normal_coupon_information":{"coupon_amount":1000,"transaction_minimum":10000}}],\
        "total_count":1,"limit":20,"offset":0}
        """
}
