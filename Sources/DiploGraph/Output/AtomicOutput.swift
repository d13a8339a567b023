import Foundation

/// A failure to write output, naming the path.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): cannot write output: \(reason)" }
}

/// A directory of output written all at once or not at all.
///
/// Files go into a hidden staging directory beside the target; ``commit()`` swaps it in
/// with renames, so a failed or interrupted run leaves the previous output exactly as it
/// was. Hidden files of the previous directory (such as a `.gitkeep`) are carried over.
public final class StagedDirectory {
    public let target: URL
    public let staging: URL
    private var isFinished = false

    /// Creates the staging directory beside `path` (creating missing parents of `path`).
    /// - Throws: ``OutputError`` when the target is a file or its folder cannot be written.
    public init(path: String) throws(OutputError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        self.target = target
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw OutputError(path: path, reason: "it exists and is not a directory")
        }
        let parent = target.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: path, reason: Self.reason(error))
        }
    }

    deinit { if !isFinished { try? FileManager.default.removeItem(at: staging) } }

    /// Writes `contents` as `name` in the staging directory.
    public func write(_ name: String, bytes: [UInt8]) throws(OutputError) {
        precondition(!name.contains("/") && !name.hasPrefix("."), "output file names are plain")
        do {
            try Data(bytes).write(to: staging.appendingPathComponent(name))
        } catch {
            throw OutputError(path: target.appendingPathComponent(name).path, reason: Self.reason(error))
        }
    }

    public func write(_ name: String, text: String) throws(OutputError) {
        try write(name, bytes: Array(text.utf8))
    }

    /// Replaces the target with what was written.
    public func commit() throws(OutputError) {
        let manager = FileManager.default
        let old = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent.replacingOccurrences(of: ".tmp-", with: ".old-"))
        do {
            if manager.fileExists(atPath: target.path) {
                for name in try manager.contentsOfDirectory(atPath: target.path) where name.hasPrefix(".") {
                    try? manager.copyItem(at: target.appendingPathComponent(name), to: staging.appendingPathComponent(name))
                }
                try manager.moveItem(at: target, to: old)
                do {
                    try manager.moveItem(at: staging, to: target)
                } catch {
                    try? manager.moveItem(at: old, to: target)
                    throw error
                }
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
            isFinished = true
        } catch {
            throw OutputError(path: target.path, reason: Self.reason(error))
        }
    }

    /// Drops what was written.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        isFinished = true
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
/// without committing removes its temporary file.
public final class StagedFile {
    public let target: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var isFinished = false

    public init(path: String) throws(OutputError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        self.target = target
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputError(path: path, reason: "it is a directory")
        }
        let parent = target.deletingLastPathComponent()
        temporary = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
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
    }

    deinit {
        if !isFinished {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
        }
    }

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

    public func commit() throws(OutputError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw OutputError(path: target.path, reason: StagedDirectory.reason(error))
        }
        // rename(2) replaces the target atomically: readers see the old file or the new one.
        guard rename(temporary.path, target.path) == 0 else {
            throw OutputError(path: target.path, reason: String(cString: strerror(errno)))
        }
        isFinished = true
    }
}
