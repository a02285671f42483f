import Foundation
import TestSupport
import Testing

@testable import NetGraph
@testable import NetGraphIO

/// The bad-input corpus (Fixtures/bad, made by scripts/corpus/make_bad_inputs.py): every case
/// is refused with exit code 65 and a message naming the file (and line where the format has
/// lines), no output is written, and the input is left unchanged.
@Suite("Bad-input corpus", .serialized)
struct BadInputTests {
    static let directory = fixtures.appendingPathComponent("bad")
    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
            !$0.hasPrefix(".")
        }.sorted()
    }

    /// The path to give netan: the case folder when it holds actors.csv, else its one data file.
    func input(_ name: String) throws -> String {
        let folder = Self.directory.appendingPathComponent(name)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0 != "expected.txt"
        }
        if files.contains("actors.csv") || files.contains("relations.csv") { return folder.path }
        return folder.appendingPathComponent(files.first!).path
    }

    func snapshot(_ path: String) -> [String: Data] {
        var result: [String: Data] = [:]
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let files =
            isDirectory.boolValue
            ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).map { path + "/" + $0 }
            : [path]
        for file in files { result[file] = FileManager.default.contents(atPath: file) }
        return result
    }

    @Test(
        "every message has a Dutch text, for networks whose language is Dutch", arguments: BadInputTests.cases
    )
    func dutch(name: String) throws {
        guard !name.hasPrefix("dot-") else { return }  // DOT is read by NetGraphRender, tested there
        let path = try input(name)
        do {
            _ = try NetworkLoader.load(path: path)
            Issue.record("\(name): loaded without an error")
        } catch let error as NetworkLoadError {
            for diagnostic in error.diagnostics {
                #expect(
                    diagnostic.messageDutch != nil, "\(name): no Dutch text for \"\(diagnostic.message)\"")
                if diagnostic.hint != nil {
                    #expect(
                        diagnostic.hintDutch != nil, "\(name): no Dutch hint for \"\(diagnostic.message)\"")
                }
            }
        }
    }

    @Test("the corpus has at least 40 cases")
    func size() { #expect(Self.cases.count >= 40) }

    @Test("refused clearly, nothing written, input unchanged", arguments: BadInputTests.cases)
    func refused(name: String) throws {
        let path = try input(name)
        let expected = try String(
            contentsOf: Self.directory.appendingPathComponent(name).appendingPathComponent("expected.txt"),
            encoding: .utf8)
        let before = snapshot(path)
        let validate = try netan(["validate", path])
        #expect(validate.status == 65, "\(name): exit \(validate.status)\n\(validate.stderr)")
        #expect(
            validate.stderr.contains(expected), "\(name): message lacks \"\(expected)\":\n\(validate.stderr)")
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        #expect(
            validate.stderr.contains(fileName) || validate.stderr.contains("actors.csv")
                || validate.stderr.contains("relations.csv") || validate.stderr.contains("network.yaml"),
            "\(name): message does not name the file")
        let out = TemporaryFolder()
        let target = out.url.appendingPathComponent("out.json").path
        let convert = try netan(["convert", path, target])
        #expect(convert.status == 65, "\(name): convert exit \(convert.status)")
        #expect(!FileManager.default.fileExists(atPath: target), "\(name): output written")
        #expect(
            ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty,
            "\(name): leftovers")
        #expect(snapshot(path) == before, "\(name): input changed")
    }
}
