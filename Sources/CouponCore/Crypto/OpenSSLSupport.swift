import COpenSSL

#if canImport(Glibc)
import Glibc
#endif

/// Small helpers around OpenSSL's memory BIOs and error queue.
enum OpenSSLSupport {
    /// The reasons OpenSSL queued since the last call, joined, and the queue emptied.
    static func drainErrors() -> String {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return reasons.isEmpty ? "no reason given" : reasons.joined(separator: "; ")
    }

    /// Runs `body` with a read-only memory BIO over `bytes`.
    static func withReadBIO<T>(
        _ bytes: [UInt8],
        _ body: (OpaquePointer) throws(CryptoError) -> T
    ) throws(CryptoError) -> T {
        // BIO_new_mem_buf takes an Int32 length; a buffer past it is no key or certificate anyway.
        guard let length = Int32(exactly: bytes.count) else {
            throw .openSSL(operation: "read the PEM text", reason: "\(bytes.count) bytes is too large")
        }
        let bio: OpaquePointer? = bytes.withUnsafeBytes { buffer in
            BIO_new_mem_buf(buffer.baseAddress, length)
        }
        guard let bio else {
            throw .openSSL(operation: "allocate a buffer", reason: drainErrors())
        }
        defer { BIO_free(bio) }
        return try body(bio)
    }

    /// Collects what `body` writes into a fresh memory BIO.
    static func collect(
        _ operation: String,
        _ body: (OpaquePointer) -> Int32
    ) throws(CryptoError) -> [UInt8] {
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw .openSSL(operation: "allocate a buffer", reason: drainErrors())
        }
        defer { BIO_free(bio) }
        guard body(bio) == 1 else {
            throw .openSSL(operation: operation, reason: drainErrors())
        }
        var data: UnsafeMutablePointer<CChar>?
        let length = coupondesk_bio_mem_data(bio, &data)
        guard let data, length > 0 else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) { pointer in
            Array(UnsafeBufferPointer(start: pointer, count: length))
        }
    }

    /// SHA-256 of `bytes`.
    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        _ = bytes.withUnsafeBytes { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, EVP_sha256(), nil)
        }
        return Array(digest.prefix(Int(length)))
    }

    /// Lower-case hex of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".unicodeScalars)
        var text = String.UnicodeScalarView()
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(text)
    }

    /// Whether `bytes` contain `needle`, searched without making a `String` of what may be key material.
    static func contains(_ needle: String, in bytes: [UInt8]) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return pattern.isEmpty }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }

    /// Reads a whole file; never follows into the error text with the file's contents.
    static func readFile(_ path: String) throws(CryptoError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count > 0 { bytes.append(contentsOf: chunk.prefix(count)) }
            if count < chunk.count {
                if ferror(file) != 0 {
                    throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
                }
                break
            }
            // A key or certificate file is small; refuse to slurp anything that is not.
            if bytes.count > 1 << 20 {
                throw .unreadableFile(path: path, reason: "larger than 1 MiB, so not a key or certificate")
            }
        }
        // Wipe the scratch copy so key bytes do not linger in a freed buffer.
        for index in chunk.indices { chunk[index] = 0 }
        return bytes
    }
}
