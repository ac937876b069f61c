import CouponCore

/// A `CouponFetching` that writes an audit line for every lookup the wrapped fetcher makes.
///
/// Any front end gets auditing by being handed this instead of the client; it needs to know nothing else.
public struct AuditingFetcher: CouponFetching {
    /// The fetcher that makes the lookups.
    public let base: any CouponFetching
    public let log: AuditLog
    public let context: AuditContext

    public init(wrapping base: any CouponFetching, log: AuditLog, context: AuditContext) {
        self.base = base
        self.log = log
        self.context = context
    }

    public var callerMchid: String { base.callerMchid }

    public func fetch(_ query: CouponQuery) async throws(CouponClientError) -> CouponListResponse {
        do {
            let response = try await base.fetch(query)
            log.append(AuditRecord(context: context, response: response))
            return response
        } catch {
            log.append(AuditRecord(context: context, query: query, error: error))
            throw error
        }
    }
}
