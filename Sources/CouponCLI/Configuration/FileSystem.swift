#if canImport(Glibc)
import Glibc
#endif

/// A failed file operation, with the path and the system's reason.
struct FileSystemError: Error, Sendable, Hashable, CustomStringConvertible {
    var path: String
    /// What was being done, such as "read" or "create the directory".
    var operation: String
    var reason: String

    /// The error for the current `errno`.
    static func fromErrno(_ operation: String, path: String) -> FileSystemError {
        FileSystemError(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }

    var description: String {
        "cannot \(operation) \(path): \(reason)"
    }
}

/// The few file operations the command line needs, on POSIX calls.
enum FileSystem {
    /// The whole content of a regular file, refusing anything larger than `maximumSize` bytes.
    static func readFile(_ path: String, maximumSize: Int) throws(FileSystemError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .fromErrno("read", path: path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .fromErrno("read", path: path)
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
            if bytes.count > maximumSize {
                throw FileSystemError(path: path, operation: "read", reason: "larger than \(maximumSize) bytes")
            }
        }
    }

    /// Whether anything exists at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Whether `path` is a directory.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `path` and any missing parents, each new one with `mode`; existing ones are left as they are.
    static func makeDirectories(_ path: String, mode: mode_t) throws(FileSystemError) {
        if isDirectory(path) { return }
        let parent = directoryName(of: path)
        if parent != path, !parent.isEmpty {
            try makeDirectories(parent, mode: mode)
        }
        if mkdir(path, mode) != 0, errno != EEXIST {
            throw .fromErrno("create the directory", path: path)
        }
    }

    /// The directory part of `path`: `/a/b` for `/a/b/c`, `.` for a bare name.
    static func directoryName(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The working directory of the process.
    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `path` made absolute: `~/` is the home directory, and a relative path is taken from `base`.
    static func absolutePath(_ path: String, relativeTo base: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        if path.hasPrefix("/") { return path }
        let joined = base.hasSuffix("/") ? base + path : base + "/" + path
        return joined.hasPrefix("./") ? String(joined.dropFirst(2)) : joined
    }

    /// The home directory: `HOME`, or the password database when it is unset.
    static func homeDirectory(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
            return String(cString: directory)
        }
        return "/"
    }

    /// The name of the user running the process, from the password database, else `USER` or the uid.
    static func userName(environment: [String: String]) -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return environment["USER"] ?? environment["LOGNAME"] ?? "uid \(getuid())"
    }
}
