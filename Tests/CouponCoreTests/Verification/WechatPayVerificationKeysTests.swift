import CouponCore
import Testing

@Test func publicKeyIsFoundOnlyByItsExactID() throws {
    let keys = try TestFixtures.publicKeyMode()
    let expected = try TestFixtures.wechatPayPublicKey().fingerprint
    #expect(keys.key(forSerial: TestFixtures.publicKeyID)?.fingerprint == expected)
    #expect(keys.key(forSerial: TestFixtures.publicKeyID.lowercased()) == nil)
    #expect(keys.configuredSerials == [TestFixtures.publicKeyID])
    #expect(keys.preferredSerial == TestFixtures.publicKeyID)
}

@Test func certificateSerialMatchesRegardlessOfCaseAndLeadingZeros() throws {
    let keys = WechatPayVerificationKeys(certificates: [try TestFixtures.platformCertificate()])
    let expected = try TestFixtures.platformCertificateKey().publicKey.fingerprint
    #expect(keys.key(forSerial: TestFixtures.certificateSerial.lowercased())?.fingerprint == expected)
    #expect(keys.key(forSerial: "00" + TestFixtures.certificateSerial)?.fingerprint == expected)
    #expect(keys.key(forSerial: "3C5E") == nil)
    #expect(keys.configuredSerials == [TestFixtures.certificateSerial])
    #expect(keys.preferredSerial == TestFixtures.certificateSerial)
}

@Test func publicKeyIDWithoutAKeyIsNotConfigured() throws {
    let keys = WechatPayVerificationKeys(publicKeyID: TestFixtures.publicKeyID)
    #expect(!keys.hasPublicKey)
    #expect(keys.configuredSerials.isEmpty)
    #expect(keys.key(forSerial: TestFixtures.publicKeyID) == nil)
}

@Test func bothModesListThePublicKeyFirst() throws {
    let keys = WechatPayVerificationKeys(
        publicKeyID: TestFixtures.publicKeyID,
        publicKey: try TestFixtures.wechatPayPublicKey(),
        certificates: [try TestFixtures.platformCertificate()]
    )
    #expect(keys.configuredSerials == [TestFixtures.publicKeyID, TestFixtures.certificateSerial])
    #expect(keys.preferredSerial == TestFixtures.publicKeyID)
}
