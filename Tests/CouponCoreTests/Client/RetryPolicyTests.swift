import CouponCore
import Testing

@Test func defaultPolicyIsThreeRetriesWithinThirtySeconds() {
    let policy = RetryPolicy()
    #expect(policy.maximumRetries == 3)
    #expect(policy.totalBudget == .seconds(30))
    #expect(RetryPolicy.none.maximumRetries == 0)
}

@Test func delayDoublesAndJitterKeepsItBetweenHalfAndAll() {
    let policy = RetryPolicy()
    #expect(policy.delay(beforeRetry: 1, jitter: 0) == .milliseconds(500))
    #expect(policy.delay(beforeRetry: 1, jitter: 1) == .seconds(1))
    #expect(policy.delay(beforeRetry: 2, jitter: 1) == .seconds(2))
    #expect(policy.delay(beforeRetry: 3, jitter: 0.5) == .seconds(3))
}

@Test func delayNeverExceedsTheMaximumEvenForLateRetries() {
    let policy = RetryPolicy(maximumRetries: 100, maximumDelay: .seconds(10))
    for retry in [5, 20, 64, 1000] {
        #expect(policy.delay(beforeRetry: retry, jitter: 1) == .seconds(10))
    }
    #expect(policy.delay(beforeRetry: 1, jitter: 7) == .seconds(1))
    #expect(policy.delay(beforeRetry: 1, jitter: -3) == .milliseconds(500))
}

@Test func hugeOrNegativeConfiguredDelaysSaturateInsteadOfTrapping() {
    // 2⁶⁰ s: near the top of what Duration holds, and exact in the Double the jitter is applied with.
    let huge = RetryPolicy(baseDelay: .seconds(Int64(1) << 60), maximumDelay: .seconds(Int64(1) << 60))
    #expect(huge.delay(beforeRetry: 30, jitter: 1) == .seconds(Int64(1) << 60))
    let negative = RetryPolicy(baseDelay: .seconds(-Int64.max / 2))
    #expect(negative.delay(beforeRetry: 30, jitter: 1) == .zero)
}

@Test func onlyRateLimitServerErrorsAndConnectionFailuresAreRetryable() {
    #expect(RetryPolicy.isRetryable(statusCode: 429))
    #expect((500...599).allSatisfy(RetryPolicy.isRetryable(statusCode:)))
    #expect(![200, 301, 400, 401, 403, 404, 409].contains(where: RetryPolicy.isRetryable(statusCode:)))
    #expect(RetryPolicy.isRetryable(.cannotConnect(host: "h", reason: "r")))
    #expect(RetryPolicy.isRetryable(.timedOut(seconds: 10)))
    #expect(RetryPolicy.isRetryable(.answerCutShort(host: "h", reason: "transfer closed")))
    #expect(!RetryPolicy.isRetryable(.tlsFailure(reason: "r")))
    #expect(!RetryPolicy.isRetryable(.insecureScheme("http://x")))
    #expect(!RetryPolicy.isRetryable(.other("x")))
}

@Test func negativeRetryCountMeansNone() {
    #expect(RetryPolicy(maximumRetries: -2).maximumRetries == 0)
}
