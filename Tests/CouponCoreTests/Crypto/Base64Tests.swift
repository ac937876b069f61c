import CouponCore
import Testing

// RFC 4648 §10 test vectors.
@Test(arguments: [
    ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
    ("foobar", "Zm9vYmFy"),
])
func base64MatchesTheRFCVectors(plain: String, encoded: String) {
    #expect(Base64.encode(Array(plain.utf8)) == encoded)
    #expect(Base64.decode(encoded) == Array(plain.utf8))
}

@Test func base64RoundTripsEveryByte() {
    let bytes = (0...255).map { UInt8($0) }
    #expect(Base64.decode(Base64.encode(bytes)) == bytes)
}

@Test(arguments: ["Zg", "Zg=", "Z===", "Zm9v\n", "Zm-v", "Zm_v", "Zh==", "Zm9=Yg==", "=Zg="])
func base64DecodingIsStrict(text: String) {
    #expect(Base64.decode(text) == nil)
}
