import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the staging folders and temporary files of unfinished output when the process is
/// interrupted by SIGINT, SIGTERM or SIGHUP, then lets the signal end the process as usual.
///
/// A program (such as the `diplograph` executable) calls ``installHandlers()`` once at start;
/// ``StagedDirectory`` and ``StagedFile`` then register their staging paths while they exist.
/// Without installed handlers registering does nothing, so library users keep their own
/// signal handling.
///
/// The handler is async-signal-safe: the paths are copied in advance into memory allocated
/// at installation, the set of live paths is one atomic bit mask, and removal uses only
/// `open`, `getdents64` (Linux; looked up at installation), `unlinkat`, `unlink`, `rmdir`,
/// `close`, `signal` and `raise`. Staging folders hold files only, so one level of removal is
/// enough. While output is being committed (the swap into place), a signal is held back and
/// raised when the commit is over, so a swap is never cut in half. SIGKILL cannot be caught:
/// the next run into the same folder removes what a killed run left behind.
public enum InterruptCleanup {
    /// The most staging paths alive at once (a run has one folder or one or two files).
    static let slotCount = 64
    static let pathCapacity = 4096

    /// Bit `i` is set while slot `i` holds a live path.
    private static let live = Atomic<UInt64>(0)
    /// Bit `i` is set when slot `i` is a folder (else a file).
    private static let folders = Atomic<UInt64>(0)
    /// Non-zero while a commit is under way; a signal meanwhile is stored in `pending`.
    private static let committing = Atomic<Int>(0)
    private static let pending = Atomic<Int32>(0)
    private static let installed = Atomic<Bool>(false)

    /// `slotCount` paths of `pathCapacity` bytes, and a buffer for directory entries;
    /// allocated once by `installHandlers` and never freed.
    nonisolated(unsafe) private static var paths: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var entries: UnsafeMutableRawPointer?
    private static let entriesCapacity = 1 << 16
    typealias GetDents = @convention(c) (Int32, UnsafeMutableRawPointer?, Int) -> Int
    nonisolated(unsafe) private static var getdents: GetDents?

    /// The signals whose default action ends the process and which the handlers catch.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers (once per process; later calls do nothing) and unblocks the
    /// signals in the calling thread. A signal whose disposition is "ignore" (as under `nohup`)
    /// is left ignored.
    /// - Complexity: O(1) (a fixed table of staging paths is allocated on the first call).
    public static func installHandlers() {
        guard !installed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        paths = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * pathCapacity)
        entries = UnsafeMutableRawPointer.allocate(byteCount: entriesCapacity, alignment: 8)
        #if os(Linux)
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "getdents64") {
            getdents = unsafeBitCast(symbol, to: GetDents.self)
        }
        #endif
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in signals {
            // A signal ignored on purpose (nohup) stays ignored.
            var previous = sigaction()
            sigaction(signalNumber, nil, &previous)
            // SIG_IGN is the handler pointer 1.
            #if canImport(Darwin)
            if unsafeBitCast(previous.__sigaction_u.__sa_handler, to: Int.self) == 1 { continue }
            #else
            if unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == 1 { continue }
            #endif
            sigaddset(&unblocked, signalNumber)
            #if canImport(Darwin)
            var action = sigaction()
            action.__sigaction_u.__sa_handler = handle
            #else
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handle
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
        // A process started from a thread that blocks signals (a dispatch worker) inherits the
        // block: it would never see the signal it is meant to clean up after.
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// Whether the handlers are installed.
    public static var isInstalled: Bool { installed.load(ordering: .acquiring) }

    /// Records `path` for removal on a signal; `nil` when handlers are not installed, all slots
    /// are taken or the path is too long (the next run then removes what is left).
    static func register(_ path: String, isFolder: Bool) -> Int? {
        guard isInstalled, let paths else { return nil }
        let bytes = Array(path.utf8)
        guard bytes.count < pathCapacity, !bytes.contains(0) else { return nil }
        // Registrations take turns (the handler never takes this lock): a free slot is written,
        // then published by setting its bit.
        return registering.withLock { _ -> Int? in
            let current = live.load(ordering: .acquiring)
            guard let slot = (0..<slotCount).first(where: { current & (1 << UInt64($0)) == 0 }) else { return nil }
            let start = paths + slot * pathCapacity
            for (i, byte) in bytes.enumerated() { start[i] = CChar(bitPattern: byte) }
            start[bytes.count] = 0
            let bit: UInt64 = 1 << UInt64(slot)
            if isFolder { folders.bitwiseOr(bit, ordering: .releasing) } else { folders.bitwiseAnd(~bit, ordering: .releasing) }
            live.bitwiseOr(bit, ordering: .acquiringAndReleasing)
            return slot
        }
    }

    private static let registering = Mutex(())

    /// Forgets a registered path (it was committed or removed).
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        live.bitwiseAnd(~(UInt64(1) << UInt64(slot)), ordering: .acquiringAndReleasing)
    }

    /// Runs `body` with signals held back: a SIGINT, SIGTERM or SIGHUP during it is raised
    /// when it returns, so that a commit (a swap into place) is never cut in half.
    static func holdingSignals<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        committing.add(1, ordering: .acquiringAndReleasing)
        defer {
            if committing.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
                let signalNumber = pending.exchange(0, ordering: .acquiringAndReleasing)
                if signalNumber != 0 { raise(signalNumber) }
            }
        }
        return try body()
    }

    /// The signal handler: removes every live path, then ends the process by the signal.
    private static let handle: @convention(c) (Int32) -> Void = { signalNumber in
        if InterruptCleanup.committing.load(ordering: .acquiring) != 0 {
            InterruptCleanup.pending.store(signalNumber, ordering: .releasing)
            return
        }
        InterruptCleanup.removeLivePaths()
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
    }

    private static func removeLivePaths() {
        guard let paths else { return }
        let mask = live.exchange(0, ordering: .acquiringAndReleasing)
        let folderMask = folders.load(ordering: .acquiring)
        for slot in 0..<slotCount where mask & (1 << UInt64(slot)) != 0 {
            let path = paths + slot * pathCapacity
            if folderMask & (1 << UInt64(slot)) != 0 {
                removeFolder(path)
            } else {
                unlink(path)
            }
        }
    }

    /// Removes the files in `path`, then the folder itself. A link in the folder's place is
    /// not followed (`O_NOFOLLOW`), and `unlinkat` removes links, never what they point to.
    private static func removeFolder(_ path: UnsafeMutablePointer<CChar>) {
        #if os(Linux)
        if let getdents, let entries {
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if descriptor >= 0 {
                // Each pass removes what it lists; list again until nothing is left.
                var removedAny = true
                while removedAny {
                    removedAny = false
                    lseek(descriptor, 0, SEEK_SET)
                    while true {
                        let count = getdents(descriptor, entries, entriesCapacity)
                        if count <= 0 { break }
                        var offset = 0
                        while offset < count {
                            // struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]; }
                            let record = entries + offset
                            let length = Int(record.load(fromByteOffset: 16, as: UInt16.self))
                            let name = (record + 19).assumingMemoryBound(to: CChar.self)
                            let isDot = name[0] == 46 && (name[1] == 0 || (name[1] == 46 && name[2] == 0))
                            if !isDot && unlinkat(descriptor, name, 0) == 0 { removedAny = true }
                            if length == 0 { break }
                            offset += length
                        }
                    }
                }
                close(descriptor)
            }
        }
        #endif
        rmdir(path)
    }
}
