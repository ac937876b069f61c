import CouponCore
import CouponSandbox

/// The demo data set's users, so the benchmark script picks its lookup users from the data rather than by name.
enum DemoUsers {
    /// `{"users": [{"openid", "appid", "coupons", "usable", "used", "expired", "fault"}]}`.
    static func json() throws(BenchError) -> String {
        let users: [SandboxUserSummary]
        do {
            users = try SandboxDataSet.demo().userSummaries
        } catch {
            throw .sandbox(error.description)
        }
        let objects = users.map { user in
            JSONValue.object([
                JSONMember("openid", .string(user.openid)),
                JSONMember("appid", .string(user.appid)),
                JSONMember("coupons", .number(String(user.couponCount))),
                JSONMember("usable", .number(String(user.usableCount))),
                JSONMember("used", .number(String(user.usedCount))),
                JSONMember("expired", .number(String(user.expiredCount))),
                JSONMember("fault", user.fault.map { .string($0.rawValue) } ?? .null),
            ])
        }
        var output = ""
        JSONValue.object([JSONMember("users", .array(objects))]).write(into: &output)
        return output + "\n"
    }
}
