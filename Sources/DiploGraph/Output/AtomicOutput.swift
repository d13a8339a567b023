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

    public let path: String
    public let reason: String
    public let kind: Kind

    public init(path: String, reason: String, kind: Kind = .system) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }

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
/// (as the `diplograph` tool does) SIGINT, SIGTERM and SIGHUP remove the staging folder before
/// the process ends, and the next run into the same folder removes the staging folders that
/// killed runs (SIGKILL, a crash) left behind.
///
/// Runs into folders of one parent folder are serialised with an advisory lock on that parent
/// (`flock(2)`), so two runs into one folder never interleave their swaps.
public final class StagedDirectory {
    /// The name of the marker file listing what DiploGraph wrote into a folder.
    public static let markerName = ".diplograph-output"

    /// The folder the output goes to (symbolic links resolved).
    public let target: URL
    /// The hidden folder files are written into until ``commit()``.
    public let staging: URL
    private let force: Bool
    private var written: [String] = []
    private var isFinished = false
    private var lockDescriptor: Int32 = -1
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
    public init(path: String, force: Bool = false) throws(OutputError) {
        guard !path.isEmpty else {
            throw OutputError(path: "''", reason: "the output folder's path is empty", kind: .wrongType)
        }
        self.force = force
        let manager = FileManager.default
        var url = URL(fileURLWithPath: path).standardizedFileURL
        // Write through a symbolic link to a folder.
        if let destination = try? manager.destinationOfSymbolicLink(atPath: url.path) {
            let resolved = URL(fileURLWithPath: destination, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: resolved.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw OutputError(path: path, reason: "it is a symbolic link to \(destination), which is not a folder", kind: .wrongType)
            }
            url = URL(fileURLWithPath: Self.realPath(resolved.path) ?? resolved.path)
        } else if let real = Self.realPath(url.path) {
            url = URL(fileURLWithPath: real)
        }
        target = url
        let name = target.lastPathComponent
        stagingPrefix = ".\(name).tmp-"
        oldPrefix = ".\(name).old-"
        let parent = target.deletingLastPathComponent()
        staging = parent.appendingPathComponent("\(stagingPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")

        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw OutputError(path: path, reason: "it is a file, not a folder (name a new or empty folder)", kind: .wrongType)
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, reason: Self.reason(error))
        }
        try lock(parent: parent, path: path)
        do {
            removeStaleStaging(in: parent)
            if exists { try checkRule(path: path) }
            do {
                try manager.createDirectory(at: staging, withIntermediateDirectories: false)
                cleanupSlot = InterruptCleanup.register(staging.path, isFolder: true)
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
    public func write(_ name: String, bytes: [UInt8]) throws(OutputError) {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), name != Self.markerName else {
            throw OutputError(path: target.appendingPathComponent(name).path,
                              reason: "output file names are plain names that do not start with a dot", kind: .wrongType)
        }
        do {
            try Data(bytes).write(to: staging.appendingPathComponent(name))
        } catch {
            throw OutputError(path: target.appendingPathComponent(name).path, reason: Self.reason(error))
        }
        if !written.contains(name) { written.append(name) }
    }

    /// Writes `text` as UTF-8 as `name` in the staging folder.
    public func write(_ name: String, text: String) throws(OutputError) {
        try write(name, bytes: Array(text.utf8))
    }

    /// Replaces the target with what was written, keeping every file DiploGraph did not write.
    ///
    /// SIGINT, SIGTERM and SIGHUP are held back until the swap is over (when
    /// ``InterruptCleanup`` handlers are installed).
    /// - Throws: ``OutputError`` when the swap fails; the previous output is then untouched.
    public func commit() throws(OutputError) {
        try InterruptCleanup.holdingSignals { () throws(OutputError) in try swapIntoPlace() }
    }

    private func swapIntoPlace() throws(OutputError) {
        defer { unlock() }
        let manager = FileManager.default
        let marker = "# Written by DiploGraph: the files it wrote into this folder, which its next run here replaces.\n"
            + written.sorted().joined(separator: "\n") + "\n"
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
        // Keep the folder's permissions.
        var info = stat()
        if stat(target.path, &info) == 0 { chmod(staging.path, info.st_mode & 0o7777) }
        let previous = Self.ownedNames(in: target)
        if !force {
            // Files added to the folder since DiploGraph wrote it, with a name this run writes.
            let clashes = written.filter { !previous.contains($0) && manager.fileExists(atPath: target.appendingPathComponent($0).path) }.sorted()
            if !clashes.isEmpty {
                throw OutputError(path: target.path, reason: "the folder holds files DiploGraph did not write with the names of its output (\(Self.list(clashes)))",
                                  kind: .foreignFiles(clashes))
            }
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
        // Empty now, unless something was added during the swap: then it stays, with its files.
        rmdir(old.path)
    }

    /// Drops what was written; the target stays as it was.
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
        let owned = Self.ownedNames(in: target)
        let foreign = entries.filter { $0 != Self.markerName && !owned.contains($0) && !$0.hasPrefix(".") }
        guard !foreign.isEmpty else { return }
        let home = Self.realPath(NSHomeDirectory()) ?? NSHomeDirectory()
        let current = Self.realPath(manager.currentDirectoryPath) ?? manager.currentDirectoryPath
        if target.path == "/" || target.path == home || current == target.path || current.hasPrefix(target.path + "/") {
            let what = target.path == "/" ? "the root folder" : target.path == home ? "the home folder" : "the current folder or holds it"
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
        let descriptor = open(parent.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: "cannot open its folder \(parent.path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            close(descriptor)
            throw OutputError(path: path, reason: "cannot lock its folder \(parent.path): \(String(cString: strerror(errno)))")
        }
        lockDescriptor = descriptor
    }

    private func unlock() {
        guard lockDescriptor >= 0 else { return }
        close(lockDescriptor)  // releases the flock
        lockDescriptor = -1
    }

    /// Removes staging folders of runs into the same target that ended without cleaning up.
    /// Called under the lock: no live run is between creating and committing one.
    private func removeStaleStaging(in parent: URL) {
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] {
            let isStaging = entry.hasPrefix(stagingPrefix), isOld = entry.hasPrefix(oldPrefix)
            guard isStaging || isOld else { continue }
            let pidText = entry.dropFirst(isStaging ? stagingPrefix.count : oldPrefix.count).prefix { $0 != "-" }
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }  // still running
            let folder = parent.appendingPathComponent(entry)
            if isStaging {
                // Staging folders only ever hold files DiploGraph wrote.
                try? manager.removeItem(at: folder)
            } else {
                // A previous output left aside by the two-rename fallback: keep what is not DiploGraph's.
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
        let type = info.st_mode & S_IFMT
        return type == S_IFREG || type == S_IFLNK
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
    public init(path: String, signature: String? = nil, force: Bool = false) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError(path: "''", reason: "the output file's path is empty", kind: .wrongType) }
        var target = URL(fileURLWithPath: path).standardizedFileURL
        // Write through a symbolic link (the link stays).
        if let real = StagedDirectory.realPath(target.path) { target = URL(fileURLWithPath: real) }
        self.target = target
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw OutputError(path: path, reason: "it is a folder", kind: .wrongType) }
            if let signature, !force, !Self.head(of: target.path).contains(signature) {
                throw OutputError(path: path, reason: "the file exists and DiploGraph did not write it; name a new file",
                                  kind: .foreignFile)
            }
        }
        let parent = target.deletingLastPathComponent()
        temporary = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, reason: StagedDirectory.reason(error))
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

    private static func head(of path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        return String(decoding: (try? handle.read(upToCount: 1024)) ?? Data(), as: UTF8.self)
    }

    /// Appends `text` as UTF-8.
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
    public func commit() throws(OutputError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw OutputError(path: target.path, reason: StagedDirectory.reason(error))
        }
        var info = stat()
        if stat(target.path, &info) == 0 { chmod(temporary.path, info.st_mode & 0o7777) }
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
