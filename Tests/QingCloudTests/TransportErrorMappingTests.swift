import AsyncHTTPClient
import NIOHTTP1
import Testing
@testable import QingCloud

@Suite("Proxy failures as one line naming the proxy")
struct TransportErrorMappingTests {
    let endpoint = Endpoint(scheme: .https, host: "api.corp.example", port: 443, path: "/iaas/")

    func line(_ error: any Error, proxy: String) async throws -> String {
        let proxy = try ProxyServer.parse(proxy, origin: "https_proxy")
        return "\(await TransportErrorMapping.map(error, endpoint: endpoint, timeout: .seconds(20), proxy: proxy))"
    }

    @Test func proxyAuthenticationWithoutAndWithCredentials() async throws {
        #expect(try await line(HTTPClientError.proxyAuthenticationRequired, proxy: "http://proxy.corp:3128")
            == "the proxy http://proxy.corp:3128 (from https_proxy) demands authentication: put the user and password in its URL (http://user:password@host:port)")
        let refused = try await line(HTTPClientError.proxyAuthenticationRequired, proxy: "http://bob:hunter2@proxy.corp:3128")
        #expect(refused == "the proxy http://proxy.corp:3128 (from https_proxy) refused the user and password in its URL")
        #expect(!refused.contains("hunter2") && !refused.contains("bob"))
    }

    @Test func tunnelRefusedAndHandshakeTimeoutNameTheProxy() async throws {
        #expect(try await line(HTTPClientError.invalidProxyResponse, proxy: "http://proxy.corp:3128")
            == "the proxy http://proxy.corp:3128 (from https_proxy) would not connect to https://api.corp.example:443/iaas/: check the user and password in its URL, ask its administrator, or list the host in NO_PROXY")
        #expect(try await line(HTTPClientError.httpProxyHandshakeTimeout, proxy: "http://proxy.corp:3128")
            == "cannot reach the proxy http://proxy.corp:3128 (from https_proxy); check the proxy variable, or list the host in NO_PROXY")
    }

    /// A proxy's 407 whose reason phrase holds a bare CR ends the connection unparsed: the proxy is named.
    @Test func aConnectionClosedThroughAProxyNamesTheProxy() async throws {
        let expected = "no answer from https://api.corp.example:443/iaas/ through the proxy http://proxy.corp:3128 (from https_proxy): the connection closed, or the proxy answered what is not HTTP; check the proxy, or list the host in NO_PROXY"
        #expect(try await line(HTTPClientError.remoteConnectionClosed, proxy: "http://proxy.corp:3128") == expected)
        #expect(try await line(HTTPParserError.invalidCharactersUsed, proxy: "http://proxy.corp:3128") == expected)
    }
}
