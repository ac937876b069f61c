#if canImport(Glibc)
import Glibc
#endif

/// The check ssh makes of a private key file: owned by the current user, and private to them.
public enum KeyFilePermissions {
    /// What is wrong with the file at `path` as a private key's home, or `nil` when nothing is.
    public static func problem(atPath path: String) -> KeyFileProblem? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .notRegularFile(path: path)
        }
        let mode = UInt32(info.st_mode) & 0o7777
        let user = UInt32(geteuid())
        if UInt32(info.st_uid) != user {
            return .ownedByAnotherUser(path: path, owner: UInt32(info.st_uid), currentUser: user, mode: mode)
        }
        if mode & 0o077 != 0 {
            return .accessibleByOthers(path: path, mode: mode)
        }
        return nil
    }
}

/// Why a private key file is not safe to use, with the command that fixes it.
public enum KeyFileProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file cannot be examined (missing, or a directory on the way is not searchable).
    case unreadable(path: String, reason: String)
    /// The path names a directory, a device or some other thing that is not a plain file.
    case notRegularFile(path: String)
    /// The file belongs to another user, who can read or replace the key.
    case ownedByAnotherUser(path: String, owner: UInt32, currentUser: UInt32, mode: UInt32)
    /// Group or other users have some permission on the file.
    case accessibleByOthers(path: String, mode: UInt32)

    /// The shell command that fixes the problem, when there is one.
    public var fixCommand: String? {
        switch self {
        case .unreadable, .notRegularFile:
            return nil
        case .ownedByAnotherUser(let path, _, let currentUser, _):
            return "sudo chown \(currentUser) \(Self.shellQuoted(path)) && chmod 600 \(Self.shellQuoted(path))"
        case .accessibleByOthers(let path, _):
            return "chmod 600 \(Self.shellQuoted(path))"
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot check the key file \(VisibleText.escape(path)): \(reason)"
        case .notRegularFile(let path):
            return "the key file \(VisibleText.escape(path)) is not a regular file; point the profile at the PEM file"
        case .ownedByAnotherUser(let path, let owner, let currentUser, let mode):
            return "the key file \(VisibleText.escape(path)) belongs to uid \(owner), not to you (uid \(currentUser)), "
                + "with permissions \(Self.octal(mode)); another user can read or replace the key. "
                + "Run: \(VisibleText.escape(fixCommand ?? ""))"
        case .accessibleByOthers(let path, let mode):
            return "permissions \(Self.octal(mode)) on the key file \(VisibleText.escape(path)) are too open: "
                + "a private key must be readable by you alone. Run: \(VisibleText.escape(fixCommand ?? ""))"
        }
    }

    /// `mode` as four octal digits, as `ls` and `chmod` speak of it.
    static func octal(_ mode: UInt32) -> String {
        let digits = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `path` as one shell word: bare when it is plainly safe, else in single quotes.
    static func shellQuoted(_ path: String) -> String {
        let safe = path.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "/", ".", "_", "-", "+", ",", ":", "@", "%": return true
            default: return false
            }
        }
        if safe, !path.isEmpty { return path }
        return "'" + path.replacingAll("'", with: "'\\''") + "'"
    }
}

extension String {
    /// The string with every `target` replaced by `replacement`, without Foundation.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var output = ""
        for character in self {
            if character == target { output += replacement } else { output.append(character) }
        }
        return output
    }
}
