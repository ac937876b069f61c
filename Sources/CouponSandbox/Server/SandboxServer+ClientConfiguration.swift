import CouponCore

extension SandboxServer {
    /// A ready configuration for `CouponClient`: the throwaway merchant key, WeChat Pay's public key and this base URL.
    ///
    /// The retry policy and timeouts are the client's defaults; tests that drive fault users
    /// usually shorten them.
    public var clientConfiguration: CouponClientConfiguration {
        CouponClientConfiguration(
            credentials: MerchantCredentials(
                mchid: merchant.mchid,
                serialNumber: merchant.serialNumber,
                privateKey: merchantPrivateKey
            ),
            verificationKeys: WechatPayVerificationKeys(
                publicKeyID: merchant.publicKeyID,
                publicKey: wechatPayPublicKey
            ),
            baseURL: baseURL
        )
    }
}
