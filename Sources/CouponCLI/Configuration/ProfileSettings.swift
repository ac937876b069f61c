import CouponCore

/// Where audit lines go besides the audit log file.
public enum AuditDestination: String, Sendable, Hashable, CaseIterable {
    /// The audit log file only.
    case file
    /// The audit log file and syslog (facility auth).
    case syslog
}

/// The effective settings of one profile after the config file, the environment and the flags.
///
/// Paths are absolute. Nothing here is a secret: keys are only ever named by their path.
public struct ProfileSettings: Sendable, Hashable {
    /// The profile's name; `env` when the settings come from the environment alone.
    public var profileName: String
    /// What chose the profile.
    public var profileSource: SettingSource
    /// The config file read, or `nil` when there was none.
    public var configPath: String?

    public var mchid: Setting<String>?
    /// `serial_no`: the serial number of the merchant API certificate.
    public var serialNumber: Setting<String>?
    public var privateKeyPath: Setting<String>?
    public var publicKeyPath: Setting<String>?
    public var publicKeyID: Setting<String>?
    public var platformCertificatePaths: Setting<[String]>?
    public var appids: Setting<[String]>?
    public var apiBase: Setting<String>
    /// IANA time zone for showing times.
    public var timeZone: Setting<String>
    public var language: Setting<Language>
    public var audit: Setting<AuditDestination>

    /// The API host WeChat Pay documents as the primary one.
    public static let defaultAPIBase = "https://api.mch.weixin.qq.com"
    /// The API's own time zone, in which its times are written.
    public static let defaultTimeZone = "Asia/Shanghai"

    /// The settings a lookup needs that are not set, each with how to set it.
    public var missingForLookup: [String] {
        var missing: [String] = []
        if mchid == nil { missing.append("mchid (WECHATPAY_MCHID or --mchid)") }
        if serialNumber == nil { missing.append("serial_no (WECHATPAY_SERIAL_NO or --serial-no)") }
        if privateKeyPath == nil { missing.append("private_key (WECHATPAY_PRIVATE_KEY or --private-key)") }
        let hasPublicKey = publicKeyPath != nil && publicKeyID != nil
        let hasCertificates = !(platformCertificatePaths?.value.isEmpty ?? true)
        if !hasPublicKey && !hasCertificates {
            if publicKeyPath != nil {
                missing.append("public_key_id for the public key (WECHATPAY_PUBLIC_KEY_ID or --public-key-id)")
            } else if publicKeyID != nil {
                missing.append("public_key, the file of \(publicKeyID?.value ?? "the id") (WECHATPAY_PUBLIC_KEY)")
            } else {
                missing.append(
                    "public_key and public_key_id (WECHATPAY_PUBLIC_KEY, WECHATPAY_PUBLIC_KEY_ID), "
                        + "or platform_certificates"
                )
            }
        }
        if appids?.value.isEmpty ?? true { missing.append("appid (WECHATPAY_APPID or --appid)") }
        return missing
    }
}
