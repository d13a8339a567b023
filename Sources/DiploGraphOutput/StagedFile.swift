import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written in pieces and put in place only on ``commit()``.
///
/// Text is buffered and written to a hidden temporary file beside the target; `commit`
/// renames it over the target. Until then the target is untouched, and a writer dropped
/// without committing removes its temporary file. A file that is replaced keeps its
/// permissions.
///
/// An existing file is replaced only when it carries one of the ``FileSignature``s given (what
/// DiploGraph writes at the start of such a file), or when `force` is set: DiploGraph does not
/// overwrite a file it did not write. A symbolic link or temporary file named like this
/// writer's temporary files is never followed, and never removed unless it is a regular file.
public final class StagedFile {
    /// The file the output goes to (symbolic links resolved, so a link is written through).
    public let target: URL
    /// How many bytes of an existing file are read for its signature.
    static let headLength = 1024
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var isFinished = false
    private var cleanupSlot: Int?
    private let signatures: [FileSignature]?
    private let force: Bool
    /// The target's device and inode when the run started (`nil`: no file).
    private let startIdentity: StagedDirectory.Identity?

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
    public convenience init(path: String, signature: String? = nil, force: Bool = false) throws(OutputError) {
        try self.init(path: path, signatures: try signature.map { text throws(OutputError) in [try FileSignature(text)] }, force: force)
    }

    /// Prepares output to `path`, replacing an existing file only when it carries one of
    /// `signatures` (DiploGraph wrote it, in this format or a related one) or `force` is set.
    ///
    /// - Parameters:
    ///   - path: the file to write.
    ///   - signatures: the signatures of the files DiploGraph writes that this output may
    ///     replace; `nil` replaces any file.
    ///   - force: replace an existing file whatever it holds.
    /// - Throws: ``OutputError`` when the path is a folder or not a regular file, an existing
    ///   file carries none of the signatures, or the temporary file cannot be created (the
    ///   message gives the reason: permission denied, read-only file system, ...).
    /// - Complexity: O(*f*) for *f* entries in the parent folder (temporary files of killed
    ///   runs are removed), and O(*s*) for *s* signatures checked against the existing file's
    ///   first kilobyte.
    public init(path: String, signatures: [FileSignature]?, force: Bool = false) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError(path: "''", reason: "the output file's path is empty", kind: .wrongType) }
        // Through symbolic links, as the kernel resolves them: a link stays a link.
        let target = URL(fileURLWithPath: try StagedDirectory.resolve(path))
        self.target = target
        self.signatures = signatures
        self.force = force
        // lstat: the resolved path is the file itself, never a link.
        let start = StagedDirectory.Identity(path: target.path)
        startIdentity = start
        if let start {
            if start.isDirectory { throw OutputError(path: path, reason: "it is a folder", kind: .wrongType) }
            // A device, pipe or socket is neither read nor replaced.
            guard start.isRegular else {
                throw OutputError(path: path, reason: "it is not a regular file (a device, pipe or socket); name a file", kind: .wrongType)
            }
            if !Self.mayReplace(target.path, signatures: signatures, force: force) {
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
        // Temporary files of runs that were killed before they could remove them: regular
        // files only (a link with such a name is not DiploGraph's, and is left alone).
        let folder = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            for entry in StagedDirectory.names(in: folder) where entry.hasPrefix(prefix) {
                let pidText = entry.dropFirst(prefix.count).prefix { $0 != "-" }
                guard let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
                if StagedDirectory.Identity(in: folder, name: entry)?.isRegular == true { unlinkat(folder, entry, 0) }
            }
            close(folder)
        }
        // A new file (O_EXCL), never through a link (O_NOFOLLOW).
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: "cannot create a file in \(parent.path): \(StagedDirectory.systemReason(errno))")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        cleanupSlot = InterruptCleanup.register(temporary.path, isFolder: false)
    }

    deinit {
        if !isFinished {
            try? handle.close()
            if StagedDirectory.Identity(path: temporary.path)?.isRegular == true { unlink(temporary.path) }
        }
        InterruptCleanup.unregister(cleanupSlot)
    }

    /// Whether the regular file at `path` may be replaced: `force`, no signatures asked, or
    /// its first kilobyte carries one of them.
    private static func mayReplace(_ path: String, signatures: [FileSignature]?, force: Bool) -> Bool {
        guard !force, let signatures else { return true }
        let start = head(of: path)
        return signatures.contains { $0.matches(start) }
    }

    /// The first kilobyte of a regular file (opened without blocking, in case it changed).
    private static func head(of path: String) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: headLength)
        var filled = 0
        while filled < headLength {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, headLength - filled) }
            if count <= 0 { break }
            filled += count
        }
        return Array(buffer[0..<filled])
    }

    /// Appends `text` as UTF-8.
    ///
    /// Text is buffered and written to the temporary file in blocks of 64 KiB; the target is
    /// untouched until ``commit()``.
    /// - Parameter text: the text to append.
    /// - Throws: ``OutputError`` naming the target when the temporary file cannot be written
    ///   (no space left, an I/O error), or after ``commit()``.
    /// - Complexity: amortised O(*b*) for *b* bytes of text.
    public func write(_ text: String) throws(OutputError) {
        guard !isFinished else { throw finishedError() }
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

    private func finishedError() -> OutputError {
        OutputError(path: target.path, reason: "this file was already committed, or its commit failed (a StagedFile is committed once); start a new one", kind: .system)
    }

    /// Puts the file in place.
    ///
    /// The buffered text is flushed, the temporary file takes the permissions and owner of
    /// the file it replaces, and `rename(2)` puts it over the target in one step (SIGINT,
    /// SIGTERM and SIGHUP are held back meanwhile, when ``InterruptCleanup`` handlers are
    /// installed).
    ///
    /// The target must still be what it was when the output was prepared: if it became a
    /// symbolic link or anything but a regular file, or was replaced by a file DiploGraph did
    /// not write, nothing is replaced and the new text is kept beside it (`NAME.new-PID-N`,
    /// named in the error).
    /// - Throws: ``OutputError`` naming the target when the rest of the text cannot be written,
    ///   the file cannot be closed, the target changed as above, or the rename fails; the
    ///   target is then untouched. A second call throws: a file is committed once.
    /// - Complexity: O(*b*) for the *b* bytes still buffered.
    public func commit() throws(OutputError) {
        guard !isFinished else { throw finishedError() }
        // Whatever happens next, the handle is closed: a second commit is refused, not a Cocoa error.
        isFinished = true
        do {
            try flush()
            try handle.close()
        } catch let error as OutputError {
            discardTemporary()
            throw error
        } catch {
            discardTemporary()
            throw OutputError(path: target.path, reason: StagedDirectory.reason(error))
        }
        try InterruptCleanup.holdingSignals { () throws(OutputError) in
            let now = StagedDirectory.Identity(path: target.path)
            if let now, now != startIdentity {
                // Replaced during the run: by a link or a special file (never written through
                // now), or by a file that is replaced only if DiploGraph wrote it.
                let why: String? = now.isLink ? "it became a symbolic link"
                    : !now.isRegular ? "it became something other than a regular file"
                    : Self.mayReplace(target.path, signatures: signatures, force: force) ? nil
                    : "it was replaced by a file DiploGraph did not write"
                if let why { throw keepTemporary(because: why) }
            }
            // Keep the permissions and owner of the file replaced.
            KeptPermissions.copy(from: target.path, to: temporary.path, ifTypeIs: S_IFREG, opening: O_RDONLY | O_NONBLOCK)
            // rename(2) replaces the target atomically: readers see the old file or the new one.
            guard rename(temporary.path, target.path) == 0 else {
                let code = errno
                discardTemporary()
                throw OutputError(path: target.path, reason: StagedDirectory.systemReason(code))
            }
            InterruptCleanup.unregister(cleanupSlot)
            cleanupSlot = nil
        }
    }

    private func discardTemporary() {
        if StagedDirectory.Identity(path: temporary.path)?.isRegular == true { unlink(temporary.path) }
        InterruptCleanup.unregister(cleanupSlot)
        cleanupSlot = nil
    }

    /// Keeps the new text beside the target under a visible name no cleanup removes.
    private func keepTemporary(because why: String) -> OutputError {
        InterruptCleanup.unregister(cleanupSlot)
        cleanupSlot = nil
        let visible = target.deletingLastPathComponent()
            .appendingPathComponent("\(target.lastPathComponent).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let kept = StagedDirectory.renameNoReplace(temporary.path, visible) ? visible : temporary.path
        return OutputError(path: target.path, reason: "\(why) during the run; it was not touched, and the new output was left in \(kept)", kind: .wrongType)
    }
}
