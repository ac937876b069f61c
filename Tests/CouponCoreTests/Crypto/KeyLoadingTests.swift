import CouponCore
import Testing

@Test func pkcs8AndPkcs1KeysLoadAndShareTheirPublicKey() throws {
    let pkcs8 = try TestFixtures.merchantKey()
    let pkcs1 = try RSAPrivateKey(contentsOfFile: TestFixtures.path("merchant_key_pkcs1.pem"))
    let published = try RSAPublicKey(contentsOfFile: TestFixtures.path("merchant_public_key.pem"))
    #expect(pkcs8.bits == 2048)
    #expect(pkcs8.publicKey.fingerprint == published.fingerprint)
    #expect(pkcs1.publicKey.fingerprint == published.fingerprint)
}

@Test func encryptedKeyIsRefusedWithTheCommandThatDecryptsIt() {
    let error = #expect(throws: CryptoError.encryptedPrivateKey) {
        try RSAPrivateKey(contentsOfFile: TestFixtures.path("merchant_key_encrypted.pem"))
    }
    #expect(error?.description.contains("openssl pkey") == true)
}

@Test func missingKeyFileNamesThePath() {
    let path = TestFixtures.path("no_such_key.pem")
    let error = #expect(throws: CryptoError.self) { try RSAPrivateKey(contentsOfFile: path) }
    guard case .unreadableFile(let named, _)? = error else {
        Issue.record("expected unreadableFile, got \(String(describing: error))")
        return
    }
    #expect(named == path)
}

@Test func publicKeyOrCertificateGivenAsPrivateKeyIsNotPEMPrivateKey() {
    #expect(throws: CryptoError.notPEM(expected: "PRIVATE KEY")) {
        try RSAPrivateKey(contentsOfFile: TestFixtures.path("merchant_public_key.pem"))
    }
}

@Test func ecKeyIsRefusedAsNotRSA() {
    #expect(throws: CryptoError.notRSA) { try RSAPrivateKey(contentsOfFile: TestFixtures.path("ec_key.pem")) }
}

@Test func keyDescriptionShowsOnlySizeAndFingerprint() throws {
    let key = try TestFixtures.merchantKey()
    let fingerprint = key.publicKey.fingerprint
    #expect(key.description == "RSAPrivateKey(2048 bits, public key \(fingerprint))")
    #expect(String(reflecting: key) == key.description)
}

// Every way Swift can turn a value into text, for the key and for the values that hold it.
@Test func noTextualFormOfTheKeyOrItsHoldersCarriesKeyMaterial() throws {
    let key = try TestFixtures.merchantKey()
    let pemLines = String(decoding: try key.pkcs8PEM(), as: UTF8.self).split(separator: "\n")
        .filter { !$0.hasPrefix("-----") }
    try #require(pemLines.count > 20)
    let credentials = MerchantCredentials(mchid: TestFixtures.mchid, serialNumber: "01", privateKey: key)
    let configuration = CouponClientConfiguration(
        credentials: credentials,
        verificationKeys: try TestFixtures.publicKeyMode()
    )
    var dumped = ""
    dump(configuration, to: &dumped)
    let renderings = [
        "\(key)", String(reflecting: key), "\(credentials)", String(reflecting: credentials),
        "\(configuration)", dumped,
    ]
    for rendering in renderings {
        // A 16-character run of any PEM line would already be too much.
        let leaked = pemLines.first { rendering.contains($0.prefix(16)) }
        #expect(leaked == nil, "\(rendering.prefix(80)) shows part of the key")
    }
    #expect(dumped.contains("publicKeyFingerprint"))
}

@Test func certificateGivesItsSerialAndPublicKey() throws {
    let certificate = try TestFixtures.platformCertificate()
    #expect(certificate.serialNumber == TestFixtures.certificateSerial)
    let fromCertificate = try #require(certificate.publicKey)
    #expect(fromCertificate.fingerprint == (try TestFixtures.platformCertificateKey()).publicKey.fingerprint)
    let viaPEM = try RSAPublicKey(contentsOfFile: TestFixtures.path("platform_certificate.pem"))
    #expect(viaPEM.fingerprint == fromCertificate.fingerprint)
}
