/// What each error code means and what to do about it, in Chinese and English.
///
/// Holds WeChat Pay's own codes for the coupon list and this client's codes for failures that
/// never reached, or were not trusted from, WeChat Pay.
public enum ErrorCatalogue {
    /// One code's explanation and next step.
    public struct Entry: Sendable, Hashable {
        public var code: String
        /// Whether WeChat Pay sends this code (as opposed to this client making it up).
        public var isServerCode: Bool
        private var chinese: (explanation: String, nextStep: String)
        private var english: (explanation: String, nextStep: String)

        init(
            _ code: String,
            server: Bool,
            zh chinese: (String, String),
            en english: (String, String)
        ) {
            self.code = code
            self.isServerCode = server
            self.chinese = chinese
            self.english = english
        }

        /// What the code means.
        public func explanation(in language: Language) -> String {
            language == .chinese ? chinese.explanation : english.explanation
        }

        /// What the person should do next.
        public func nextStep(in language: Language) -> String {
            language == .chinese ? chinese.nextStep : english.nextStep
        }

        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.code == rhs.code
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(code)
        }
    }

    /// The entry for `code`, or `nil` when the catalogue does not know it.
    public static func entry(for code: String) -> Entry? {
        entriesByCode[code]
    }

    /// The entry for a code the catalogue does not know; the report still shows the code and message.
    public static func unknownServerCode(_ code: String) -> Entry {
        Entry(
            code,
            server: true,
            zh: (
                "微信支付返回了错误码 \(code)，本版本的 CouponDesk 不认识它。",
                "按错误信息处理；如仍不清楚，把错误码、信息和 Request-ID 提供给微信支付商户客服。"
            ),
            en: (
                "WeChat Pay answered with code \(code), which this version of CouponDesk does not know.",
                "Act on the message; if it is unclear, give the code, message and Request-ID to WeChat Pay merchant "
                    + "support."
            )
        )
    }

    /// Every code the catalogue knows, WeChat Pay's first.
    public static var codes: [String] { entries.map(\.code) }

    private static let entriesByCode: [String: Entry] = Dictionary(
        entries.map { ($0.code, $0) },
        uniquingKeysWith: { first, _ in first }
    )

    private static let entries: [Entry] = serverEntries + clientEntries

    // MARK: - WeChat Pay's codes

    private static let serverEntries: [Entry] = [
        Entry(
            "PARAM_ERROR",
            server: true,
            zh: (
                "微信支付认为某个参数不对，例如 openid 不属于该 appid，或字段格式不符。",
                "看下方的字段和问题说明，改正查询后再查；openid 必须是在这个 appid 下取得的。"
            ),
            en: (
                "WeChat Pay found a parameter wrong, such as an openid that does not belong to the appid.",
                "Read the field and issue below, correct the query and search again; the openid must come from this "
                    + "appid."
            )
        ),
        Entry(
            "INVALID_REQUEST",
            server: true,
            zh: (
                "请求不符合接口规则（例如参数组合不被接受，或缺少必需的 HTTP 头）。",
                "按错误信息调整查询；如信息提到 HTTP 头，请带上 Request-ID 报告 CouponDesk 的缺陷。"
            ),
            en: (
                "The request breaks a rule of the API, such as a combination of parameters it does not accept or a "
                    + "missing header.",
                "Adjust the query as the message says; if it names an HTTP header, report a CouponDesk bug with the "
                    + "Request-ID."
            )
        ),
        Entry(
            "MCH_NOT_EXISTS",
            server: true,
            zh: (
                "商户号不存在：配置里的 mchid，或查询中的 creator_mchid / available_mchid 写错了。",
                "核对商户平台上的商户号，改正配置或查询后再查。"
            ),
            en: (
                "The merchant id does not exist: the configured mchid, or creator_mchid / available_mchid in the "
                    + "query, is wrong.",
                "Check the 商户号 in the merchant platform, correct the profile or the query, and search again."
            )
        ),
        Entry(
            "APPID_MCHID_NOT_MATCH",
            server: true,
            zh: (
                "这个 appid 没有与调用的商户号关联。",
                "换成与本商户号关联的 appid，或在商户平台「产品中心 → AppID账号管理」中完成关联。"
            ),
            en: (
                "The appid is not bound to the calling merchant id.",
                "Use an appid bound to this mchid, or bind it in the merchant platform (产品中心 → AppID账号管理)."
            )
        ),
        Entry(
            "SIGN_ERROR",
            server: true,
            zh: (
                "微信支付验证请求签名失败：证书序列号与私钥不匹配、用错了私钥，或签名串与实际请求不一致。",
                "对比下面服务端收到的签名串和本机签名的串；用 'openssl x509 -in apiclient_cert.pem -noout -serial' "
                    + "核对序列号，并确认私钥是该商户API证书的私钥。"
            ),
            en: (
                "WeChat Pay could not verify the request's signature: the serial does not match the key, the key is "
                    + "not the merchant API key, or the signed text differs from the request.",
                "Compare the server's sign message with ours below; check the serial with 'openssl x509 -in "
                    + "apiclient_cert.pem -noout -serial' and that the key belongs to that certificate."
            )
        ),
        Entry(
            "NO_AUTH",
            server: true,
            zh: (
                "商户没有权限做这个查询，例如未开通代金券产品，或所查批次不是本商户创建的。",
                "确认商户平台已开通代金券（营销工具）权限；按创建批次的商户号（creator_mchid）查询。"
            ),
            en: (
                "The merchant may not make this query, e.g. cash coupons are not enabled or the batch was created by "
                    + "another merchant.",
                "Make sure cash coupons (营销工具) are enabled for the merchant; query with the mchid that created the "
                    + "batch."
            )
        ),
        Entry(
            "USER_ACCOUNT_ABNORMAL",
            server: true,
            zh: (
                "该用户的微信支付账户异常，微信支付不返回其券信息。",
                "这不是查询能解决的问题：请用户联系微信支付客服（95017）处理账户。"
            ),
            en: (
                "The user's WeChat Pay account is in an abnormal state, so WeChat Pay returns none of their coupons.",
                "No query can fix this: the user should contact WeChat Pay customer service (95017) about the account."
            )
        ),
        Entry(
            "NOT_ENOUGH",
            server: true,
            zh: (
                "额度或余额不足，微信支付拒绝了请求。",
                "在商户平台查看批次预算和账户余额；补足后再试。"
            ),
            en: (
                "A budget or balance is not enough, so WeChat Pay refused the request.",
                "Check the batch budget and the account balance in the merchant platform; top up and try again."
            )
        ),
        Entry(
            "REQUEST_BLOCKED",
            server: true,
            zh: (
                "请求被微信支付拦截，通常是商户或用户受到风控限制。",
                "不要反复重试；带上 Request-ID 联系微信支付商户客服了解限制原因。"
            ),
            en: (
                "WeChat Pay blocked the request, usually because the merchant or the user is under a risk-control "
                    + "restriction.",
                "Do not keep retrying; give the Request-ID to WeChat Pay merchant support to learn why."
            )
        ),
        Entry(
            "RESOURCE_NOT_EXISTS",
            server: true,
            zh: (
                "所查的资源不存在：该 openid 在此 appid 下没有记录，或批次不存在。",
                "核对 openid 是否来自这个 appid，stock_id 是否正确。"
            ),
            en: (
                "What was asked for does not exist: no record for the openid under this appid, or no such batch.",
                "Check that the openid comes from this appid and that the stock_id is right."
            )
        ),
        Entry(
            "FREQUENCY_LIMIT_EXCEED",
            server: true,
            zh: (
                "调用太频繁，超过了微信支付的频率限制；CouponDesk 已按退避策略自动重试过。",
                "等一分钟再查；如果多人共用一个商户号，请错开查询。"
            ),
            en: (
                "Calls came too often for WeChat Pay's rate limit; CouponDesk already retried with backoff.",
                "Wait a minute and search again; if several agents share the merchant id, spread the lookups out."
            )
        ),
        Entry(
            "RATELIMIT_EXCEEDED",
            server: true,
            zh: (
                "超过了接口的限流（每秒请求数）；CouponDesk 已按退避策略自动重试过。",
                "稍等片刻再查；如果经常出现，减少同时查询的人数。"
            ),
            en: (
                "The API's rate limit (requests per second) was exceeded; CouponDesk already retried with backoff.",
                "Wait a moment and search again; if it keeps happening, fewer agents should query at the same time."
            )
        ),
        Entry(
            "SYSTEM_ERROR",
            server: true,
            zh: (
                "微信支付内部错误；CouponDesk 已自动重试过。",
                "稍后用同样的查询再试；持续出现时把 Request-ID 提供给微信支付商户客服。"
            ),
            en: (
                "WeChat Pay had an internal error; CouponDesk already retried.",
                "Try the same query again later; if it persists, give the Request-ID to WeChat Pay merchant support."
            )
        ),
        Entry(
            "SERVICE_UNAVAILABLE",
            server: true,
            zh: (
                "微信支付服务暂时不可用；CouponDesk 已自动重试过。",
                "过几分钟再试；持续出现时把 Request-ID 提供给微信支付商户客服。"
            ),
            en: (
                "The WeChat Pay service is temporarily unavailable; CouponDesk already retried.",
                "Try again in a few minutes; if it persists, give the Request-ID to WeChat Pay merchant support."
            )
        ),
    ]

    // MARK: - This client's codes

    private static let clientEntries: [Entry] = [
        Entry(
            "SIGNATURE_PROBE",
            server: false,
            zh: (
                "微信支付发来了签名探测（WECHATPAY/SIGNTEST/），用来检查客户端是否验签；应答不可信，已自动重试一次仍是探测。",
                "稍后再查一次即可；这说明验签在正常工作。"
            ),
            en: (
                "WeChat Pay sent a signature probe (WECHATPAY/SIGNTEST/) to check that clients verify; the answer is "
                    + "not trusted, and the automatic retry got a probe too.",
                "Search again in a moment; this shows verification is working."
            )
        ),
        Entry(
            "CLOCK_SKEW",
            server: false,
            zh: (
                "应答的时间戳与本机时钟相差超过 300 秒，应答不可信：本机时钟不准，或应答被重放。",
                "校准本机时钟（例如 'timedatectl' 或 'chronyc tracking' 查看同步状态）后再查。"
            ),
            en: (
                "The answer's timestamp is more than 300 s from this machine's clock, so it is not trusted: the clock "
                    + "is wrong or the answer is replayed.",
                "Fix this machine's clock (check sync with 'timedatectl' or 'chronyc tracking') and search again."
            )
        ),
        Entry(
            "UNSIGNED_ANSWER",
            server: false,
            zh: (
                "成功应答没有微信支付签名头，按伪造处理，数据不显示。常见原因是代理或网关去掉了 Wechatpay-* 头。",
                "检查 https_proxy 指向的代理是否改写应答；直连再试。"
            ),
            en: (
                "A success answer came without WeChat Pay's signature headers, so it is treated as forged and not "
                    + "shown. A proxy or gateway that strips Wechatpay-* headers is the usual cause.",
                "Check whether the proxy in https_proxy rewrites answers; try a direct connection."
            )
        ),
        Entry(
            "UNKNOWN_SERIAL",
            server: false,
            zh: (
                "应答由一个未配置的密钥签名（Wechatpay-Serial 不在已配置的公钥 ID 或平台证书中）。",
                "在商户平台「API安全」下载当前的微信支付公钥及其 PUB_KEY_ID，或更新平台证书，然后写入配置。"
            ),
            en: (
                "The answer is signed by a key that is not configured (its Wechatpay-Serial is neither the public key "
                    + "id nor a platform certificate's serial).",
                "Download the current WeChat Pay public key and its PUB_KEY_ID from the merchant platform (API安全), or "
                    + "update the platform certificates, and put them in the profile."
            )
        ),
        Entry(
            "SIGNATURE_MISMATCH",
            server: false,
            zh: (
                "应答签名与内容不符，应答可能被篡改，数据不显示。",
                "确认配置的是微信支付公钥（不是商户证书）；仍出现时检查网络路径上的代理。"
            ),
            en: (
                "The answer's signature does not match its content; it may have been altered, so it is not shown.",
                "Make sure the configured key is WeChat Pay's public key, not the merchant certificate; if it "
                    + "persists, check the proxies on the way."
            )
        ),
        Entry(
            "MALFORMED_SIGNATURE",
            server: false,
            zh: ("应答的签名不是 Base64，应答不可信。", "再查一次；持续出现时检查网络路径上的代理。"),
            en: (
                "The answer's signature is not Base64, so the answer is not trusted.",
                "Search again; if it persists, check the proxies on the way."
            )
        ),
        Entry(
            "MALFORMED_TIMESTAMP",
            server: false,
            zh: ("应答的 Wechatpay-Timestamp 不是秒数，应答不可信。", "再查一次；持续出现时检查网络路径上的代理。"),
            en: (
                "The answer's Wechatpay-Timestamp is not a number of seconds, so the answer is not trusted.",
                "Search again; if it persists, check the proxies on the way."
            )
        ),
        Entry(
            "UNSUPPORTED_SIGNATURE_TYPE",
            server: false,
            zh: ("应答使用了 WECHATPAY2-SHA256-RSA2048 以外的签名方式，本版本无法验证。", "确认基础 URL 指向微信支付 APIv3。"),
            en: (
                "The answer is signed with a scheme other than WECHATPAY2-SHA256-RSA2048, which this version cannot "
                    + "verify.",
                "Make sure the base URL points at WeChat Pay APIv3."
            )
        ),
        Entry(
            "NETWORK",
            server: false,
            zh: (
                "连不上微信支付：没有建立连接。已按重试策略重试；使用主域名时也试过备用域名。",
                "检查网络、DNS 和 https_proxy / no_proxy 设置，然后再查。"
            ),
            en: (
                "WeChat Pay could not be reached: no connection was made. The retry policy was followed, and with the "
                    + "primary host the backup host was tried too.",
                "Check the network, DNS and the https_proxy / no_proxy settings, then search again."
            )
        ),
        Entry(
            "ANSWER_CUT_SHORT",
            server: false,
            zh: (
                "已连上微信支付，但应答在传完之前连接就断开了，残缺的应答不予采用。已按重试策略自动重试。",
                "这个查询可以安全地重复：再查一次即可；如果经常出现，多半是代理或网络中途断开连接，检查 https_proxy 设置。"
            ),
            en: (
                "WeChat Pay was reached, but the connection closed before its answer was complete, so nothing from it "
                    + "is used. It was retried under the retry policy.",
                "The lookup is safe to repeat: search again. If it keeps happening, a proxy or the network is dropping "
                    + "connections mid-answer; check https_proxy."
            )
        ),
        Entry(
            "TRANSPORT_ERROR",
            server: false,
            zh: (
                "请求没有得到可用的应答，网络层报告了上面的错误（例如途中的代理或网关）。",
                "按错误信息排查；检查 https_proxy / no_proxy 设置和网络路径，然后再查。"
            ),
            en: (
                "The request got no usable answer; the network layer reported the error above, for example from a "
                    + "proxy or gateway on the way.",
                "Act on the message; check the https_proxy / no_proxy settings and the network path, then search again."
            )
        ),
        Entry(
            "TIMEOUT",
            server: false,
            zh: ("在超时时间内没有收到应答；已按重试策略重试。", "检查网络或代理是否很慢，稍后再查。"),
            en: (
                "No answer came within the timeout; the retry policy was followed.",
                "Check whether the network or the proxy is slow, and search again later."
            )
        ),
        Entry(
            "TLS_FAILURE",
            server: false,
            zh: (
                "TLS 握手失败：证书不受信任，或有代理在中间拦截。",
                "确认系统 CA 证书（ca-certificates）已安装且时钟正确；企业代理需要把其根证书加入系统信任。"
            ),
            en: (
                "The TLS handshake failed: the certificate is not trusted, or a proxy is intercepting.",
                "Make sure ca-certificates is installed and the clock is right; an intercepting corporate proxy's root "
                    + "certificate must be trusted by the system."
            )
        ),
        Entry(
            "INSECURE_URL",
            server: false,
            zh: ("拒绝用明文 http 发送已签名的请求；只有本机回环地址可以用 http。", "把基础 URL 改成 https://。"),
            en: (
                "A signed request is never sent over plain http; only loopback hosts may use http.",
                "Change the base URL to https://."
            )
        ),
        Entry(
            "INVALID_BASE_URL",
            server: false,
            zh: ("基础 URL 无法使用：只能写协议和主机（可带端口），例如 https://api.mch.weixin.qq.com。", "改正配置中的基础 URL。"),
            en: (
                "The base URL is unusable: give only the scheme and host (and port), such as "
                    + "https://api.mch.weixin.qq.com.",
                "Correct the base URL in the profile."
            )
        ),
        Entry(
            "INVALID_QUERY",
            server: false,
            zh: ("查询违反了接口规则，没有发送。", "按提示改正对应字段后再查。"),
            en: ("The query breaks a rule of the API and was not sent.", "Correct the field named and search again.")
        ),
        Entry(
            "CONFIGURATION",
            server: false,
            zh: ("配置无法使用（商户号、证书序列号、密钥或微信支付公钥）。", "按提示改正配置；'coupondesk doctor' 会逐项检查。"),
            en: (
                "The settings are unusable (merchant id, certificate serial, key or WeChat Pay public key).",
                "Correct the profile as the message says; 'coupondesk doctor' checks each item."
            )
        ),
        Entry(
            "UNREADABLE_ANSWER",
            server: false,
            zh: ("应答已通过验签，但内容无法解析。", "带上 Request-ID 报告 CouponDesk 的缺陷；可导出原始应答附上。"),
            en: (
                "The answer passed verification but its content cannot be read.",
                "Report a CouponDesk bug with the Request-ID; the raw answer can be exported for it."
            )
        ),
        Entry(
            "HTTP_ERROR",
            server: false,
            zh: ("收到了没有错误码的错误应答，多半来自代理或网关而不是微信支付。", "检查 https_proxy 设置和网络路径。"),
            en: (
                "An error answer came without an error code, most likely from a proxy or gateway rather than WeChat "
                    + "Pay.",
                "Check the https_proxy setting and the network path."
            )
        ),
        Entry(
            "CANCELLED",
            server: false,
            zh: ("查询已取消，应答被丢弃。", "需要时重新查询。"),
            en: ("The query was cancelled and its answer dropped.", "Search again when needed.")
        ),
    ]
}
