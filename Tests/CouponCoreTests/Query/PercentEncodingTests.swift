import CouponCore
import Testing

@Test func unreservedCharactersStayAndEverythingElseIsEncoded() {
    #expect(PercentEncoding.encode("AZaz09-._~") == "AZaz09-._~")
    #expect(
        PercentEncoding.encode(" /?#[]@!$&'()*+,;=%") == "%20%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%25"
    )
    #expect(PercentEncoding.encode("é") == "%C3%A9")
}

@Test func decodingReversesEncodingAndRefusesBrokenEscapes() {
    let text = "o+b=c&d%中 x"
    #expect(PercentEncoding.decode(PercentEncoding.encode(text)) == text)
    #expect(PercentEncoding.decode("a+b", plusIsSpace: true) == "a b")
    #expect(PercentEncoding.decode("a%2") == nil)
    #expect(PercentEncoding.decode("a%zz") == nil)
}
