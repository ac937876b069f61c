import Foundation

/// The demo data set that ships inside the build.
public enum CouponAssets {
    /// The demo users file, `demo-users.json`, as bytes.
    public static func demoUsersJSON() throws -> Data {
        guard let url = Bundle.module.url(forResource: "demo-users", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }
}
