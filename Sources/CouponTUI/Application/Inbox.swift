import CouponBrowser
import Synchronization

/// Messages from other threads to the event loop, which wakes through the pipe to read them.
final class Inbox: Sendable {
    enum Message: Sendable {
        /// An answer to a fetch, as the intent the browser takes.
        case answer(BrowserIntent)
        /// A message to show, such as an audit-log failure.
        case notice(String)
    }

    private let messages = Mutex<[Message]>([])
    private let wakePipe: WakePipe

    init(wakePipe: WakePipe) {
        self.wakePipe = wakePipe
    }

    /// Queues a message and wakes the loop.
    func post(_ message: Message) {
        messages.withLock { $0.append(message) }
        wakePipe.wake()
    }

    /// Every message queued so far, oldest first.
    func drain() -> [Message] {
        messages.withLock { queued in
            defer { queued.removeAll() }
            return queued
        }
    }
}
