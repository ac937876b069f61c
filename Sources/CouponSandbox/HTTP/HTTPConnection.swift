import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// What answers the requests of a listener's connections; always called on the listener's queue.
protocol HTTPResponder: AnyObject, Sendable {
    /// The answer to a whole request.
    func reply(to request: HTTPServerRequest) -> HTTPReply
    /// The answer to bytes that are not a request this server takes.
    func reply(to error: HTTPRequestError) -> HTTPReply
    /// The current `Date` header value.
    func dateHeader() -> String
}

/// Limits that keep one client from holding the sandbox.
struct HTTPLimits: Sendable {
    var maximumHeaderBytes: Int
    var maximumBodyBytes: Int
    var maximumConnections: Int
    /// How long a kept-alive connection may sit with nothing to do.
    var idleTimeout: Duration
    /// How long a started request may take to arrive in full.
    var requestTimeout: Duration
}

/// One accepted TCP connection: reads requests one at a time, writes each answer, keeps the connection alive.
///
/// Every member is used only on the listener's serial queue, which is what makes the unchecked
/// `Sendable` sound.
final class HTTPConnection: @unchecked Sendable {
    private enum Phase {
        /// Waiting for, or reading, a request.
        case reading
        /// A request is with the responder or its answer is being written.
        case answering
        /// The answer was the last: the write side is shut and the rest of the input is read and dropped.
        case lingering
        case closed
    }

    private let descriptor: Int32
    private let queue: DispatchQueue
    private let limits: HTTPLimits
    private let parser: HTTPRequestParser
    private let responder: any HTTPResponder
    private let onClose: (HTTPConnection) -> Void

    private var readSource: (any DispatchSourceRead)?
    private var writeSource: (any DispatchSourceWrite)?
    private let timer: any DispatchSourceTimer
    private var isReadSuspended = false
    private var isWriteSuspended = true
    private var hasActivatedWrite = false
    private var openSources = 0

    private var phase = Phase.reading
    private var inbound: [UInt8] = []
    private var outbound: [UInt8] = []
    private var outboundOffset = 0
    private var closesAfterWrite = false
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)

    init(
        descriptor: Int32,
        queue: DispatchQueue,
        limits: HTTPLimits,
        responder: any HTTPResponder,
        onClose: @escaping (HTTPConnection) -> Void
    ) {
        self.descriptor = descriptor
        self.queue = queue
        self.limits = limits
        self.parser = HTTPRequestParser(
            maximumHeaderBytes: limits.maximumHeaderBytes,
            maximumBodyBytes: limits.maximumBodyBytes
        )
        self.responder = responder
        self.onClose = onClose
        self.timer = DispatchSource.makeTimerSource(queue: queue)
    }

    /// Starts reading; call once, on the queue.
    func start() {
        var one: Int32 = 1
        // Answers are written whole, so waiting to coalesce small segments would only add latency.
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))

        let read = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        read.setEventHandler { [self] in readAvailable() }
        read.setCancelHandler { [self] in sourceCancelled() }
        let write = DispatchSource.makeWriteSource(fileDescriptor: descriptor, queue: queue)
        write.setEventHandler { [self] in writePending() }
        write.setCancelHandler { [self] in sourceCancelled() }
        readSource = read
        writeSource = write
        openSources = 2
        // The write source starts suspended and runs only while an answer does not fit the socket buffer.
        read.activate()

        timer.setEventHandler { [self] in timedOut() }
        timer.activate()
        scheduleTimer(after: limits.idleTimeout)
    }

    /// Closes the connection at once, whatever it was doing.
    func close() {
        guard phase != .closed else { return }
        phase = .closed
        timer.cancel()
        if let readSource {
            if isReadSuspended { readSource.resume() }
            readSource.cancel()
        }
        if let writeSource {
            // A cancelled source only finishes once it runs: activate it if it never was, resume it if suspended.
            if !hasActivatedWrite {
                writeSource.activate()
            } else if isWriteSuspended {
                writeSource.resume()
            }
            isWriteSuspended = false
            writeSource.cancel()
        }
        readSource = nil
        writeSource = nil
    }

    // MARK: - Reading

    private func readAvailable() {
        let count = readBuffer.withUnsafeMutableBytes { buffer in
            recv(descriptor, buffer.baseAddress, buffer.count, 0)
        }
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return }
            close()
            return
        }
        if count == 0 {
            // The peer is done sending; whatever it left unfinished will never complete.
            close()
            return
        }
        if phase == .lingering { return }
        let startsRequest = inbound.isEmpty
        inbound.append(contentsOf: readBuffer[0..<count])
        if startsRequest, phase == .reading { scheduleTimer(after: limits.requestTimeout) }
        parseInbound()
    }

    private func parseInbound() {
        guard phase == .reading, !inbound.isEmpty else { return }
        switch parser.parse(inbound) {
        case .incomplete:
            // A body too large would already be refused, so the buffer stays within the limits.
            return
        case .failure(let error):
            let received = ContinuousClock.now
            inbound.removeAll()
            answer(responder.reply(to: error), closing: true, received: received)
        case .complete(let request, let consumed):
            let received = ContinuousClock.now
            inbound.removeFirst(consumed)
            let reply = responder.reply(to: request)
            answer(reply, closing: request.wantsClose || reply.closesConnection, received: received)
        }
    }

    // MARK: - Answering

    private func answer(_ reply: HTTPReply, closing: Bool, received: ContinuousClock.Instant) {
        phase = .answering
        suspendReading()
        scheduleTimer(after: nil)
        if reply.delay > .zero {
            queue.asyncAfter(deadline: .now() + reply.delay.dispatchInterval) { [self] in
                guard phase == .answering else { return }
                write(reply, closing: closing, received: received)
            }
        } else {
            write(reply, closing: closing, received: received)
        }
    }

    private func write(_ reply: HTTPReply, closing: Bool, received: ContinuousClock.Instant) {
        let truncated = reply.truncatedBodyLength != nil
        closesAfterWrite = closing || truncated
        var bytes = reply.response.head(keepAlive: !closesAfterWrite, date: responder.dateHeader())
        if let length = reply.truncatedBodyLength {
            bytes.append(contentsOf: reply.response.body.prefix(max(0, length)))
        } else {
            bytes.append(contentsOf: reply.response.body)
        }
        reply.onWrite?(ContinuousClock.now - received)
        outbound = bytes
        outboundOffset = 0
        // A client that stops reading is dropped after the idle timeout.
        scheduleTimer(after: limits.idleTimeout)
        writePending()
    }

    private func writePending() {
        guard phase == .answering else { return }
        while outboundOffset < outbound.count {
            let sent = outbound.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return send(descriptor, base + outboundOffset, buffer.count - outboundOffset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    resumeWriting()
                    return
                }
                close()
                return
            }
            outboundOffset += sent
        }
        suspendWriting()
        outbound = []
        outboundOffset = 0
        finishAnswer()
    }

    private func finishAnswer() {
        if closesAfterWrite {
            // Shutting only the write side lets the client read the whole answer before the connection goes.
            shutdown(descriptor, Int32(SHUT_WR))
            phase = .lingering
            inbound.removeAll()
            resumeReading()
            scheduleTimer(after: .seconds(2))
            return
        }
        phase = .reading
        resumeReading()
        scheduleTimer(after: inbound.isEmpty ? limits.idleTimeout : limits.requestTimeout)
        parseInbound()
    }

    // MARK: - Sources and timer

    private func suspendReading() {
        guard let readSource, !isReadSuspended else { return }
        readSource.suspend()
        isReadSuspended = true
    }

    private func resumeReading() {
        guard let readSource, isReadSuspended else { return }
        readSource.resume()
        isReadSuspended = false
    }

    private func suspendWriting() {
        guard let writeSource, !isWriteSuspended else { return }
        writeSource.suspend()
        isWriteSuspended = true
    }

    private func resumeWriting() {
        guard let writeSource, isWriteSuspended else { return }
        if hasActivatedWrite { writeSource.resume() } else { writeSource.activate() }
        hasActivatedWrite = true
        isWriteSuspended = false
    }

    private func scheduleTimer(after interval: Duration?) {
        guard phase != .closed else { return }
        guard let interval else {
            timer.schedule(deadline: .distantFuture, repeating: .never)
            return
        }
        timer.schedule(deadline: .now() + interval.dispatchInterval, repeating: .never)
    }

    private func timedOut() {
        close()
    }

    private func sourceCancelled() {
        openSources -= 1
        guard openSources == 0 else { return }
        // Both sources are gone, so the descriptor can be closed without another source seeing its number reused.
        Glibc.close(descriptor)
        onClose(self)
    }
}
