import CouponCore
import Dispatch
import Synchronization

/// A local stand-in for WeChat Pay's user-coupon list, on loopback, with throwaway keys.
///
/// It verifies each request's signature as WeChat Pay does, applies the API's rules to the data
/// set, and signs every successful answer with its own WeChat Pay key, so a client talks to it
/// exactly as to the real service. All work happens on one serial queue.
public final class SandboxServer: Sendable {
    /// The port the server listens on.
    public let port: UInt16
    /// `http://127.0.0.1:PORT` (or `http://[::1]:PORT`): the API base a client uses.
    public let baseURL: String
    /// The merchant the sandbox plays, and the ids a client needs.
    public let merchant: SandboxMerchant
    /// The merchant API private key, with which a client signs its requests.
    public let merchantPrivateKey: RSAPrivateKey
    /// WeChat Pay's public key, with which a client verifies the answers.
    public let wechatPayPublicKey: RSAPublicKey
    /// Every user the sandbox answers for, in data set order, the generated large user last.
    public let demoUsers: [SandboxUserSummary]
    /// The data set served, with times as written.
    public let dataSet: SandboxDataSet

    private let listener: HTTPListener
    private let service: SandboxService
    private let isStopped = Mutex(false)

    // Marks the server's queue, so a call made on it does not wait for itself.
    private static let queueKey = DispatchSpecificKey<ObjectIdentifier>()

    private init(listener: HTTPListener, service: SandboxService, keys: SandboxKeys, dataSet: SandboxDataSet) {
        self.listener = listener
        self.service = service
        self.port = listener.port
        self.baseURL = "http://\(listener.address.urlHost):\(listener.port)"
        self.merchant = service.merchant
        self.merchantPrivateKey = keys.merchantPrivateKey
        self.wechatPayPublicKey = keys.wechatPayPrivateKey.publicKey
        self.dataSet = dataSet
        self.demoUsers = dataSet.userSummaries
    }

    /// Starts a sandbox; it serves until `stop()`.
    public static func start(_ configuration: SandboxConfiguration = .init()) throws(SandboxError) -> SandboxServer {
        let address = try LoopbackAddress(host: configuration.host)
        let dataSet: SandboxDataSet
        if let given = configuration.dataSet {
            dataSet = given
        } else {
            dataSet = try SandboxDataSet.demo()
        }
        let keys: SandboxKeys
        if let given = configuration.keys {
            keys = given
        } else {
            keys = try SandboxKeys.generate()
        }
        let service = SandboxService(configuration: configuration, keys: keys, dataSet: dataSet)
        let queue = DispatchQueue(label: "CouponSandbox.server", qos: .userInitiated)
        let listener = try HTTPListener(
            address: address,
            port: configuration.port,
            limits: HTTPLimits(
                maximumHeaderBytes: configuration.maximumHeaderBytes,
                maximumBodyBytes: configuration.maximumBodyBytes,
                maximumConnections: configuration.maximumConnections,
                idleTimeout: configuration.idleTimeout,
                requestTimeout: configuration.requestTimeout
            ),
            responder: service,
            queue: queue
        )
        queue.setSpecific(key: queueKey, value: ObjectIdentifier(listener))
        let server = SandboxServer(listener: listener, service: service, keys: keys, dataSet: dataSet)
        queue.sync { listener.start() }
        return server
    }

    /// Stops accepting, closes every connection and the listening socket, and returns once they are closed.
    ///
    /// Answers still held back (the slow fault) are dropped. Calling it again does nothing.
    public func stop() {
        let wasStopped = isStopped.withLock { stopped in
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        if DispatchQueue.getSpecific(key: Self.queueKey) == ObjectIdentifier(listener) {
            listener.shutDown(group: nil)
            return
        }
        let group = DispatchGroup()
        listener.queue.sync { listener.shutDown(group: group) }
        // Each socket closes once its sources have finished on the queue, which is free again now.
        _ = group.wait(timeout: .now() + .seconds(5))
    }

    /// Whether `stop()` has been called.
    public var isRunning: Bool { !isStopped.withLock { $0 } }

    /// Makes every fault user start again from its first call, for each request target.
    public func resetFaultCounters() {
        onQueue { service.resetFaultCounters() }
    }

    /// How many client connections are open.
    public var connectionCount: Int {
        onQueue { listener.connectionCount }
    }

    deinit {
        stop()
    }

    private func onQueue<T>(_ body: () -> T) -> T {
        if DispatchQueue.getSpecific(key: Self.queueKey) == ObjectIdentifier(listener) { return body() }
        return listener.queue.sync(execute: body)
    }
}
