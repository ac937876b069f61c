import Foundation

/// The demo data set that ships inside the build.
public enum DemoAssets {
    /// The demo users file, `demo-users.json`, as bytes.
    ///
    /// The file lives in the `CouponDesk_CouponAssets.resources` bundle that SwiftPM builds beside the
    /// executable; an installed `coupondesk` must be copied together with that directory.
    public static func demoUsersJSON() throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "demo-users", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return Array(try Data(contentsOf: url))
    }
}
