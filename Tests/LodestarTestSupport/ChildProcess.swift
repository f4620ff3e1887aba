import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts programs with posix_spawn and waits with waitpid: Foundation's `Process.waitUntilExit`
/// can wait forever inside Swift concurrency on Linux, leaving the child a zombie.
public enum ChildProcess {
    /// Runs a program to its end, its output going to `outputPath`; returns the exit status.
    public static func run(_ executable: String, _ arguments: [String], outputPath: String, errorPath: String? = nil) throws -> Int32 {
        let pid = try spawn(executable, arguments, outputPath: outputPath, errorPath: errorPath)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Starts a program and leaves it running.
    @discardableResult
    public static func spawn(_ executable: String, _ arguments: [String], outputPath: String = "/dev/null", errorPath: String? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let errorPath {
            posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard result == 0 else { throw ClusterError("could not start \(executable): \(String(cString: strerror(result)))") }
        return pid
    }

    /// Kills a started program with SIGKILL (no chance to tidy up) and reaps it; true when it
    /// was still running.
    @discardableResult
    public static func kill(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        let running = waitpid(pid, &status, WNOHANG) == 0
        if running { Glibc.kill(pid, SIGKILL) }
        if running { while waitpid(pid, &status, 0) == -1 && errno == EINTR {} }
        return running
    }
}
