/// The exact strings WeChat Pay APIv3 signs, for requests and for answers.
public enum SignatureMessage {
    /// The request message: `METHOD\nTARGET\nTIMESTAMP\nNONCE\nBODY\n`.
    ///
    /// Five lines, each ended by `\n`, the last included; a GET has an empty body and so ends `\n\n`.
    public static func request(
        method: String,
        target: String,
        timestamp: Int64,
        nonce: String,
        body: String = ""
    ) -> String {
        method + "\n" + target + "\n" + String(timestamp) + "\n" + nonce + "\n" + body + "\n"
    }

    /// The answer message: `TIMESTAMP\nNONCE\nBODY\n` over the raw body bytes, not re-encoded JSON.
    public static func response(timestamp: String, nonce: String, body: [UInt8]) -> [UInt8] {
        var message = Array(timestamp.utf8)
        message.append(0x0A)
        message.append(contentsOf: nonce.utf8)
        message.append(0x0A)
        message.append(contentsOf: body)
        message.append(0x0A)
        return message
    }
}
