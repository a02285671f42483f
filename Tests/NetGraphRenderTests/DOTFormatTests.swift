import Foundation
import NetGraph
import NetGraphIO
import NetGraphRender
import TestSupport
import Testing

@Suite("DOT as a network format (Graphviz' own parser)")
struct DOTFormatTests {
    @Test("a network written as DOT reads back the same")
    func roundTrip() throws {
        let folder = TemporaryFolder()
        let network = try interopSample()
        let path = folder.url.appendingPathComponent("out.dot").path
        let loss = try NetworkWriter.write(network, to: path, format: .dot, codecs: [.dot])
        #expect(loss == nil)
        let back = try NetworkLoader.load(path: path, format: .dot, codecs: [.dot]).network
        expectSame(network, back, format: .dot)
    }

    @Test("broken DOT is a diagnostic naming the file")
    func broken() throws {
        let folder = TemporaryFolder()
        let path = folder.write("bad.dot", "digraph { a -> }\n")
        do {
            _ = try NetworkLoader.load(path: path, codecs: [.dot])
            Issue.record("broken DOT was accepted")
        } catch let error as NetworkLoadError {
            #expect(error.diagnostics.first?.file == path)
        }
    }
}
