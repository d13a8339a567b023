import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `bytes` to the file at `path`, never through a symbolic link (`O_NOFOLLOW`): created
/// or emptied first, or appended to.
/// - Returns: 0, or the `errno` of the failure.
func writeWithoutFollowing(_ path: String, _ bytes: [UInt8], appending: Bool = false) -> Int32 {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (appending ? O_APPEND : O_TRUNC), 0o666)
    guard descriptor >= 0 else { return errno }
    var offset = 0
    while offset < bytes.count {
        let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
        if count < 0 {
            if errno == EINTR { continue }
            let code = errno
            close(descriptor)
            return code
        }
        offset += count
    }
    return close(descriptor) == 0 ? 0 : errno
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
    /// The target's device and inode when the run started (`nil`: it did not exist).
    private let startIdentity: Identity?

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

        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, reason: Self.reason(error))
        }
        // Locked before the target is looked at: a run that waited sees what the run before it wrote.
        let descriptor = try Self.acquireLock(target: target.path, parent: parent.path, path: path)
        // The target as it is now (lstat: never through a link); the swap checks it is still this folder.
        let start = Identity(path: target.path)
        startIdentity = start
        let exists = start != nil
        if let start, !start.isDirectory {
            Self.releaseLock(target: target.path, parent: parent.path, descriptor: descriptor)
            throw OutputError(path: path, reason: start.isLink ? "it became a symbolic link while its path was resolved; run again"
                                  : "it is a file, not a folder (name a new or empty folder)", kind: .wrongType)
        }
        // A folder that is a mount point (a Docker volume, say) cannot be renamed: its output
        // is staged inside it and put in place file by file.
        var parentInfo = stat()
        isMountPoint = exists && lstat(parent.path, &parentInfo) == 0 && start?.device != UInt64(parentInfo.st_dev)
        if isMountPoint {
            staging = target.appendingPathComponent(".diplograph-staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        }
        self.staging = staging
        lockedTarget = target.path
        sharedParent = parent.path
        lockDescriptor = descriptor
        do {
            removeStaleStaging(in: parent)
            if isMountPoint { removeStaleStaging(inside: target) }
            if exists { try checkRule(path: path) }
            guard mkdir(staging.path, 0o777) == 0 else {
                throw OutputError(path: path, reason: "cannot create a folder in \(staging.deletingLastPathComponent().path): \(Self.systemReason(errno))")
            }
            cleanupSlot = InterruptCleanup.register(staging.path, isFolder: true)
            // The staging folder's marker lists every file as it is written, so that a run
            // interrupted at any point leaves a folder whose own files are known.
            let failure = writeWithoutFollowing(staging.appendingPathComponent(Self.markerName).path, Array(Self.markerHeader.utf8))
            guard failure == 0 else {
                throw OutputError(path: path, reason: "cannot write in \(staging.path): \(Self.systemReason(failure))")
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
        if !isFinished { Self.removeStaging(staging.path) }
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
        guard !isFinished else { throw finishedError() }
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), name != Self.markerName else {
            throw OutputError(path: target.appendingPathComponent(name).path,
                              reason: "output file names are plain names that do not start with a dot", kind: .wrongType)
        }
        if !written.contains(name) {
            // Listed before it exists: an interrupted run never leaves an unlisted file.
            let failure = writeWithoutFollowing(staging.appendingPathComponent(Self.markerName).path, Array((name + "\n").utf8), appending: true)
            guard failure == 0 else {
                throw OutputError(path: target.appendingPathComponent(name).path, reason: Self.systemReason(failure))
            }
            written.append(name)
        }
        let failure = writeWithoutFollowing(staging.appendingPathComponent(name).path, bytes)
        guard failure == 0 else {
            throw OutputError(path: target.appendingPathComponent(name).path, reason: Self.systemReason(failure))
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
        guard !isFinished else { throw finishedError() }
        defer { unlock() }
        let marker = Self.markerHeader + written.sorted().map { $0 + "\n" }.joined()
        let failure = writeWithoutFollowing(staging.appendingPathComponent(Self.markerName).path, Array(marker.utf8))
        guard failure == 0 else {
            throw OutputError(path: target.path, reason: Self.systemReason(failure))
        }
        // The target must be the folder it was when the run started: never a link swapped in
        // since (the swap would empty the link's folder into the output), nor another folder.
        let now = Identity(path: target.path)
        if now != startIdentity && !(now == nil && !isMountPoint) {
            throw keepStaging(because: Self.change(from: startIdentity, to: now))
        }
        guard now != nil else {
            // No folder (it never existed, or was removed during the run): the new one takes its name.
            guard Self.renameNoReplace(staging.path, target.path) else {
                if errno == EEXIST || errno == ENOTEMPTY {
                    throw keepStaging(because: Self.change(from: startIdentity, to: Identity(path: target.path)))
                }
                throw OutputError(path: target.path, reason: Self.systemReason(errno))
            }
            isFinished = true
            InterruptCleanup.unregister(cleanupSlot)
            cleanupSlot = nil
            return
        }
        let previous = Self.ownedNames(in: target)
        // A folder (or anything but a file) under a name this run writes is never replaced.
        let blocked = written.filter { name in
            guard let info = Identity(path: target.appendingPathComponent(name).path) else { return false }
            return !info.isFileOrLink
        }.sorted()
        if !blocked.isEmpty {
            throw OutputError(path: target.path, reason: "the folder holds folders named like output files (\(Self.list(blocked))); move them or name another folder",
                              kind: .foreignFiles(blocked))
        }
        if !force {
            // Files (or links, dangling or not) added to the folder since DiploGraph wrote it, with a name this run writes.
            let clashes = written.filter { !previous.contains($0) && Identity(path: target.appendingPathComponent($0).path) != nil }.sorted()
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
        KeptPermissions.copy(from: target.path, to: staging.path, ifTypeIs: S_IFDIR, opening: O_RDONLY | O_DIRECTORY)
        // `staging` holds the previous output after the swap.
        guard Self.exchange(staging.path, target.path) else {
            throw OutputError(path: target.path, reason: Self.systemReason(errno))
        }
        // Checked again after the swap: what came out of the target's place must be the folder
        // the run started with. If a link or another folder slipped in between the check and
        // the swap, the swap is undone.
        if Identity(path: staging.path) != startIdentity {
            let swapped = Identity(path: staging.path)
            if Self.exchange(staging.path, target.path) {
                throw keepStaging(because: Self.change(from: startIdentity, to: swapped))
            }
            isFinished = true
            InterruptCleanup.unregister(cleanupSlot)
            cleanupSlot = nil
            throw OutputError(path: target.path, reason: "the folder was replaced during the swap (\(Self.change(from: startIdentity, to: swapped))), and the swap could not be undone: the new output is in \(target.path), and what was there is in \(staging.path)")
        }
        isFinished = true
        // `staging` now holds the previous output: not for the signal handler to remove.
        InterruptCleanup.unregister(cleanupSlot)
        cleanupSlot = nil
        let old = staging
        let new = Set(written + [Self.markerName])
        // Relative to descriptors opened without following links: nothing is reached through a link.
        let oldFolder = open(old.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        let newFolder = open(target.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        defer {
            if oldFolder >= 0 { close(oldFolder) }
            if newFolder >= 0 { close(newFolder) }
        }
        if oldFolder >= 0 && newFolder >= 0 {
            for entry in Self.names(in: oldFolder) {
                guard let item = Identity(in: oldFolder, name: entry) else { continue }
                let owned = entry == Self.markerName || previous.contains(entry) || (force && new.contains(entry))
                if owned && item.isFileOrLink {
                    unlinkat(oldFolder, entry, 0)
                } else if !new.contains(entry) {
                    // Not DiploGraph's: back into the output folder.
                    _ = Self.renameNoReplace(at: oldFolder, entry, to: newFolder, entry)
                }
            }
        }
        // Empty now, unless something was added during the swap or could not be moved back.
        if rmdir(old.path) != 0 {
            let code = errno
            let left = (oldFolder >= 0 ? Self.names(in: oldFolder) : []).sorted()
            if left.isEmpty {
                throw OutputError(path: target.path, reason: "the new output is in place, but the previous folder, now \(old.path), could not be removed: \(Self.systemReason(code))")
            }
            throw OutputError(path: target.path, reason: "the new output is in place, but \(Self.list(left)) of the previous folder could not be moved back into it: it is in \(old.path)")
        }
    }

    /// The error for a second ``commit()`` or a write after it.
    private func finishedError() -> OutputError {
        OutputError(path: target.path, reason: "this output was already committed or discarded (a StagedDirectory is committed once); start a new one", kind: .system)
    }

    /// Keeps what was written when the target changed during the run: the staging folder is
    /// renamed to a visible name beside the target (`NAME.new-PID-N`) that no cleanup removes.
    /// - Returns: the error to throw, naming where the new output is and saying the target was not touched.
    private func keepStaging(because change: String) -> OutputError {
        isFinished = true
        InterruptCleanup.unregister(cleanupSlot)
        cleanupSlot = nil
        var kept = staging.path
        if !isMountPoint {
            let visible = target.deletingLastPathComponent()
                .appendingPathComponent("\(target.lastPathComponent).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
            if Self.renameNoReplace(staging.path, visible) { kept = visible }
        }
        return OutputError(path: target.path, reason: "\(change) during the run; it was not touched, and the new output was left in \(kept)", kind: .wrongType)
    }

    /// `the folder became a symbolic link`, `... was replaced by another folder`, ... .
    static func change(from start: Identity?, to now: Identity?) -> String {
        guard let now else { return start == nil ? "the folder did not exist and still does not" : "the folder was removed" }
        if now.isLink { return start == nil ? "a symbolic link appeared at the folder's path" : "the folder became a symbolic link" }
        if !now.isDirectory { return start == nil ? "a file appeared at the folder's path" : "the folder became a file" }
        return start == nil ? "a folder appeared at the path" : "the folder was replaced by another folder (another device and inode)"
    }

    /// The commit for a target that is a mount point: each file renamed into place (atomic
    /// per file, not for the folder), then the previous output's other files removed.
    private func commitFileByFile(previous: Set<String>) throws(OutputError) {
        for name in written + [Self.markerName] {
            guard rename(staging.appendingPathComponent(name).path, target.appendingPathComponent(name).path) == 0 else {
                throw OutputError(path: target.appendingPathComponent(name).path, reason: Self.systemReason(errno))
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

    /// Drops what was written; the target stays as it was. Does nothing after ``commit()``.
    /// - Complexity: O(*w*) for the *w* files written.
    public func discard() {
        // After a commit the staging path may hold the previous folder's files: never removed here.
        guard !isFinished else { return }
        Self.removeStaging(staging.path)
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

    /// The names a folder's marker lists (empty without a marker, or when the marker is not
    /// a regular file: a link is not followed).
    static func ownedNames(in folder: URL) -> Set<String> {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        return ownedNames(descriptor: descriptor)
    }

    /// The names the marker in the folder open as `folder` lists.
    static func ownedNames(descriptor folder: Int32) -> Set<String> {
        let file = openat(folder, markerName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return [] }
        defer { close(file) }
        guard Identity(descriptor: file)?.isRegular == true else { return [] }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < 1 << 26 {
            let count = read(file, &chunk, chunk.count)
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var names: Set<String> = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let name = String(line)
            // Only plain names: a marker cannot make DiploGraph remove anything outside the folder.
            if !name.isEmpty, !name.contains("/"), name != ".", name != ".." { names.insert(name) }
        }
        return names
    }

    // MARK: - System calls

    /// Claims `target` in this process and locks `parent` across processes.
    /// - Returns: the descriptor holding the parent's flock.
    private static func acquireLock(target: String, parent: String, path: String) throws(OutputError) -> Int32 {
        // Within one process, output folders are told apart by the registry (an flock would
        // wait for the process's own lock); across processes, by an flock on the parent folder.
        guard registry.claim(target: target) else {
            throw OutputError(path: path, reason: "another output into this folder is being written by this program", kind: .system)
        }
        switch registry.acquireParent(parent) {
        case .success(let descriptor):
            return descriptor
        case .failure(let failure):
            registry.release(target: target)
            throw OutputError(path: path, reason: "cannot lock its folder \(parent): \(systemReason(failure.code))")
        }
    }

    /// Undoes ``acquireLock(target:parent:path:)``.
    private static func releaseLock(target: String, parent: String, descriptor: Int32) {
        registry.release(target: target)
        if registry.releaseParent(parent) { close(descriptor) }
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
    /// Called under the lock, and only for processes that are no longer running. Only real
    /// folders are cleaned: an entry with such a name that is a symbolic link (to a folder or
    /// a file, or dangling), a file or anything else is left alone and never followed. Each
    /// folder's marker lists DiploGraph's own files, which are removed; anything else in it (a
    /// file of the user's that was being moved back into the output) is moved into the target
    /// when the target is a real folder that lacks that name, and otherwise left where it is.
    /// Every step works relative to descriptors opened with `O_NOFOLLOW`.
    private func removeStaleStaging(in parent: URL) {
        let parentFolder = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parentFolder >= 0 else { return }
        defer { close(parentFolder) }
        for entry in Self.names(in: parentFolder) {
            let isStaging = entry.hasPrefix(stagingPrefix), isOld = entry.hasPrefix(oldPrefix)
            guard isStaging || isOld else { continue }
            let pidText = entry.dropFirst(isStaging ? stagingPrefix.count : oldPrefix.count).prefix { $0 != "-" }
            guard let pid = Int32(pidText), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // still running
            // A link or file named like a staging folder is not DiploGraph's: left alone.
            guard let info = Identity(in: parentFolder, name: entry), info.isDirectory else { continue }
            let targetFolder = open(target.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            defer { if targetFolder >= 0 { close(targetFolder) } }
            Self.emptyStale(entry, in: parentFolder, expecting: info, movingBackInto: targetFolder)
        }
    }

    /// Removes staging folders that dead runs left inside a mount-point target (real folders
    /// only, as ``removeStaleStaging(in:)`` does).
    private func removeStaleStaging(inside folder: URL) {
        let targetFolder = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard targetFolder >= 0 else { return }
        defer { close(targetFolder) }
        for entry in Self.names(in: targetFolder) where entry.hasPrefix(".diplograph-staging-") {
            let pidText = entry.dropFirst(".diplograph-staging-".count).prefix { $0 != "-" }
            guard let pid = Int32(pidText), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            guard let info = Identity(in: targetFolder, name: entry), info.isDirectory else { continue }
            Self.emptyStale(entry, in: targetFolder, expecting: info, movingBackInto: -1)
        }
    }

    /// Empties and removes the stale folder `name` in the folder open as `parent`: its marker's
    /// files (and the marker) are unlinked, anything else is moved into `destination` (a
    /// descriptor, or -1 to leave it) when that name is free there. The folder is opened with
    /// `O_NOFOLLOW` and must still be `expected` (device and inode), or nothing is done.
    static func emptyStale(_ name: String, in parent: Int32, expecting expected: Identity, movingBackInto destination: Int32) {
        let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return }
        defer { close(folder) }
        guard Identity(descriptor: folder) == expected else { return }
        let owned = ownedNames(descriptor: folder)
        for item in names(in: folder) {
            guard let info = Identity(in: folder, name: item) else { continue }
            if (item == markerName || owned.contains(item)) && info.isFileOrLink {
                unlinkat(folder, item, 0)
            } else if destination >= 0 {
                _ = renameNoReplace(at: folder, item, to: destination, item)
            }
        }
        // AT_REMOVEDIR removes only an empty folder, never a link.
        unlinkat(parent, name, AT_REMOVEDIR)
    }

    /// The device, inode and type of a path as `lstat(2)` sees it: a link is a link.
    struct Identity: Equatable {
        let device: UInt64
        let inode: UInt64
        let type: mode_t

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            type = info.st_mode & S_IFMT
        }

        /// `lstat(path)`, or `nil` when nothing is there.
        init?(path: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            self.init(info)
        }

        /// `fstatat(folder, name, AT_SYMLINK_NOFOLLOW)`, or `nil`.
        init?(in folder: Int32, name: String) {
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            self.init(info)
        }

        /// `fstat(descriptor)`, or `nil`.
        init?(descriptor: Int32) {
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { return nil }
            self.init(info)
        }

        var isDirectory: Bool { type == S_IFDIR }
        var isLink: Bool { type == S_IFLNK }
        var isRegular: Bool { type == S_IFREG }
        var isFileOrLink: Bool { type == S_IFREG || type == S_IFLNK }
    }

    /// The names in the folder open as `folder` (not `.` and `..`); the descriptor stays open.
    static func names(in folder: Int32) -> [String] {
        let copy = dup(folder)
        guard copy >= 0 else { return [] }
        guard let stream = fdopendir(copy) else { close(copy); return [] }
        defer { closedir(stream) }
        rewinddir(stream)
        var result: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { result.append(name) }
        }
        return result
    }

    /// Renames without replacing what is at the destination (Linux `renameat2(RENAME_NOREPLACE)`;
    /// elsewhere a check, then `renameat`). `false` with `errno` set when it did not happen.
    static func renameNoReplace(at fromFolder: Int32 = AT_FDCWD, _ from: String, to toFolder: Int32 = AT_FDCWD, _ to: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        let renameNoReplace: UInt32 = 1 << 0
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            if renameat2(fromFolder, from, toFolder, to, renameNoReplace) == 0 { return true }
            guard errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP else { return false }
        }
        #endif
        var info = stat()
        if fstatat(toFolder, to, &info, AT_SYMLINK_NOFOLLOW) == 0 {
            errno = EEXIST
            return false
        }
        return renameat(fromFolder, from, toFolder, to) == 0
    }

    /// Removes a staging folder this run made: its files and links (never followed), then the
    /// folder. A link or file in its place is left alone.
    static func removeStaging(_ path: String) {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return }
        for name in names(in: folder) where Identity(in: folder, name: name)?.isFileOrLink == true {
            unlinkat(folder, name, 0)
        }
        close(folder)
        rmdir(path)
    }

    /// The reason for the C library's `errno` `code`, in the words of the other messages.
    /// - Parameter code: an `errno` value.
    /// - Returns: `permission denied`, `read-only file system`, ... .
    static func systemReason(_ code: Int32) -> String {
        switch code {
        case EACCES: "permission denied"
        case EPERM: "operation not permitted (the folder may be immutable or belong to another user)"
        case EROFS: "read-only file system"
        case ENOSPC: "no space left on the device"
        case EDQUOT: "disk quota exceeded"
        case ENOENT: "no such file or folder"
        case ENOTDIR: "a part of the path is not a folder"
        case ELOOP: "too many symbolic links, or a symbolic link where none may be"
        case EEXIST: "something is in the way"
        case EBUSY: "it is busy or a mount point (name a folder inside it)"
        default: String(cString: strerror(code))
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

    package static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return systemReason(Int32(underlying.code))
        }
        switch nsError.code {
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileWriteVolumeReadOnlyError: return "read-only file system"
        case NSFileWriteFileExistsError: return "a file is in the way"
        default: return nsError.localizedDescription
        }
    }
}
