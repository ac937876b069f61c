import CouponCore

/// The keys a profile names, loaded: the merchant private key and WeChat Pay's public keys.
struct KeyMaterial: Sendable {
    var privateKey: RSAPrivateKey
    /// The WeChat Pay public key and its `PUB_KEY_ID_…`, in public-key mode.
    var publicKey: (id: String, key: RSAPublicKey)?
    /// Platform certificates by serial number, in certificate mode.
    var certificates: [(serial: String, certificate: X509Certificate)]

    /// Loads every key the settings name; the private key only when its permissions are safe.
    static func load(_ settings: ProfileSettings) throws(ConfigurationError) -> KeyMaterial {
        let missing = settings.missingForLookup
        if !missing.isEmpty {
            throw .missingSettings(missing, profile: settings.profileName, path: settings.configPath)
        }
        guard let privateKeySetting = settings.privateKeyPath else {
            throw .missingSettings(["private_key"], profile: settings.profileName, path: settings.configPath)
        }
        let privateKey = try loadPrivateKey(privateKeySetting)

        var publicKey: (id: String, key: RSAPublicKey)?
        if let path = settings.publicKeyPath, let id = settings.publicKeyID {
            publicKey = (id.value, try loadPublicKey(path))
        }
        var certificates: [(serial: String, certificate: X509Certificate)] = []
        if let paths = settings.platformCertificatePaths {
            for path in paths.value {
                let certificate = try loadCertificate(Setting(path, from: paths.source))
                certificates.append((certificate.serialNumber, certificate))
            }
        }
        return KeyMaterial(privateKey: privateKey, publicKey: publicKey, certificates: certificates)
    }

    /// Loads the merchant private key after checking that only its owner can read it, as ssh insists.
    static func loadPrivateKey(_ setting: Setting<String>) throws(ConfigurationError) -> RSAPrivateKey {
        let path = setting.value
        guard FileSystem.exists(path) else {
            throw .keyFile(
                kind: "private key",
                path: path,
                source: setting.source,
                reason: "no such file; download apiclient_key.pem from the merchant platform (API安全) and "
                    + "set private_key to its path"
            )
        }
        if let problem = KeyFilePermissions.problem(atPath: path) {
            throw .privateKeyPermissions(path: path, problem: "\(problem)")
        }
        do {
            return try RSAPrivateKey(contentsOfFile: path)
        } catch {
            throw .keyFile(kind: "private key", path: path, source: setting.source, reason: error.description)
        }
    }

    /// Loads the WeChat Pay public key (`pub_key.pem`).
    static func loadPublicKey(_ setting: Setting<String>) throws(ConfigurationError) -> RSAPublicKey {
        do {
            return try RSAPublicKey(contentsOfFile: setting.value)
        } catch {
            throw .keyFile(
                kind: "WeChat Pay public key",
                path: setting.value,
                source: setting.source,
                reason: error.description
            )
        }
    }

    /// Loads one platform certificate.
    static func loadCertificate(_ setting: Setting<String>) throws(ConfigurationError) -> X509Certificate {
        do {
            return try X509Certificate(contentsOfFile: setting.value)
        } catch {
            throw .keyFile(
                kind: "platform certificate",
                path: setting.value,
                source: setting.source,
                reason: error.description
            )
        }
    }
}
