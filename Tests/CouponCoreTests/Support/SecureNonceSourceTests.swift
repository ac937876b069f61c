import CouponCore
import Testing

@Test func nonceHas32AlphanumericCharacters() {
    let nonce = SecureNonceSource().nonce()
    #expect(nonce.count == 32)
    #expect(nonce.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
}

@Test func noncesDoNotRepeatAndUseTheWholeAlphabet() {
    let source = SecureNonceSource()
    let nonces = (0..<200).map { _ in source.nonce() }
    #expect(Set(nonces).count == nonces.count)
    // 6400 draws from 62 characters miss one with probability far below 1e-40.
    #expect(Set(nonces.joined()).count == 62)
}
