import CouponBrowser
import CouponCore

/// One figure measured on archived answers in this thread alone, for `valgrind --tool=callgrind`.
enum ProfileRun {
    /// The figures `profile` can run.
    enum Subject: String, Sendable, Hashable, CaseIterable {
        case sign, verify, decode, frame, export
    }

    static func run(
        _ subject: Subject,
        archiveDirectory: String,
        options: InProcessOptions
    ) throws(BenchError) -> [Figure] {
        let archive = try AnswerArchive.load(from: archiveDirectory)
        let first = archive.pages[0]
        switch subject {
        case .sign:
            let key: RSAPrivateKey
            do {
                key = try RSAPrivateKey.generate()
            } catch {
                throw .failed("cannot make a signing key: \(error)")
            }
            let signer = RequestSigner(
                credentials: MerchantCredentials(mchid: archive.mchid, serialNumber: "5EED", privateKey: key),
                clock: SystemWallClock(),
                nonceSource: SecureNonceSource()
            )
            let target = "/v3/marketing/favor/users/\(archive.openid)/coupons?appid=\(archive.appid)"
            let measurement = Measurement.time("sign", iterations: options.iterations) {
                _ = try? signer.sign(method: "GET", target: target)
            }
            return [Figure(key: "sign", title: "sign one request", measurement: measurement)]
        case .verify:
            // The archive's answers are older than the 300 s window, so the clock stands at their timestamp.
            let timestamp = Int64(first.headers["Wechatpay-Timestamp"] ?? "") ?? 0
            let verifier = ResponseVerifier(
                keys: WechatPayVerificationKeys(publicKeyID: archive.publicKeyID, publicKey: archive.wechatPayKey),
                clock: FixedClock(seconds: timestamp)
            )
            do {
                _ = try verifier.verify(headers: first.headers, body: first.body)
            } catch {
                throw .failed("the archived answer does not verify: \(error)")
            }
            let measurement = Measurement.time("verify", iterations: options.iterations) {
                _ = try? verifier.verify(headers: first.headers, body: first.body)
            }
            return [Figure(key: "verify", title: "verify one answer", measurement: measurement)]
        case .decode:
            let measurement = Measurement.time("decode", iterations: options.iterations) {
                _ = try? CouponPage(body: first.body)
            }
            return [Figure(key: "decode", title: "decode one page", measurement: measurement)]
        case .export:
            // What `list --all --format json` writes once every page is in: the coupons as they came, merged.
            var coupons: [JSONValue] = []
            for (index, page) in archive.pages.enumerated() {
                do {
                    coupons += try CouponPage(body: page.body).coupons.map(\.raw)
                } catch {
                    throw .failed("archived page \(index + 1) does not decode: \(error)")
                }
            }
            let document = JSONValue.object([
                JSONMember("total_count", .number(String(coupons.count))),
                JSONMember("data", .array(coupons)),
            ])
            var size = 0
            let measurement = Measurement.time("export", iterations: options.iterations, warmup: 1) {
                size = document.jsonText.utf8.count
            }
            return [
                Figure(
                    key: "export",
                    title: "JSON text of \(coupons.count) coupons (\(formatBytes(Int64(size))))",
                    measurement: measurement
                )
            ]
        case .frame:
            let size = options.sizes.last ?? TerminalSize(columns: 200, rows: 60)
            let loaded = try ReplayLoader.load(archive, size: size)
            return try options.sizes.map { size throws(BenchError) in
                try FrameBenchmark.measure(loaded, size: size, iterations: options.iterations)
            }
        }
    }
}
