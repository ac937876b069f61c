#if canImport(Glibc)
import Glibc
#endif

/// Scratch files for tests, in a fresh private directory under /tmp.
enum TestFiles {
    /// A new empty directory, mode 0700.
    static func makeDirectory() -> String {
        var template = Array("/tmp/coupondesk-core-tests-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        return made ?? "/tmp"
    }

    /// Writes `text` to `path` with `mode`.
    static func write(_ text: String, to path: String, mode: mode_t = 0o600) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        chmod(path, mode)
    }

    /// The contents of `path`, or `nil` when it cannot be read.
    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            bytes.append(contentsOf: chunk.prefix(count))
            if count < chunk.count { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The permission bits of `path`.
    static func mode(_ path: String) -> UInt32? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode) & 0o7777
    }
}
