import Glibc

// Signal handlers may touch only these: plain values set before the handlers are installed.
nonisolated(unsafe) private var relayWakeDescriptor: Int32 = -1
nonisolated(unsafe) private var chainedResizeAction = sigaction()
nonisolated(unsafe) private var emergencyTermios = termios()
nonisolated(unsafe) private var emergencyTermiosSaved = false
nonisolated(unsafe) private var emergencyBytes: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var emergencyByteCount = 0
nonisolated(unsafe) private var emergencyArmed = false
nonisolated(unsafe) private var exitHookInstalled = false
// Indexed by signal number; allocated once so a handler never touches a Swift collection.
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(relaySignalLimit))
    pointer.initialize(repeating: sigaction(), count: Int(relaySignalLimit))
    return pointer
}()
private let relaySignalLimit: Int32 = 65

/// Writes the signal's number to the wake pipe, so the event loop sees it on its own thread.
private func relayTerminationSignal(_ signal: Int32) {
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(relayWakeDescriptor, &byte, 1)
}

/// Runs ncurses' own SIGWINCH handler (which makes `KEY_RESIZE`), then wakes the loop.
private func relayResizeSignal(_ signal: Int32) {
    let flags = chainedResizeAction.sa_flags
    if flags & Int32(SA_SIGINFO) != 0 {
        chainedResizeAction.__sigaction_handler.sa_sigaction?(signal, nil, nil)
    } else if let handler = chainedResizeAction.__sigaction_handler.sa_handler,
        unsafeBitCast(handler, to: Int.self) > 1
    {
        handler(signal)
    }
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(relayWakeDescriptor, &byte, 1)
}

/// Puts the terminal back with async-signal-safe calls only, then lets the crash take its course.
private func restoreAfterCrash(_ signal: Int32) {
    restoreTerminalInEmergency()
    if signal > 0, signal < relaySignalLimit {
        sigaction(signal, previousActions + Int(signal), nil)
    } else {
        Glibc.signal(signal, SIG_DFL)
    }
    raise(signal)
}

/// Restores the saved terminal modes and leaves the alternate screen, once.
private func restoreTerminalInEmergency() {
    guard emergencyArmed else { return }
    emergencyArmed = false
    if let bytes = emergencyBytes, emergencyByteCount > 0 {
        _ = write(STDOUT_FILENO, bytes, emergencyByteCount)
    }
    if emergencyTermiosSaved {
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &emergencyTermios)
    }
}

/// Delivers signals to the event loop through its wake pipe, and restores the terminal on a crash.
///
/// SIGTERM, SIGHUP, SIGINT and SIGQUIT become wake-ups the loop reads as numbers, so quitting runs
/// the normal `endwin` path on the main thread. SIGWINCH keeps ncurses' handler: the relay calls it
/// first, then wakes the loop, whichever thread the kernel picked. A crash signal restores the
/// terminal modes and leaves the alternate screen before the previous handler (Swift's backtracer)
/// or the default action runs.
enum SignalRelay {
    static let terminationSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// Saves the terminal's modes before ncurses changes them, and the bytes that undo the screen setup.
    static func prepareEmergencyRestore(resetSequence: [UInt8]) {
        emergencyTermiosSaved = tcgetattr(STDIN_FILENO, &emergencyTermios) == 0
        emergencyBytes?.deallocate()
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, resetSequence.count))
        buffer.initialize(from: resetSequence, count: resetSequence.count)
        emergencyBytes = buffer
        emergencyByteCount = resetSequence.count
    }

    /// Replaces the reset bytes (known only once ncurses has read the terminal's description).
    static func updateResetSequence(_ resetSequence: [UInt8]) {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, resetSequence.count))
        buffer.initialize(from: resetSequence, count: resetSequence.count)
        let old = emergencyBytes
        emergencyByteCount = 0
        emergencyBytes = buffer
        emergencyByteCount = resetSequence.count
        old?.deallocate()
    }

    /// Installs the crash handlers, which restore the terminal modes saved by `prepareEmergencyRestore`.
    ///
    /// Done before ncurses starts, so that even a failure while it sets the terminal up leaves a sane tty.
    static func installCrashHandlers() {
        _ = previousActions
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = restoreAfterCrash
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(truncatingIfNeeded: SA_RESETHAND))
            sigaction(signal, &action, previousActions + Int(signal))
        }
        emergencyArmed = true
        if !exitHookInstalled {
            exitHookInstalled = true
            atexit { restoreTerminalInEmergency() }
        }
    }

    /// Installs the relays of termination and resize signals; `wakeDescriptor` is the write end of the loop's pipe.
    static func installRelays(wakeDescriptor: Int32) {
        relayWakeDescriptor = wakeDescriptor
        _ = previousActions

        for signal in terminationSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = relayTerminationSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(truncatingIfNeeded: SA_RESTART))
            sigaction(signal, &action, previousActions + Int(signal))
        }

        var resize = sigaction()
        resize.__sigaction_handler.sa_handler = relayResizeSignal
        sigemptyset(&resize.sa_mask)
        // No SA_RESTART, as ncurses does it: a blocked read or poll returns so the resize is seen.
        resize.sa_flags = 0
        sigaction(SIGWINCH, &resize, &chainedResizeAction)
    }

    /// Puts back the handlers that were there before, ncurses' SIGWINCH handler included.
    static func uninstall() {
        emergencyArmed = false
        for signal in terminationSignals + crashSignals {
            sigaction(signal, previousActions + Int(signal), nil)
        }
        sigaction(SIGWINCH, &chainedResizeAction, nil)
        relayWakeDescriptor = -1
    }
}
