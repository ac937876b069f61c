#if canImport(Glibc)
import Glibc
#endif

// FIXME: stands in for CouponCore's KeyFilePermissions until that lands; delete this file then.
enum KeyFilePermissions {
    static func problem(atPath path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "cannot inspect the file: \(String(cString: strerror(errno)))" }
        if info.st_uid != getuid() { return "it belongs to uid \(info.st_uid), not to you" }
        if info.st_mode & 0o077 != 0 {
            return "it can be read by group or others (mode \(String(info.st_mode & 0o777, radix: 8))); "
                + "run: chmod 600 '\(path)'"
        }
        return nil
    }
}
