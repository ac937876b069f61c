import CouponCore
import Foundation

/// Real sandbox answers saved to a folder, so a profiler can replay them in one thread with no network.
///
/// Valgrind cannot follow the threads URLSession and Dispatch start, so `save-answers` fetches the
/// pages once and `profile` measures on these files alone.
struct AnswerArchive: Sendable {
    /// One page as it came: status 200, headers and body.
    struct Page: Sendable {
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    var openid: String
    var appid: String
    var mchid: String
    var publicKeyID: String
    var pageSize: Int
    var wechatPayKey: RSAPublicKey
    var pages: [Page]

    /// Fetches every page of `openid` (or the first `maximumPages`) from the sandbox.
    static func fetch(
        openid: String,
        connection: SandboxConnection,
        pageSize: Int,
        maximumPages: Int
    ) async throws(BenchError) -> AnswerArchive {
        var pages: [Page] = []
        var page = 0
        while page < maximumPages {
            let answer = try await connection.rawAnswer(
                to: connection.query(openid: openid, page: page, limit: pageSize)
            )
            pages.append(Page(headers: answer.headers, body: answer.body))
            let decoded: CouponPage
            do {
                decoded = try CouponPage(body: answer.body)
            } catch {
                throw .failed("page \(page + 1) does not decode: \(error)")
            }
            page += 1
            if decoded.coupons.isEmpty || page * max(1, decoded.limit) >= decoded.totalCount { break }
        }
        return AnswerArchive(
            openid: openid,
            appid: connection.appid,
            mchid: connection.mchid,
            publicKeyID: connection.publicKeyID,
            pageSize: pageSize,
            wechatPayKey: connection.wechatPayKey,
            pages: pages
        )
    }

    /// Writes the archive into `directory`, which is created if missing.
    func save(to directory: String) throws(BenchError) {
        let url = URL(fileURLWithPath: directory)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            var meta = ""
            JSONValue.object([
                JSONMember("openid", .string(openid)),
                JSONMember("appid", .string(appid)),
                JSONMember("mchid", .string(mchid)),
                JSONMember("public_key_id", .string(publicKeyID)),
                JSONMember("page_size", .number(String(pageSize))),
                JSONMember("pages", .number(String(pages.count))),
            ]).write(into: &meta)
            try Data(meta.utf8).write(to: url.appendingPathComponent("meta.json"))
            try Data(try wechatPayKey.pem()).write(to: url.appendingPathComponent("pub_key.pem"))
            for (index, page) in pages.enumerated() {
                let headers = page.headers.map { "\($0.name): \($0.value)\n" }.joined()
                try Data(headers.utf8).write(to: url.appendingPathComponent(Self.name(index, "headers")))
                try Data(page.body).write(to: url.appendingPathComponent(Self.name(index, "body")))
            }
        } catch {
            throw .failed("cannot write the answers to \(directory): \(error)")
        }
    }

    /// Reads an archive `save(to:)` wrote.
    static func load(from directory: String) throws(BenchError) -> AnswerArchive {
        let url = URL(fileURLWithPath: directory)
        do {
            let meta = try JSONParser.parse(Array(try Data(contentsOf: url.appendingPathComponent("meta.json"))))
            let count = Int(meta["pages"]?.int64Value ?? 0)
            var pages: [Page] = []
            for index in 0..<count {
                let headerText = String(
                    decoding: try Data(contentsOf: url.appendingPathComponent(name(index, "headers"))),
                    as: UTF8.self
                )
                var headers = HTTPHeaders()
                for line in headerText.split(separator: "\n") {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    let value = line[line.index(after: colon)...].drop { $0 == " " }
                    headers.add(name: String(line[..<colon]), value: String(value))
                }
                let body = Array(try Data(contentsOf: url.appendingPathComponent(name(index, "body"))))
                pages.append(Page(headers: headers, body: body))
            }
            guard !pages.isEmpty else { throw BenchError.failed("the archive in \(directory) has no pages") }
            return AnswerArchive(
                openid: meta["openid"]?.stringValue ?? "",
                appid: meta["appid"]?.stringValue ?? "",
                mchid: meta["mchid"]?.stringValue ?? "",
                publicKeyID: meta["public_key_id"]?.stringValue ?? "",
                pageSize: Int(meta["page_size"]?.int64Value ?? 100),
                wechatPayKey: try RSAPublicKey(
                    pem: Array(try Data(contentsOf: url.appendingPathComponent("pub_key.pem")))
                ),
                pages: pages
            )
        } catch let error as BenchError {
            throw error
        } catch {
            throw .failed("cannot read the answers in \(directory): \(error); write them with save-answers")
        }
    }

    private static func name(_ index: Int, _ kind: String) -> String {
        let number = String(index)
        return "page-" + String(repeating: "0", count: max(0, 4 - number.count)) + number + "." + kind
    }
}
