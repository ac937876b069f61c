import CouponCore

#if canImport(Glibc)
import Glibc
#endif

extension SandboxServer {
    /// The file names `writeClientFiles(to:)` writes inside its directory.
    public enum ClientFile {
        /// The merchant private key, PKCS#8 PEM, mode 0600.
        public static let merchantPrivateKey = "apiclient_key.pem"
        /// WeChat Pay's public key, PEM.
        public static let wechatPayPublicKey = "pub_key.pem"
        /// A ready `[profile.sandbox]` for the config file.
        public static let configuration = "config.toml"
        /// The same settings as `WECHATPAY_*` environment variables, for `. ./sandbox.env`.
        public static let environment = "sandbox.env"
    }

    /// Writes what a separate client process needs into `directory`, created private (0700) if missing.
    ///
    /// The directory holds the merchant private key (0600), WeChat Pay's public key, a
    /// `config.toml` with a `[profile.sandbox]` profile, and `sandbox.env`. An existing directory
    /// must belong to the user and be closed to group and others. The keys are throwaway ones
    /// that only this sandbox run accepts.
    public func writeClientFiles(to directory: String) throws(SandboxError) {
        let path = try Self.preparePrivateDirectory(directory)
        let keyPath = path + "/" + ClientFile.merchantPrivateKey
        let publicKeyPath = path + "/" + ClientFile.wechatPayPublicKey

        var keyPEM: [UInt8]
        let publicPEM: [UInt8]
        do throws(CryptoError) {
            keyPEM = try merchantPrivateKey.pkcs8PEM()
            publicPEM = try wechatPayPublicKey.pem()
        } catch {
            throw .cannotWrite(path: keyPath, reason: error.description)
        }
        defer {
            for index in keyPEM.indices { keyPEM[index] = 0 }
        }
        try Self.write(keyPEM, to: keyPath, mode: 0o600)
        try Self.write(publicPEM, to: publicKeyPath, mode: 0o644)

        let appid = merchant.appids.first ?? ""
        var profile = "# CouponDesk sandbox profile. The keys are throwaway ones, valid only while this sandbox runs.\n"
        profile += "# Use it with: coupondesk --config \(path)/\(ClientFile.configuration) --profile sandbox …\n"
        if merchant.appids.count > 1 {
            profile += "# Other appids bound to this merchant: \(merchant.appids.dropFirst().joined(separator: ", "))\n"
        }
        profile += "[profile.sandbox]\n"
        let settings = [
            ("mchid", merchant.mchid), ("serial_no", merchant.serialNumber), ("private_key", keyPath),
            ("public_key", publicKeyPath), ("public_key_id", merchant.publicKeyID), ("appid", appid),
            ("api_base", baseURL),
        ]
        for (key, value) in settings {
            profile += key + " = " + Self.tomlString(value) + "\n"
        }
        try Self.write(Array(profile.utf8), to: path + "/" + ClientFile.configuration, mode: 0o600)

        var environment =
            "# CouponDesk sandbox settings; load with: . \(Self.shellQuoted(path + "/" + ClientFile.environment))\n"
        let variables = [
            ("WECHATPAY_MCHID", merchant.mchid), ("WECHATPAY_SERIAL_NO", merchant.serialNumber),
            ("WECHATPAY_PRIVATE_KEY", keyPath), ("WECHATPAY_PUBLIC_KEY", publicKeyPath),
            ("WECHATPAY_PUBLIC_KEY_ID", merchant.publicKeyID), ("WECHATPAY_APPID", appid),
            ("WECHATPAY_API_BASE", baseURL),
        ]
        for (name, value) in variables {
            environment += "export \(name)=\(Self.shellQuoted(value))\n"
        }
        try Self.write(Array(environment.utf8), to: path + "/" + ClientFile.environment, mode: 0o600)
    }

    /// Creates `directory` (and missing parents) with mode 0700, or checks that an existing one is private.
    ///
    /// Returns the absolute path.
    static func preparePrivateDirectory(_ directory: String) throws(SandboxError) -> String {
        guard !directory.isEmpty else { throw .cannotWrite(path: directory, reason: "no directory named") }
        var absolute = directory
        if !absolute.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            guard getcwd(&buffer, buffer.count) != nil else {
                throw .cannotWrite(path: directory, reason: String(cString: strerror(errno)))
            }
            let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            absolute = (cwd == "/" ? "" : cwd) + "/" + directory
        }
        while absolute.count > 1, absolute.hasSuffix("/") { absolute.removeLast() }

        var prefix = ""
        for component in absolute.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw .cannotWrite(path: prefix, reason: String(cString: strerror(errno)))
            }
        }
        var status = stat()
        guard lstat(absolute, &status) == 0 else {
            throw .cannotWrite(path: absolute, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw .cannotWrite(path: absolute, reason: "it exists and is not a directory")
        }
        guard status.st_uid == geteuid() else {
            throw .cannotWrite(path: absolute, reason: "it belongs to another user")
        }
        let mode = UInt32(status.st_mode) & 0o777
        guard mode & 0o077 == 0 else { throw .directoryNotPrivate(path: absolute, mode: mode) }
        return absolute
    }

    /// Writes `bytes` to `path` with exactly `mode`, replacing a regular file and never following a link.
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(SandboxError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        // A file that already existed keeps its old mode through open(), so set it explicitly.
        guard fchmod(descriptor, mode) == 0 else {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + written, buffer.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            written += count
        }
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func tomlString(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// The value in single quotes for a POSIX shell.
    static func shellQuoted(_ value: String) -> String {
        "'" + value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
