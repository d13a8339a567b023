import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure to write output, naming the path.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// Why the output was not written.
    public enum Kind: Sendable, Equatable {
        /// The folder holds files DiploGraph did not write (their names, sorted).
        case foreignFiles([String])
        /// The path may never hold output (`/`, the home folder, a folder holding the current one).
        case forbiddenFolder
        /// The path is a file where a folder is needed, or a folder where a file is needed.
        case wrongType
        /// An existing file that DiploGraph did not write would be replaced.
        case foreignFile
        /// The file system refused (permissions, space, ...).
        case system
    }

    /// The file or folder that could not be written, as the caller named it (or as resolved).
    public let path: String
    /// Why, in words (`permission denied`, `it is a folder`, ...).
    public let reason: String
    /// Which rule or failure refused the output, for callers that react to it.
    public let kind: Kind

    /// An error naming `path`.
    /// - Parameters:
    ///   - path: the file or folder that could not be written.
    ///   - reason: why, in words.
    ///   - kind: which rule or failure refused it (default: ``Kind-swift.enum/system``).
    /// - Complexity: O(1).
    public init(path: String, reason: String, kind: Kind = .system) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }

    /// `PATH: cannot write output: REASON`.
    public var description: String { "\(path): cannot write output: \(reason)" }
}

/// A folder of output written all at once or not at all, that replaces only what DiploGraph wrote.
///
/// ## The rule
/// Every output folder carries a marker file, ``markerName``, listing the files DiploGraph wrote
/// into it. When a run starts:
/// - a path that does not exist, or an empty folder (hidden files such as `.gitkeep` aside),
///   becomes the output folder;
/// - a folder with a marker has its previous output (the files the marker lists) replaced;
/// - any other folder holding files is refused with ``OutputError/Kind-swift.enum/foreignFiles(_:)``,
///   unless `force` is set: then files with the names this run writes are replaced, and every
///   other file stays;
/// - `/`, the home folder and any folder that holds the current folder are refused when they
///   hold files DiploGraph did not write, even with `force`; a regular file is refused.
///
/// Files DiploGraph did not write are never deleted: they are moved back into the new output
/// folder. A symbolic link to a folder is written through (the link stays a link).
///
/// ## Atomicity
/// Files are written into a hidden staging folder beside the target
/// (`.NAME.tmp-PID-RANDOM`). ``commit()`` swaps it with the target in one step with Linux's
/// `renameat2(RENAME_EXCHANGE)`, so readers see the old folder or the new one, never none.
/// Where the system lacks it (other kernels, some file systems) the swap is two `rename(2)`
/// calls with a moment in between when the target does not exist. The previous output is
/// then removed file by file, by the names its marker lists. A failed or interrupted run
/// leaves the previous output exactly as it was: with ``InterruptCleanup`` handlers installed
/// (``InterruptCleanup/installHandlers()``) SIGINT, SIGTERM and SIGHUP remove the staging folder before
/// the process ends, and the next run into the same folder removes the staging folders that
/// killed runs (SIGKILL, a crash) left behind.
///
/// Runs into folders of one parent folder are serialised with an advisory lock on that parent
/// (`flock(2)`), so two runs into one folder never interleave their swaps.
public final class StagedDirectory {
    /// The name of the marker file listing what DiploGraph wrote into a folder.
    public static let markerName = ".diplograph-output"
    static let markerHeader = "# Written by DiploGraph: the files it wrote into this folder, which its next run here replaces.\n"

    /// The folder the output goes to (symbolic links resolved).
    public let target: URL
    /// The hidden folder files are written into until ``commit()``.
    public let staging: URL
    private let force: Bool
    /// Whether the target is a mount point: then it is updated file by file.
    private let isMountPoint: Bool
    private var written: [String] = []
    private var isFinished = false
    private var lockDescriptor: Int32 = -1
    private var lockedTarget: String?
    private var sharedParent: String?
    /// The staging folder's slot in ``InterruptCleanup`` (removed on SIGINT, SIGTERM, SIGHUP).
    private var cleanupSlot: Int?
    private let stagingPrefix: String
    private let oldPrefix: String

    /// Prepares output into the folder at `path`: checks the rule above, takes the lock and
    /// creates the staging folder beside it (creating missing parents).
    ///
    /// - Parameters:
    ///   - path: the output folder.
    ///   - force: write beside files DiploGraph did not write instead of refusing.
    /// - Throws: ``OutputError`` naming the path when the rule refuses it or the file system fails.
    /// - Complexity: O(*f*) for *f* entries in the folder and its parent (the rule's check and
    ///   the removal of staging folders that killed runs left).
    public init(path: String, force: Bool = false) throws(OutputError) {
        guard !path.isEmpty else {
            throw OutputError(path: "''", reason: "the output folder's path is empty", kind: .wrongType)
        }
        self.force = force
        let manager = FileManager.default
        // Resolved as the kernel resolves it (symbolic links, then `..`), so that a link to a
        // folder is written through and `link/..` means what it means to every other program.
        let resolved = try Self.resolve(path)
        target = URL(fileURLWithPath: resolved)
        let name = target.lastPathComponent
        stagingPrefix = ".\(name).tmp-"
        oldPrefix = ".\(name).old-"
        let parent = target.deletingLastPathComponent()
        var staging = parent.appendingPathComponent("\(stagingPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")

        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw OutputError(path: path, reason: "it is a file, not a folder (name a new or empty folder)", kind: .wrongType)
        }
        // A folder that is a mount point (a Docker volume, say) cannot be renamed: its output
        // is staged inside it and put in place file by file.
        var targetInfo = stat(), parentInfo = stat()
        isMountPoint = exists && stat(target.path, &targetInfo) == 0 && stat(parent.path, &parentInfo) == 0
            && targetInfo.st_dev != parentInfo.st_dev
        if isMountPoint {
            staging = target.appendingPathComponent(".diplograph-staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        }
        self.staging = staging
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, reason: Self.reason(error))
        }
        try lock(parent: parent, path: path)
        do {
            removeStaleStaging(in: parent)
            if isMountPoint { removeStaleStaging(inside: target) }
            if exists { try checkRule(path: path) }
            do {
                try manager.createDirectory(at: staging, withIntermediateDirectories: false)
                cleanupSlot = InterruptCleanup.register(staging.path, isFolder: true)
                // The staging folder's marker lists every file as it is written, so that a run
                // interrupted at any point leaves a folder whose own files are known.
                try Data(Self.markerHeader.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            } catch {
                throw OutputError(path: path, reason: Self.reason(error))
            }
        } catch let error as OutputError {
            unlock()
            throw error
        } catch {
            unlock()
            throw OutputError(path: path, reason: "\(error)")
        }
    }

    deinit {
        if !isFinished { try? FileManager.default.removeItem(at: staging) }
        InterruptCleanup.unregister(cleanupSlot)
        unlock()
    }

    /// Writes `bytes` as `name` in the staging folder.
    /// - Throws: ``OutputError`` when `name` is not a plain visible file name, or the file system fails.
    ///
    /// Writing a name again replaces what was written under it.
    /// - Parameters:
    ///   - name: a plain file name: not empty, no `/`, not starting with a dot.
    ///   - bytes: the file's content.
    /// - Complexity: O(*b* + *w*) for *b* bytes and *w* files written so far.
    public func write(_ name: String, bytes: [UInt8]) throws(OutputError) {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), name != Self.markerName else {
            throw OutputError(path: target.appendingPathComponent(name).path,
                              reason: "output file names are plain names that do not start with a dot", kind: .wrongType)
        }
        do {
            if !written.contains(name) {
                // Listed before it exists: an interrupted run never leaves an unlisted file.
                let marker = try FileHandle(forWritingTo: staging.appendingPathComponent(Self.markerName))
                defer { try? marker.close() }
                try marker.seekToEnd()
                try marker.write(contentsOf: Data((name + "\n").utf8))
                written.append(name)
            }
            try Data(bytes).write(to: staging.appendingPathComponent(name))
        } catch {
            throw OutputError(path: target.appendingPathComponent(name).path, reason: Self.reason(error))
        }
    }

    /// Writes `text` as UTF-8 as `name` in the staging folder.
    /// - Parameters:
    ///   - name: a plain file name: not empty, no `/`, not starting with a dot.
    ///   - text: the file's content.
    /// - Throws: ``OutputError`` when `name` is not a plain visible file name, or the file system fails.
    /// - Complexity: O(*b* + *w*) for *b* bytes of text and *w* files written so far.
    public func write(_ name: String, text: String) throws(OutputError) {
        try write(name, bytes: Array(text.utf8))
    }

    /// Replaces the target with what was written, keeping every file DiploGraph did not write.
    ///
    /// SIGINT, SIGTERM and SIGHUP are held back until the swap is over (when
    /// ``InterruptCleanup`` handlers are installed).
    /// - Throws: ``OutputError`` when the swap fails (the previous output is then untouched), or
    ///   when, after it, something of the previous folder could not be moved back (the error
    ///   says where it is).
    /// - Complexity: O(*f* + *w*) for *f* files in the previous folder and *w* written, plus
    ///   one rename each.
    public func commit() throws(OutputError) {
        try InterruptCleanup.holdingSignals { () throws(OutputError) in try swapIntoPlace() }
    }

    private func swapIntoPlace() throws(OutputError) {
        defer { unlock() }
        let manager = FileManager.default
        let marker = Self.markerHeader + written.sorted().map { $0 + "\n" }.joined()
        do {
            try Data(marker.utf8).write(to: staging.appendingPathComponent(Self.markerName))
        } catch {
            throw OutputError(path: target.path, reason: Self.reason(error))
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: target.path, isDirectory: &isDirectory) else {
            guard rename(staging.path, target.path) == 0 else {
                throw OutputError(path: target.path, reason: String(cString: strerror(errno)))
            }
            isFinished = true
            InterruptCleanup.unregister(cleanupSlot)
            cleanupSlot = nil
            return
        }
        guard isDirectory.boolValue else {
            throw OutputError(path: target.path, reason: "it became a file during the run", kind: .wrongType)
        }
        let previous = Self.ownedNames(in: target)
        // A folder (or anything but a file) under a name this run writes is never replaced.
        let blocked = written.filter { name in
            var info = stat()
            return lstat(target.appendingPathComponent(name).path, &info) == 0 && !Self.isFileOrLink(info)
        }.sorted()
        if !blocked.isEmpty {
            throw OutputError(path: target.path, reason: "the folder holds folders named like output files (\(Self.list(blocked))); move them or name another folder",
                              kind: .foreignFiles(blocked))
        }
        if !force {
            // Files added to the folder since DiploGraph wrote it, with a name this run writes.
            let clashes = written.filter { !previous.contains($0) && manager.fileExists(atPath: target.appendingPathComponent($0).path) }.sorted()
            if !clashes.isEmpty {
                throw OutputError(path: target.path, reason: "the folder holds files DiploGraph did not write with the names of its output (\(Self.list(clashes)))",
                                  kind: .foreignFiles(clashes))
            }
        }
        if isMountPoint {
            try commitFileByFile(previous: previous)
            return
        }
        // Keep the folder's permissions and owner.
        var info = stat()
        if stat(target.path, &info) == 0 {
            _ = chown(staging.path, info.st_uid, info.st_gid)
            chmod(staging.path, info.st_mode & 0o7777)
        }
        // `staging` holds the previous output after the swap.
        guard Self.exchange(staging.path, target.path) else {
            throw OutputError(path: target.path, reason: String(cString: strerror(errno)))
        }
        isFinished = true
        // `staging` now holds the previous output: not for the signal handler to remove.
        InterruptCleanup.unregister(cleanupSlot)
        cleanupSlot = nil
        let old = staging
        let new = Set(written + [Self.markerName])
        for entry in (try? manager.contentsOfDirectory(atPath: old.path)) ?? [] {
            let from = old.appendingPathComponent(entry).path
            let owned = entry == Self.markerName || previous.contains(entry) || (force && new.contains(entry))
            if owned && Self.isFileOrLink(from) {
                unlink(from)
            } else if !new.contains(entry) {
                // Not DiploGraph's: back into the output folder.
                rename(from, target.appendingPathComponent(entry).path)
            }
        }
        // Empty now, unless something was added during the swap or could not be moved back.
        if rmdir(old.path) != 0 {
            let left = ((try? manager.contentsOfDirectory(atPath: old.path)) ?? []).sorted()
            throw OutputError(path: target.path, reason: "the new output is in place, but \(Self.list(left)) of the previous folder could not be moved back into it: it is in \(old.path)")
        }
    }

    /// The commit for a target that is a mount point: each file renamed into place (atomic
    /// per file, not for the folder), then the previous output's other files removed.
    private func commitFileByFile(previous: Set<String>) throws(OutputError) {
        for name in written + [Self.markerName] {
            guard rename(staging.appendingPathComponent(name).path, target.appendingPathComponent(name).path) == 0 else {
                throw OutputError(path: target.appendingPathComponent(name).path, reason: String(cString: strerror(errno)))
            }
        }
        isFinished = true
        InterruptCleanup.unregister(cleanupSlot)
        cleanupSlot = nil
        for name in previous.subtracting(written) where Self.isFileOrLink(target.appendingPathComponent(name).path) {
            unlink(target.appendingPathComponent(name).path)
        }
        rmdir(staging.path)
    }

    /// Drops what was written; the target stays as it was.
    /// - Complexity: O(*w*) for the *w* files written.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        InterruptCleanup.unregister(cleanupSlot)
        cleanupSlot = nil
        isFinished = true
        unlock()
    }

    // MARK: - The rule

    private func checkRule(path: String) throws(OutputError) {
        let manager = FileManager.default
        let entries = ((try? manager.contentsOfDirectory(atPath: target.path)) ?? []).sorted()
        let hasMarker = entries.contains(Self.markerName)
        if hasMarker && !Self.isFileOrLink(target.appendingPathComponent(Self.markerName).path) {
            throw OutputError(path: path, reason: "its \(Self.markerName) is not a file DiploGraph wrote; name another folder", kind: .foreignFiles([Self.markerName]))
        }
        let owned = Self.ownedNames(in: target)
        // The home folder as $HOME names it and as the password database does.
        let homes = Set([ProcessInfo.processInfo.environment["HOME"], NSHomeDirectory()].compactMap { $0 }.filter { !$0.isEmpty }
            .map { Self.realPath($0) ?? $0 })
        let isHome = homes.contains(target.path)
        let current = Self.realPath(manager.currentDirectoryPath) ?? manager.currentDirectoryPath
        let isForbidden = target.path == "/" || isHome || current == target.path || current.hasPrefix(target.path + "/")
        // Hidden files (a .gitkeep) do not make a folder the user's, except in these folders,
        // where they are the user's settings.
        let foreign = entries.filter { $0 != Self.markerName && !owned.contains($0) && (isForbidden || !$0.hasPrefix(".")) }
        guard !foreign.isEmpty else { return }
        if isForbidden {
            let what = target.path == "/" ? "the root folder" : isHome ? "the home folder" : "the current folder or holds it"
            throw OutputError(path: path, reason: "it is \(what), with files DiploGraph did not write (\(Self.list(foreign))); name a new folder for the output",
                              kind: .forbiddenFolder)
        }
        // A folder DiploGraph wrote keeps the files added to it since (they are moved into the new output).
        if !force && !hasMarker {
            throw OutputError(path: path, reason: "the folder holds files DiploGraph did not write (\(Self.list(foreign))); name a new or empty folder, or one DiploGraph wrote before",
                              kind: .foreignFiles(foreign))
        }
    }

    static func list(_ names: [String]) -> String {
        names.prefix(5).joined(separator: ", ") + (names.count > 5 ? " and \(names.count - 5) more" : "")
    }

    /// The names a folder's marker lists (empty without a marker).
    static func ownedNames(in folder: URL) -> Set<String> {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(markerName), encoding: .utf8) else { return [] }
        var names: Set<String> = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let name = String(line)
            // Only plain names: a marker cannot make DiploGraph remove anything outside the folder.
            if !name.isEmpty, !name.contains("/"), name != ".", name != ".." { names.insert(name) }
        }
        return names
    }

    // MARK: - System calls

    private func lock(parent: URL, path: String) throws(OutputError) {
        // Within one process, output folders are told apart by the registry (an flock would
        // wait for the process's own lock); across processes, by an flock on the parent folder.
        guard Self.registry.claim(target: target.path) else {
            throw OutputError(path: path, reason: "another output into this folder is being written by this program", kind: .system)
        }
        lockedTarget = target.path
        switch Self.registry.acquireParent(parent.path) {
        case .success(let descriptor):
            sharedParent = parent.path
            lockDescriptor = descriptor
        case .failure(let failure):
            Self.registry.release(target: target.path)
            lockedTarget = nil
            throw OutputError(path: path, reason: "cannot lock its folder \(parent.path): \(String(cString: strerror(failure.code)))")
        }
    }

    private func unlock() {
        if let lockedTarget { Self.registry.release(target: lockedTarget) }
        lockedTarget = nil
        if let sharedParent, lockDescriptor >= 0 {
            // The last holder in this process closes the descriptor, which releases the flock.
            if Self.registry.releaseParent(sharedParent) { close(lockDescriptor) }
        }
        sharedParent = nil
        lockDescriptor = -1
    }

    /// The output folders this process is writing, and the parent folders it holds locked.
    final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var targets: Set<String> = []
        private var parents: [String: (descriptor: Int32, holders: Int)] = [:]

        func claim(target: String) -> Bool { lock.withLock { targets.insert(target).inserted } }
        func release(target: String) { _ = lock.withLock { targets.remove(target) } }

        struct Failure: Error { let code: Int32 }

        /// A descriptor of `parent` holding its flock: the one this process already holds (one
        /// more holder), or a new one, waiting for other processes to release theirs.
        func acquireParent(_ parent: String) -> Result<Int32, Failure> {
            lock.withLock {
                if let entry = parents[parent] {
                    parents[parent] = (entry.descriptor, entry.holders + 1)
                    return .success(entry.descriptor)
                }
                let descriptor = open(parent, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { return .failure(Failure(code: errno)) }
                while flock(descriptor, LOCK_EX) != 0 {
                    if errno == EINTR { continue }
                    let code = errno
                    close(descriptor)
                    return .failure(Failure(code: code))
                }
                parents[parent] = (descriptor, 1)
                return .success(descriptor)
            }
        }

        /// One holder less; `true` when it was the last, and the descriptor should be closed.
        func releaseParent(_ parent: String) -> Bool {
            lock.withLock {
                guard let entry = parents[parent] else { return false }
                if entry.holders <= 1 { parents[parent] = nil; return true }
                parents[parent] = (entry.descriptor, entry.holders - 1)
                return false
            }
        }
    }

    static let registry = Registry()

    /// Cleans up after runs into the same target that ended without doing so (killed, power
    /// lost): their staging folders (`.NAME.tmp-PID-…`, which after a swap hold the previous
    /// output) and folders set aside by the two-rename fallback (`.NAME.old-PID-…`).
    ///
    /// Called under the lock, and only for processes that are no longer running. Each folder's
    /// marker lists DiploGraph's own files, which are removed; anything else in it (a file of
    /// the user's that was being moved back into the output) is moved into the target when the
    /// target lacks that name, and otherwise left where it is.
    private func removeStaleStaging(in parent: URL) {
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] {
            let isStaging = entry.hasPrefix(stagingPrefix), isOld = entry.hasPrefix(oldPrefix)
            guard isStaging || isOld else { continue }
            let pidText = entry.dropFirst(isStaging ? stagingPrefix.count : oldPrefix.count).prefix { $0 != "-" }
            guard let pid = Int32(pidText), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // still running
            let folder = parent.appendingPathComponent(entry)
            let owned = Self.ownedNames(in: folder)
            for item in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] {
                let from = folder.appendingPathComponent(item).path
                if (item == Self.markerName || owned.contains(item)) && Self.isFileOrLink(from) {
                    unlink(from)
                } else if manager.fileExists(atPath: target.path),
                          !manager.fileExists(atPath: target.appendingPathComponent(item).path) {
                    rename(from, target.appendingPathComponent(item).path)
                }
            }
            rmdir(folder.path)
        }
    }

    /// Removes staging folders that dead runs left inside a mount-point target.
    private func removeStaleStaging(inside folder: URL) {
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where entry.hasPrefix(".diplograph-staging-") {
            let pidText = entry.dropFirst(".diplograph-staging-".count).prefix { $0 != "-" }
            guard let pid = Int32(pidText), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            let stale = folder.appendingPathComponent(entry)
            let owned = Self.ownedNames(in: stale)
            for item in (try? manager.contentsOfDirectory(atPath: stale.path)) ?? []
            where (item == Self.markerName || owned.contains(item)) && Self.isFileOrLink(stale.appendingPathComponent(item).path) {
                unlink(stale.appendingPathComponent(item).path)
            }
            rmdir(stale.path)
        }
    }

    /// Swaps two paths atomically (Linux `renameat2(RENAME_EXCHANGE)`), or with two renames
    /// where the system lacks it.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        // glibc 2.28 and later have renameat2; look it up at run time so that older C
        // libraries (and headers without _GNU_SOURCE) fall back instead of failing to link.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        let renameExchange: UInt32 = 1 << 1
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return true }
            guard errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP else { return false }
        }
        #endif
        // Fallback: b aside (under the name stale-run cleanup knows), a into place, the old b where a was.
        let url = URL(fileURLWithPath: b)
        let hidden = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        guard rename(b, hidden) == 0 else { return false }
        guard rename(a, b) == 0 else {
            let saved = errno
            rename(hidden, b)
            errno = saved
            return false
        }
        return rename(hidden, a) == 0
    }

    static func isFileOrLink(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return isFileOrLink(info)
    }

    static func isFileOrLink(_ info: stat) -> Bool {
        let type = info.st_mode & S_IFMT
        return type == S_IFREG || type == S_IFLNK
    }

    /// `path` resolved as the kernel resolves it: an existing path by `realpath(3)`; a new one
    /// as its resolved parent plus its name.
    /// - Throws: ``OutputError`` for a link to something missing, or a new path that goes up
    ///   with `..` from a folder that does not exist.
    static func resolve(_ path: String) throws(OutputError) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let real = realPath(absolute) { return real }
        var info = stat()
        if lstat(absolute, &info) == 0 {
            throw OutputError(path: path, reason: "it is a symbolic link to something that does not exist", kind: .wrongType)
        }
        var trimmed = absolute
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let name = (trimmed as NSString).lastPathComponent
        let parent = String(trimmed.dropLast(name.count))
        guard !name.isEmpty, name != ".", name != "..", !parent.isEmpty else {
            throw OutputError(path: path, reason: "a folder on its way does not exist", kind: .wrongType)
        }
        let resolvedParent = try resolve(parent)
        return resolvedParent == "/" ? "/" + name : resolvedParent + "/" + name
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch nsError.code {
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileWriteFileExistsError: return "a file is in the way"
        default: return nsError.localizedDescription
        }
    }
}

/// A file written in pieces and put in place only on ``commit()``.
///
/// Text is buffered and written to a hidden temporary file beside the target; `commit`
/// renames it over the target. Until then the target is untouched, and a writer dropped
/// without committing removes its temporary file. A file that is replaced keeps its
/// permissions.
///
/// An existing file is replaced only when its first kilobyte holds `signature` (what DiploGraph
/// writes at the start of such a file), or when `force` is set: DiploGraph does not overwrite a
/// file it did not write.
public final class StagedFile {
    /// The file the output goes to (symbolic links resolved, so a link is written through).
    public let target: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var isFinished = false
    private var cleanupSlot: Int?

    /// Prepares output to `path`.
    ///
    /// - Parameters:
    ///   - path: the file to write.
    ///   - signature: text the first kilobyte of any file DiploGraph writes in this format holds;
    ///     an existing file without it is refused unless `force`. `nil` replaces any file.
    ///   - force: replace an existing file whatever it holds.
    /// - Throws: ``OutputError`` when the path is a folder, an existing file is not DiploGraph's,
    ///   or the file system fails.
    /// - Complexity: O(*f*) for *f* entries in the parent folder (temporary files of killed
    ///   runs are removed), and O(1) reads of the existing file's first kilobyte.
    public init(path: String, signature: String? = nil, force: Bool = false) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError(path: "''", reason: "the output file's path is empty", kind: .wrongType) }
        // Through symbolic links, as the kernel resolves them: a link stays a link.
        let target = URL(fileURLWithPath: try StagedDirectory.resolve(path))
        self.target = target
        var info = stat()
        if stat(target.path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { throw OutputError(path: path, reason: "it is a folder", kind: .wrongType) }
            // A device, pipe or socket is neither read nor replaced.
            guard type == S_IFREG else {
                throw OutputError(path: path, reason: "it is not a regular file (a device, pipe or socket); name a file", kind: .wrongType)
            }
            if let signature, !force, !Self.head(of: target.path).contains(signature) {
                throw OutputError(path: path, reason: "the file exists and DiploGraph did not write it; name a new file",
                                  kind: .foreignFile)
            }
        }
        let parent = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent).tmp-"
        temporary = parent.appendingPathComponent("\(prefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, reason: StagedDirectory.reason(error))
        }
        // Temporary files of runs that were killed before they could remove them.
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).prefix { $0 != "-" }
            guard let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let stale = parent.appendingPathComponent(entry).path
            if StagedDirectory.isFileOrLink(stale) { unlink(stale) }
        }
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path) else {
            throw OutputError(path: path, reason: "cannot create a file in \(parent.path)")
        }
        self.handle = handle
        cleanupSlot = InterruptCleanup.register(temporary.path, isFolder: false)
    }

    deinit {
        if !isFinished {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
        }
        InterruptCleanup.unregister(cleanupSlot)
    }

    /// The first kilobyte of a regular file (opened without blocking, in case it changed).
    private static func head(of path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = read(descriptor, &buffer, buffer.count)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }

    /// Appends `text` as UTF-8.
    ///
    /// Text is buffered and written to the temporary file in blocks of 64 KiB; the target is
    /// untouched until ``commit()``.
    /// - Parameter text: the text to append.
    /// - Throws: ``OutputError`` naming the target when the temporary file cannot be written
    ///   (no space left, an I/O error).
    /// - Complexity: amortised O(*b*) for *b* bytes of text.
    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(OutputError) {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw OutputError(path: target.path, reason: StagedDirectory.reason(error))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Puts the file in place.
    ///
    /// The buffered text is flushed, the temporary file takes the permissions and owner of
    /// the file it replaces, and `rename(2)` puts it over the target in one step (SIGINT,
    /// SIGTERM and SIGHUP are held back meanwhile, when ``InterruptCleanup`` handlers are
    /// installed).
    /// - Throws: ``OutputError`` naming the target when the rest of the text cannot be written,
    ///   the file cannot be closed, or the rename fails; the target is then untouched.
    /// - Complexity: O(*b*) for the *b* bytes still buffered.
    public func commit() throws(OutputError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw OutputError(path: target.path, reason: StagedDirectory.reason(error))
        }
        var info = stat()
        if stat(target.path, &info) == 0 {
            _ = chown(temporary.path, info.st_uid, info.st_gid)
            chmod(temporary.path, info.st_mode & 0o7777)
        }
        // rename(2) replaces the target atomically: readers see the old file or the new one.
        try InterruptCleanup.holdingSignals { () throws(OutputError) in
            guard rename(temporary.path, target.path) == 0 else {
                throw OutputError(path: target.path, reason: String(cString: strerror(errno)))
            }
            isFinished = true
            InterruptCleanup.unregister(cleanupSlot)
            cleanupSlot = nil
        }
    }
}
