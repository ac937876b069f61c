#if canImport(Glibc)
import Glibc
#endif

/// Standard output or standard error of the process, written with `write(2)`.
public struct FileDescriptorOutput: CommandOutput {
    /// The descriptor written to.
    public let fileDescriptor: Int32
    public let isTerminal: Bool

    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        self.isTerminal = isatty(fileDescriptor) == 1
    }

    /// Standard output.
    public static var standardOutput: FileDescriptorOutput { FileDescriptorOutput(fileDescriptor: 1) }
    /// Standard error.
    public static var standardError: FileDescriptorOutput { FileDescriptorOutput(fileDescriptor: 2) }

    public var terminalColumns: Int? {
        guard isTerminal else { return nil }
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    public func write(_ text: String) {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(fileDescriptor, base + start, buffer.count - start)
            }
            if written > 0 {
                start += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                // A closed pipe (`coupondesk list | head`) ends the output; nothing more can be said there.
                return
            }
        }
    }
}
