import Foundation

/// The demo data set that ships inside the build.
public enum DemoAssets {
    /// The name of the resource directory SwiftPM builds beside the executable.
    public static let bundleName = "CouponDesk_CouponAssets.resources"
    /// An environment variable naming a directory that holds `demo-users.json`, for installed copies.
    public static let directoryVariable = "COUPONDESK_ASSETS"

    /// The demo users file, `demo-users.json`, as bytes.
    ///
    /// The file is looked up in `$COUPONDESK_ASSETS`, then in the resource directory beside the
    /// running executable; a missing file is an error that says where it was looked for, never a trap.
    public static func demoUsersJSON() throws(DemoAssetsError) -> [UInt8] {
        let candidates = candidateDirectories()
        for directory in candidates {
            let path = directory + "/demo-users.json"
            if let data = FileManager.default.contents(atPath: path) {
                return Array(data)
            }
        }
        throw DemoAssetsError(searched: candidates)
    }

    private static func candidateDirectories() -> [String] {
        var directories: [String] = []
        if let override = ProcessInfo.processInfo.environment[directoryVariable], !override.isEmpty {
            directories.append(override)
        }
        // /proc/self/exe resolves symbolic links, so a linked `coupondesk` still finds its build directory.
        let executables = [
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "",
            Bundle.main.executablePath ?? "",
        ]
        for executable in executables where !executable.isEmpty {
            let directory = (executable as NSString).deletingLastPathComponent
            directories.append(directory + "/" + bundleName)
        }
        directories.append(Bundle.main.bundlePath + "/" + bundleName)
        var seen = Set<String>()
        return directories.filter { seen.insert($0).inserted }
    }
}

/// The demo data file could not be found.
public struct DemoAssetsError: Error, Sendable, CustomStringConvertible {
    /// The directories that were searched, in order.
    public var searched: [String]

    public var description: String {
        "demo-users.json was not found (looked in \(searched.joined(separator: ", "))); keep the "
            + "\(DemoAssets.bundleName) directory beside the coupondesk executable, or set "
            + "\(DemoAssets.directoryVariable) to a directory holding demo-users.json"
    }
}
