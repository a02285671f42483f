import Foundation

/// Outside programs some tests use. A test that needs one is marked
/// `.enabled(if: Tools.chromium)` etc., so it shows as skipped, never as passed, when the
/// program is missing; `make test` installs them (scripts/install-test-deps.sh).
public enum Tools {
    /// Headless Chromium, for the interactive page's self-test.
    public static let chromium = ["chromium", "chromium-browser", "google-chrome"].contains(where: onPath)

    /// Python 3 with networkx and openpyxl, for reading netan's files with other tools.
    public static let pythonPeers = pythonImports(["networkx", "openpyxl"])

    /// Python 3 with pandas, matplotlib and networkx, for running the report notebook's cells.
    public static let notebookPackages = pythonImports(["pandas", "matplotlib", "networkx"])

    /// Chromium and Playwright (PyPI) to drive it, for the live workshop's browser test.
    public static let playwright = chromium && pythonImports(["playwright"])

    /// Python 3 with nbformat, for validating the report notebook.
    public static let nbformat = pythonImports(["nbformat"])

    /// Whether an executable of that name is on the PATH.
    public static func onPath(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
    }

    /// Whether `python3 -c "import …"` succeeds for every module.
    public static func pythonImports(_ modules: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import " + modules.joined(separator: ", ")]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
