import CouponCore
import Testing

@Test func credentialsWithDigitMchidAndHexSerialHaveNoProblem() throws {
    #expect(try TestFixtures.credentials().problem == nil)
}

@Test func credentialsNameABadMchidOrSerial() throws {
    let key = try TestFixtures.merchantKey()
    let badMchid = MerchantCredentials(mchid: "19000x", serialNumber: "ABC", privateKey: key)
    #expect(badMchid.problem?.contains("19000x") == true)
    let badSerial = MerchantCredentials(mchid: "1900000001", serialNumber: "AB\"C", privateKey: key)
    #expect(badSerial.problem?.contains("openssl x509") == true)
    let emptySerial = MerchantCredentials(mchid: "1900000001", serialNumber: "", privateKey: key)
    #expect(emptySerial.problem?.hasPrefix("the merchant certificate serial \"\" is not a hex number") == true)
}
