#if canImport(Glibc)
import Glibc
#endif

/// What the terminal side of the environment looks like, for `doctor`.
enum TerminalProbe {
    /// The directories ncurses searches for compiled terminfo entries, in its order.
    static func terminfoDirectories(environment: [String: String]) -> [String] {
        var directories: [String] = []
        if let own = environment["TERMINFO"], !own.isEmpty { directories.append(own) }
        directories.append(FileSystem.homeDirectory(environment: environment) + "/.terminfo")
        if let list = environment["TERMINFO_DIRS"] {
            directories += list.split(separator: ":").map(String.init)
        }
        directories += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"]
        return directories
    }

    /// The compiled terminfo entry of `term`, or `nil` when no directory has it.
    static func terminfoPath(for term: String, environment: [String: String]) -> String? {
        guard let first = term.unicodeScalars.first, !term.contains("/"), !term.hasPrefix(".") else { return nil }
        let hex = String(first.value, radix: 16)
        for directory in terminfoDirectories(environment: environment) {
            for candidate in ["\(directory)/\(first)/\(term)", "\(directory)/\(hex)/\(term)"]
            where FileSystem.exists(candidate) {
                return candidate
            }
        }
        return nil
    }

    /// `max_colors` of a compiled terminfo entry (legacy 16-bit or extended 32-bit numbers); `nil` if unreadable.
    static func colorCount(terminfo bytes: [UInt8]) -> Int? {
        func short(_ offset: Int) -> Int? {
            guard offset + 1 < bytes.count else { return nil }
            let value = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
            return value >= 0x8000 ? value - 0x10000 : value
        }
        guard let magic = short(0), let namesSize = short(2), let booleanCount = short(4),
            let numberCount = short(6), namesSize >= 0, booleanCount >= 0, numberCount >= 0
        else { return nil }
        let numberSize: Int
        switch magic {
        case 0o432: numberSize = 2
        case 0o1036: numberSize = 4
        default: return nil
        }
        // max_colors is the 14th number; -1 (or absent) means the entry has none.
        let maxColorsIndex = 13
        guard numberCount > maxColorsIndex else { return 0 }
        var offset = 12 + namesSize + booleanCount
        if offset % 2 == 1 { offset += 1 }
        offset += maxColorsIndex * numberSize
        guard offset + numberSize <= bytes.count else { return nil }
        var value = 0
        for index in 0..<numberSize { value |= Int(bytes[offset + index]) << (8 * index) }
        if numberSize == 2, value >= 0x8000 { value -= 0x10000 }
        if numberSize == 4, value >= 0x8000_0000 { value -= 0x1_0000_0000 }
        return max(0, value)
    }

    /// The locale name the environment sets for character handling: `LC_ALL`, `LC_CTYPE`, then `LANG`.
    static func characterLocale(environment: [String: String]) -> (name: String, variable: String)? {
        for variable in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let name = environment[variable], !name.isEmpty { return (name, variable) }
        }
        return nil
    }

    /// Whether a locale name says UTF-8.
    static func isUTF8(_ localeName: String) -> Bool {
        let lowered = localeName.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }

    /// The cells the C library gives each character of `sample` under `localeName`, or `nil` when that
    /// locale is not installed.
    ///
    /// ncurses lays text out with these widths, so they are what the screen will show.
    // FIXME: the terminal emulator's own rendering is not measured (no cursor-position probe), so a
    // terminal whose font disagrees with the C library still passes.
    static func libcWidths(of sample: String, localeName: String) -> [Int]? {
        guard let locale = newlocale(LC_CTYPE_MASK, localeName, nil) else { return nil }
        defer { freelocale(locale) }
        // uselocale is per thread, so nothing else in the process sees the change.
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return sample.unicodeScalars.map { Int(wcwidth(Int32(bitPattern: $0.value))) }
    }

    /// The C library's `wcwidth`, which the Glibc module does not export; found at run time.
    private static let wcwidth: @convention(c) (Int32) -> Int32 = {
        if let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "wcwidth") {
            return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
        }
        return { _ in -1 }
    }()
}
