import CouponCore

/// Builds the signing, verifying client a profile describes.
enum ClientFactory {
    /// The client configuration for `settings`, with its keys loaded and checked.
    static func configuration(for settings: ProfileSettings) throws(ConfigurationError) -> CouponClientConfiguration {
        let keys = try KeyMaterial.load(settings)
        guard let mchid = settings.mchid, let serial = settings.serialNumber else {
            throw .missingSettings(settings.missingForLookup, profile: settings.profileName, path: settings.configPath)
        }
        let configuration = CouponClientConfiguration(
            credentials: MerchantCredentials(
                mchid: mchid.value,
                serialNumber: serial.value,
                privateKey: keys.privateKey
            ),
            verificationKeys: WechatPayVerificationKeys(
                publicKeyID: keys.publicKey?.id,
                publicKey: keys.publicKey?.key,
                certificates: keys.certificates.map(\.certificate)
            ),
            baseURL: settings.apiBase.value
        )
        if let problem = configuration.problem() { throw .unusable(problem) }
        return configuration
    }

    /// The client for `settings`.
    static func makeClient(for settings: ProfileSettings) throws(ConfigurationError) -> CouponClient {
        CouponClient(configuration: try configuration(for: settings))
    }
}
