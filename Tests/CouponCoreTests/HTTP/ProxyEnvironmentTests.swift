import CouponCore
import Testing

/// WeChat Pay's primary host, which every https case here is asked about.
private func primaryHost() throws -> BaseURL {
    try BaseURL(CouponClientConfiguration.primaryBaseURL)
}

@Test func httpsUsesHttpsProxyThenItsUpperCaseThenAllProxy() throws {
    let primary = try primaryHost()
    #expect(
        ProxyEnvironment.proxy(for: primary, environment: ["https_proxy": "http://jump:3128"]) == "http://jump:3128"
    )
    #expect(ProxyEnvironment.proxy(for: primary, environment: ["HTTPS_PROXY": "http://up:3128"]) == "http://up:3128")
    #expect(ProxyEnvironment.proxy(for: primary, environment: ["all_proxy": "socks5://s:1080"]) == "socks5://s:1080")
    #expect(ProxyEnvironment.proxy(for: primary, environment: ["http_proxy": "http://p:1"]) == nil)
    #expect(ProxyEnvironment.proxy(for: primary, environment: [:]) == nil)
}

// curl reads only lower-case http_proxy, since HTTP_PROXY can be set by a CGI request header.
@Test func plainHTTPIgnoresUpperCaseHTTPProxy() throws {
    let local = try BaseURL("http://127.0.0.1:8080")
    #expect(ProxyEnvironment.proxy(for: local, environment: ["HTTP_PROXY": "http://p:1"]) == nil)
    #expect(ProxyEnvironment.proxy(for: local, environment: ["http_proxy": "http://p:1"]) == "http://p:1")
}

@Test func noProxyMatchesHostsDomainSuffixesRangesAndStar() throws {
    let primary = try primaryHost()
    #expect(ProxyEnvironment.isExcluded(host: "api.mch.weixin.qq.com", noProxy: "weixin.qq.com"))
    #expect(ProxyEnvironment.isExcluded(host: "api.mch.weixin.qq.com", noProxy: "example.com, .qq.com"))
    #expect(!ProxyEnvironment.isExcluded(host: "api.mch.weixin.qq.com", noProxy: "xin.qq.com"))
    #expect(ProxyEnvironment.isExcluded(host: "10.1.2.3", noProxy: "10.0.0.0/8"))
    #expect(!ProxyEnvironment.isExcluded(host: "11.1.2.3", noProxy: "10.0.0.0/8"))
    #expect(ProxyEnvironment.isExcluded(host: "anything", noProxy: "*"))
    let environment = ["https_proxy": "http://jump:3128", "no_proxy": "mch.weixin.qq.com"]
    #expect(ProxyEnvironment.proxy(for: primary, environment: environment) == nil)
}

@Test func proxyPasswordsAreRedacted() throws {
    let primary = try primaryHost()
    let environment = ["https_proxy": "http://agent:s3cret@jump:3128"]
    #expect(ProxyEnvironment.proxy(for: primary, environment: environment) == "http://***@jump:3128")
}
