import CouponCore
import Testing

@Test func httpsBaseURLIsReadIntoSchemeHostAndPort() throws {
    let url = try BaseURL("https://API.mch.weixin.qq.com/")
    #expect(url.scheme == "https" && url.host == "api.mch.weixin.qq.com" && url.port == nil)
    #expect(url.url(for: "/v3/x?a=1") == "https://api.mch.weixin.qq.com/v3/x?a=1")
    #expect(try BaseURL("https://[::1]:8443").description == "https://[::1]:8443")
}

@Test(arguments: [
    "http://127.0.0.1:8080", "http://127.8.9.10", "http://localhost:1", "http://LOCALHOST", "http://[::1]:9",
])
func plainHTTPIsAllowedForLoopbackHosts(text: String) throws {
    #expect(try BaseURL(text).isLoopback)
}

@Test(arguments: [
    "http://api.mch.weixin.qq.com", "http://10.0.0.1", "http://128.0.0.1", "http://localhost.example.com",
    "http://[::2]",
])
func plainHTTPToOtherHostsIsRefused(text: String) {
    #expect(throws: TransportError.insecureScheme(text)) { try BaseURL(text) }
}

@Test(arguments: [
    "api.mch.weixin.qq.com", "ftp://x", "https://", "https://x/v3", "https://x?y", "https://u:p@x", "https://x:0",
    "https://x:65536", "https://x:abc", "https://x:+80", "https://[::1", "https://x y",
])
func unusableBaseURLsAreRefused(text: String) {
    #expect(throws: TransportError.invalidBaseURL(text)) { try BaseURL(text) }
}

@Test func loopbackRecognisesMappedAndExpandedForms() {
    #expect(BaseURL.isLoopbackHost("0:0:0:0:0:0:0:1"))
    #expect(BaseURL.isLoopbackHost("::ffff:127.0.0.1"))
    #expect(!BaseURL.isLoopbackHost("127.0.0"))
    #expect(!BaseURL.isLoopbackHost("::"))
}
