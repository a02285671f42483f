import ArgumentParser
import Foundation
import NetGraphLive

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the map live with the room: a local web app for a network folder (offline).",
        discussion: """
            Starts a web server for the network folder PATH (created when absent). The facilitator
            opens the printed address on the projector; participants join on their phone or laptop
            with the join link or the code. Every change is kept in PATH/.netan/journal.sqlite
            before it is confirmed, and the folder's files always hold the latest state, so
            `netan report PATH` works at any moment. Ctrl-C stops the server.

            By default only this computer can connect (127.0.0.1). For a room on the local Wi-Fi,
            use --host 0.0.0.0: everyone on that network who has the code can then edit the map.

            Examples:
              netan serve mijn-netwerk
              netan serve mijn-netwerk --host 0.0.0.0 --port 8080
              netan serve /tmp/test --port 0 --code TEST1234
            """)

    @Argument(help: "The network folder (created from an empty template when absent).")
    var path: String

    @Option(help: "Address to listen on: 127.0.0.1 (this computer only) or 0.0.0.0 (the room's Wi-Fi).")
    var host = "127.0.0.1"

    @Option(help: "Port (0: any free port).")
    var port = 8080

    @Option(help: "Join code (letters and digits; default: a random code).")
    var code: String?

    func validate() throws {
        if let code, code.count < 4 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            throw ValidationError("--code must be at least 4 letters or digits.")
        }
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        let code = code ?? LiveAccess.randomCode()
        let server: LiveServer
        do {
            server = try LiveServer(folder: path, host: host, port: port, code: code)
        } catch {
            Console.error("\(path): error: \(error)")
            throw Exit.dataError
        }
        if host != "127.0.0.1" && host != "localhost" && host != "::1" {
            Console.error(
                "netan: warning: listening on \(host): anyone on this network who has the code can edit the map. "
                    + "Use this only on the room's own Wi-Fi.")
        }
        let shown = host == "0.0.0.0" || host == "::" ? "ADRES-VAN-DEZE-COMPUTER" : host
        try await server.run { bound in
            let base = "http://\(shown):\(bound)"
            Console.output(
                """
                netan serve: \(path)
                  begeleider / facilitator:  \(base)/?code=\(code)
                  deelnemers / participants: \(base)/join?code=\(code)
                  code: \(code)
                Ctrl-C stopt de server / stops the server.

                """)
        }
        Console.error("netan: server stopped; \(path) holds the latest state.")
    }
}
