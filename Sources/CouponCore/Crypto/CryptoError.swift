/// Why a key, a certificate or a signature operation failed.
///
/// No case ever carries key material: only paths, sizes and OpenSSL's own reason text.
public enum CryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read.
    case unreadableFile(path: String, reason: String)
    /// The text holds no PEM block of the kind expected.
    case notPEM(expected: String)
    /// The private key is protected by a passphrase, which this program cannot ask for.
    case encryptedPrivateKey
    /// The key is not an RSA key.
    case notRSA
    /// The RSA key is shorter than WeChat Pay accepts.
    case keyTooShort(bits: Int)
    /// OpenSSL refused an operation; `operation` says which.
    case openSSL(operation: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            return "cannot read \(VisibleText.escape(path)): \(reason)"
        case .notPEM(let expected):
            return "the file is not a PEM \(expected); it should start with a line like '-----BEGIN \(expected)-----'"
        case .encryptedPrivateKey:
            return "the private key is encrypted with a passphrase; decrypt it once with "
                + "'openssl pkey -in KEY -out apiclient_key.pem' and keep the result at mode 600"
        case .notRSA:
            return "the key is not an RSA key; WeChat Pay APIv3 signs with RSA-2048 (apiclient_key.pem)"
        case .keyTooShort(let bits):
            return "the RSA key has \(bits) bits; WeChat Pay APIv3 uses 2048-bit keys"
        case .openSSL(let operation, let reason):
            return "OpenSSL could not \(operation): \(reason)"
        }
    }
}
