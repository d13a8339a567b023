#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The permissions and owner an output keeps from what it replaces.
enum KeptPermissions {
    /// Gives `staged` the owner and permission bits of `target` when `target` is of `type`
    /// (`S_IFREG`, `S_IFDIR`; lstat: the path itself, not what a link names). `staged` is
    /// changed through a descriptor opened with `flags` and `O_NOFOLLOW`, so a link put in its
    /// place is never followed. Failures are ignored: the output is written either way.
    /// - Parameters:
    ///   - target: the file or folder about to be replaced.
    ///   - staged: the staged file or folder that replaces it.
    ///   - type: the type `target` must be for its permissions to be kept.
    ///   - flags: the flags to open `staged` with (`O_RDONLY | O_DIRECTORY`, ...).
    /// - Complexity: O(1) system calls.
    static func copy(from target: String, to staged: String, ifTypeIs type: mode_t, opening flags: Int32) {
        var info = stat()
        guard lstat(target, &info) == 0 && info.st_mode & S_IFMT == type else { return }
        let descriptor = open(staged, flags | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fchown(descriptor, info.st_uid, info.st_gid)
        fchmod(descriptor, info.st_mode & 0o7777)
        close(descriptor)
    }
}
