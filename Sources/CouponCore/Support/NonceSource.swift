import COpenSSL

/// Where the `nonce_str` of each signed request comes from.
public protocol NonceSource: Sendable {
    /// A fresh random string for one request.
    func nonce() -> String
}

/// Nonces of 32 characters from `[0-9A-Za-z]`, drawn from OpenSSL's CSPRNG (`RAND_bytes`).
public struct SecureNonceSource: NonceSource {
    /// The number of characters in each nonce, as every official SDK uses.
    public static let length = 32

    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".unicodeScalars)

    public init() {}

    public func nonce() -> String {
        var scalars = String.UnicodeScalarView()
        while scalars.count < Self.length {
            var bytes = [UInt8](repeating: 0, count: 64)
            // RAND_bytes only fails when the CSPRNG cannot be seeded, which leaves nothing safe to sign with.
            guard RAND_bytes(&bytes, Int32(bytes.count)) == 1 else {
                fatalError("OpenSSL's random generator is not seeded; cannot make a request nonce")
            }
            // 248 is the largest multiple of 62 below 256: rejecting the rest keeps every character equally likely.
            for byte in bytes where byte < 248 && scalars.count < Self.length {
                scalars.append(Self.alphabet[Int(byte % 62)])
            }
        }
        return String(scalars)
    }
}
