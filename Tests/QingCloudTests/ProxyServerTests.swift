import Testing
@testable import QingCloud

@Suite("Proxies from the environment, as curl reads them")
struct ProxyServerTests {
    let api = Endpoint.publicCloud
    let plain = Endpoint(scheme: .http, host: "api.corp.example", port: 8080, path: "/iaas/")

    @Test func httpsUsesHTTPSProxyAndLowercaseWins() throws {
        let upper = try ProxyServer.forEndpoint(api, environment: ["HTTPS_PROXY": "http://upper:3128"])
        #expect(upper?.description == "http://upper:3128")
        #expect(upper?.origin == "HTTPS_PROXY")
        let both = try ProxyServer.forEndpoint(api, environment: ["HTTPS_PROXY": "http://upper:3128", "https_proxy": "lower:8080"])
        #expect(both?.description == "http://lower:8080")
        #expect(both?.origin == "https_proxy")
    }

    @Test func plainHTTPUsesHTTPProxyAndEitherFallsBackToAllProxy() throws {
        #expect(try ProxyServer.forEndpoint(plain, environment: ["HTTPS_PROXY": "http://a:1"]) == nil)
        #expect(try ProxyServer.forEndpoint(plain, environment: ["HTTP_PROXY": "http://b:2"])?.description == "http://b:2")
        #expect(try ProxyServer.forEndpoint(api, environment: ["ALL_PROXY": "socks5://c:1080"])?.description == "socks5://c:1080")
        #expect(try ProxyServer.forEndpoint(api, environment: ["https_proxy": " "]) == nil)
        #expect(try ProxyServer.forEndpoint(api, environment: [:]) == nil)
    }

    @Test func schemeAndPortDefaultAsInCurl() throws {
        let bare = try ProxyServer.parse("proxy.corp", origin: "https_proxy")
        #expect(bare.kind == .http)
        #expect(bare.port == 1080)
        #expect(try ProxyServer.parse("http://[::1]:3128", origin: "x").description == "http://[::1]:3128")
    }

    @Test func credentialsAreUsedButNeverShown() throws {
        let proxy = try ProxyServer.parse("http://alice:s%40cret@proxy:3128", origin: "https_proxy")
        #expect(proxy.username == "alice")
        #expect(proxy.password == "s@cret")
        #expect(proxy.hasCredentials)
        #expect(proxy.description == "http://proxy:3128")
        #expect(!"\(proxy)".contains("cret"))
    }

    @Test func unusableProxyValuesAreOneLineNamingTheVariable() {
        #expect(throws: ProxyError(origin: "HTTPS_PROXY", reason: "https:// proxies are not supported; use http:// or socks5://")) {
            try ProxyServer.forEndpoint(api, environment: ["HTTPS_PROXY": "https://user:pw@proxy:443"])
        }
        #expect(throws: ProxyError(origin: "https_proxy", reason: "not a proxy URL like http://proxy.example.com:3128")) {
            try ProxyServer.parse("http://", origin: "https_proxy")
        }
        let error = ProxyError(origin: "https_proxy", reason: "x")
        #expect(error.description == "bad proxy in https_proxy: x")
    }

    @Test(arguments: [
        ("corp.example", "api.corp.example", true),
        (".corp.example", "api.corp.example", true),
        ("*.corp.example", "api.corp.example", true),
        ("corp.example", "corp.example", true),
        ("corp.example", "notcorp.example", false),
        ("rp.example", "api.corp.example", false),
        ("corp.example:443", "api.corp.example", true),
        ("*", "anything.example", true),
        ("a.example, ,corp.example", "api.corp.example", true),
        ("a.example b.example", "b.example", true),
        ("CORP.Example", "api.corp.example.", true),
        ("127.0.0.1", "127.0.0.1", true),
        ("127.0.0.1", "127.0.0.2", false),
        ("127.0.0.0/8", "127.9.9.9", true),
        ("10.0.0.0/8", "11.0.0.1", false),
        ("::1", "[::1]", true),
        ("fd00::/8", "fd12::5", true),
        ("localhost", "127.0.0.1", false),
        ("", "api.corp.example", false),
    ])
    func noProxyMatching(entry: String, host: String, bypassed: Bool) {
        #expect(NoProxyList(entry).contains(host: host) == bypassed)
    }

    @Test func noProxyLowercaseWinsAndLoopbackIsProxiedUnlessListed() throws {
        let local = Endpoint(scheme: .https, host: "127.0.0.1", port: 8443, path: "/iaas/")
        #expect(try ProxyServer.forEndpoint(local, environment: ["https_proxy": "http://p:3128"]) != nil)
        #expect(try ProxyServer.forEndpoint(local, environment: ["https_proxy": "http://p:3128", "NO_PROXY": "127.0.0.1"]) == nil)
        #expect(try ProxyServer.forEndpoint(local, environment: [
            "https_proxy": "http://p:3128", "no_proxy": "other.example", "NO_PROXY": "127.0.0.1",
        ]) != nil)
    }
}
