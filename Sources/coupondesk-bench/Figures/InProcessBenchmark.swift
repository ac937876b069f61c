import CouponBrowser
import CouponCore
import CouponSandbox

/// How much the in-process benchmark measures and how often.
struct InProcessOptions: Sendable, Hashable {
    /// Samples per figure.
    var iterations = 200
    /// The user whose pages are loaded; `nil` picks the sandbox's largest user.
    var openid: String?
    /// The most pages loaded into the browser; `nil` loads them all.
    var pages: Int?
    /// Coupons per page, for the decoded page and the browser alike.
    var pageSize = CouponQuery.maximumLimit
    /// The terminal sizes a frame is painted at.
    var sizes = [TerminalSize(columns: 120, rows: 40), TerminalSize(columns: 200, rows: 60)]
}

/// The figures measured inside one process: signing, verifying, decoding, and a frame for one `j`.
enum InProcessBenchmark {
    /// Fetches real answers from a sandbox (the one `environment` names, or one started here), then measures.
    static func run(
        _ options: InProcessOptions,
        environment: [String: String]
    ) async throws(BenchError) -> [Figure] {
        let sandbox = try await SandboxSession.open(environment: environment)
        defer { sandbox.close() }
        let openid = try sandbox.user(options.openid)
        let connection = sandbox.connection

        // Real answers first, from the sandbox over loopback; nothing below touches the network.
        let answer = try await connection.rawAnswer(to: connection.query(openid: openid, limit: options.pageSize))
        let largest = options.sizes.max { $0.columns * $0.rows < $1.columns * $1.rows }
        let loaded = try await BrowserLoader.load(
            openid: openid,
            connection: connection,
            size: largest ?? TerminalSize(columns: 200, rows: 60),
            pageSize: options.pageSize,
            maximumPages: options.pages ?? .max
        )
        sandbox.close()

        var figures = try signingFigures(connection: connection, openid: openid, options: options, answer: answer)
        for size in options.sizes {
            figures.append(try FrameBenchmark.measure(loaded, size: size, iterations: options.iterations))
        }
        // Memory before the start-up figure, whose sandboxes would be counted too.
        let memory = try MemoryBenchmark.figure(for: loaded, key: "memory-run", sandboxInProcess: sandbox.server != nil)
        withExtendedLifetime(loaded) {}
        figures.append(try startupFigure(iterations: min(options.iterations, 10)))
        figures.append(memory)
        return figures
    }

    /// Signing one request, verifying one answer, decoding one page.
    static func signingFigures(
        connection: SandboxConnection,
        openid: String,
        options: InProcessOptions,
        answer: HTTPResponse
    ) throws(BenchError) -> [Figure] {
        let iterations = options.iterations
        let query = connection.query(openid: openid, limit: options.pageSize)
        let signer = RequestSigner(
            credentials: connection.credentials,
            clock: SystemWallClock(),
            nonceSource: SecureNonceSource()
        )
        // The clock stands at the answer's own timestamp, so a long run never drifts out of the 300 s window.
        let answeredAt = Int64(answer.headers["Wechatpay-Timestamp"] ?? "") ?? 0
        let verifier = ResponseVerifier(keys: connection.verificationKeys, clock: FixedClock(seconds: answeredAt))

        // Each body runs once untimed, so a failure is reported rather than timed.
        let target: String
        let coupons: Int
        do {
            target = try query.requestTarget(callerMchid: connection.mchid)
            _ = try signer.sign(method: "GET", target: target)
            _ = try verifier.verify(headers: answer.headers, body: answer.body)
            coupons = try CouponPage(body: answer.body).coupons.count
        } catch {
            throw .failed("a step to be measured fails: \(error)")
        }

        let sign = Measurement.time("sign", iterations: iterations) {
            _ = try? signer.sign(method: "GET", target: target)
        }
        let verify = Measurement.time("verify", iterations: iterations) {
            _ = try? verifier.verify(headers: answer.headers, body: answer.body)
        }
        let decode = Measurement.time("decode", iterations: iterations) {
            _ = try? CouponPage(body: answer.body)
        }
        return [
            Figure(
                key: "sign",
                title: "sign one request (RSA-2048 SHA-256)",
                measurement: sign,
                note: "nonce, message, signature, Authorization header"
            ),
            Figure(
                key: "verify",
                title: "verify one answer (\(coupons) coupons, \(formatBytes(Int64(answer.body.count))))",
                measurement: verify,
                note: "headers, time window, key by serial, RSA signature over the body"
            ),
            Figure(
                key: "decode",
                title: "decode a \(coupons)-coupon page",
                measurement: decode,
                note: "JSON parse and Coupon models, unknown fields kept"
            ),
        ]
    }
}

extension InProcessBenchmark {
    /// Starting and stopping a sandbox with fresh keys, which `coupondesk demo` does before its first frame.
    static func startupFigure(iterations: Int) throws(BenchError) -> Figure {
        var failure: SandboxError?
        let measurement = Measurement.time("sandbox start", iterations: iterations, warmup: 1) {
            do throws(SandboxError) {
                try SandboxServer.start().stop()
            } catch {
                failure = error
            }
        }
        if let failure { throw .sandbox(failure.description) }
        return Figure(
            key: "sandbox-start",
            title: "start and stop a sandbox with fresh keys (what demo does before its first frame)",
            measurement: measurement,
            note: "three RSA-2048 keys generated one after another, the demo data set, the listener"
        )
    }
}

/// A sandbox to fetch from: another process's, named by `WECHATPAY_*` variables, or one started here.
struct SandboxSession: Sendable {
    let connection: SandboxConnection
    /// The sandbox started in this process, when there is one.
    let server: SandboxServer?

    static func open(environment: [String: String]) async throws(BenchError) -> SandboxSession {
        if let external = try SandboxConnection(environment: environment) {
            return SandboxSession(connection: external, server: nil)
        }
        let server: SandboxServer
        do {
            server = try SandboxServer.start()
        } catch {
            throw .sandbox(error.description)
        }
        return SandboxSession(connection: SandboxConnection(server: server), server: server)
    }

    /// `openid` when given, otherwise the demo user with the most coupons: the generated large user.
    func user(_ openid: String?) throws(BenchError) -> String {
        if let openid { return openid }
        let users: [SandboxUserSummary]
        if let server {
            users = server.demoUsers
        } else {
            do {
                users = try SandboxDataSet.demo().userSummaries
            } catch {
                throw .sandbox(error.description)
            }
        }
        guard let user = users.filter({ !$0.isFault }).max(by: { $0.couponCount < $1.couponCount }) else {
            throw .failed("the demo data set has no users")
        }
        return user.openid
    }

    /// Stops the sandbox started here; does nothing for another process's.
    func close() {
        server?.stop()
    }
}
