import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// A listening socket on loopback and the connections it accepted, all driven from one serial queue.
///
/// Every member is used only on `queue`, which is what makes the unchecked `Sendable` sound.
final class HTTPListener: @unchecked Sendable {
    /// The port the system gave.
    let port: UInt16
    let address: LoopbackAddress
    let queue: DispatchQueue

    private let descriptor: Int32
    private let limits: HTTPLimits
    private let responder: any HTTPResponder
    private let source: any DispatchSourceRead
    private var connections: [ObjectIdentifier: HTTPConnection] = [:]
    private var isShutDown = false
    private var isAcceptPaused = false
    private var shutdownGroup: DispatchGroup?

    init(
        address: LoopbackAddress,
        port: UInt16,
        limits: HTTPLimits,
        responder: any HTTPResponder,
        queue: DispatchQueue
    ) throws(SandboxError) {
        let listening = try address.listen(port: port)
        self.descriptor = listening.descriptor
        self.port = listening.port
        self.address = address
        self.limits = limits
        self.responder = responder
        self.queue = queue
        self.source = DispatchSource.makeReadSource(fileDescriptor: listening.descriptor, queue: queue)
    }

    /// Starts accepting connections.
    func start() {
        let descriptor = descriptor
        source.setEventHandler { [self] in acceptPending() }
        source.setCancelHandler { [self] in
            Glibc.close(descriptor)
            shutdownGroup?.leave()
        }
        source.activate()
    }

    /// How many connections are open; for tests and the status line.
    var connectionCount: Int { connections.count }

    /// Stops accepting, closes every connection, and leaves `group` once each socket is closed.
    ///
    /// Call on `queue`; `group` has been entered once for the listener and once per open connection.
    func shutDown(group: DispatchGroup?) {
        guard !isShutDown else { return }
        isShutDown = true
        shutdownGroup = group
        group?.enter()
        for _ in connections { group?.enter() }
        if isAcceptPaused { source.resume() }
        source.cancel()
        for connection in connections.values { connection.close() }
    }

    private func acceptPending() {
        while !isShutDown {
            let accepted = accept(descriptor, nil, nil)
            if accepted < 0 {
                switch errno {
                case EINTR, ECONNABORTED:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: pause briefly instead of spinning on a socket that stays readable.
                    pauseAccepting()
                default:
                    break
                }
                return
            }
            // Children spawned later (a test's python3) must not inherit the connection.
            _ = fcntl(accepted, F_SETFD, FD_CLOEXEC)
            guard connections.count < limits.maximumConnections, LoopbackAddress.setNonBlocking(accepted) else {
                Glibc.close(accepted)
                continue
            }
            let connection = HTTPConnection(
                descriptor: accepted,
                queue: queue,
                limits: limits,
                responder: responder,
                onClose: { [weak self] connection in self?.connectionClosed(connection) }
            )
            connections[ObjectIdentifier(connection)] = connection
            connection.start()
        }
    }

    private func pauseAccepting() {
        guard !isAcceptPaused else { return }
        isAcceptPaused = true
        source.suspend()
        queue.asyncAfter(deadline: .now() + .milliseconds(100)) { [self] in
            guard isAcceptPaused, !isShutDown else { return }
            isAcceptPaused = false
            source.resume()
        }
    }

    private func connectionClosed(_ connection: HTTPConnection) {
        guard connections.removeValue(forKey: ObjectIdentifier(connection)) != nil else { return }
        if isShutDown { shutdownGroup?.leave() }
    }
}
