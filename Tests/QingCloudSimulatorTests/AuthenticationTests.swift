import AsyncHTTPClient
import Foundation
import QingCloud
import Testing
@testable import QingCloudSimulator

/// Every request is checked as the real service checks it, over real HTTP.
@Suite struct AuthenticationTests {
    let configuration = testConfiguration(images: 40)

    @Test func aCorrectlySignedGetIsAnswered() async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send()
            #expect(reply.status == 200)
            #expect(reply.retCode == 0)
            #expect(reply.json?["action"]?.stringValue == "DescribeImagesResponse")
        }
    }

    @Test(arguments: [Verb.GET, .POST], ["/iaas/", "/iaas"])
    func bothMethodsAndBothPathsAreServed(method: Verb, path: String) async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send([("limit", "5")], method: method, path: path)
            #expect(reply.retCode == 0)
            #expect(reply.imageIDs.count == 5)
        }
    }

    @Test func aFormBodyMayUsePlusForSpaces() async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send([("search_word", "Server 22.04 LTS")], method: .POST)
            #expect(reply.retCode == 0)
            #expect(!reply.imageIDs.isEmpty)
            #expect(reply.imageSet.allSatisfy { $0["image_name"]?.stringValue?.contains("Server 22.04 LTS") == true })
        }
    }

    @Test(arguments: RequestAuthenticator.commonParameters)
    func aMissingCommonParameterIs1100(name: String) async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send(omitting: [name])
            #expect(reply.status == 200)
            #expect(reply.retCode == 1100)
            #expect(reply.message.contains(name))
        }
    }

    @Test func aMissingZoneIs1100ForDescribeImages() async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send(omitting: ["zone"])
            #expect(reply.retCode == 1100)
            #expect(reply.message.contains("zone"))
        }
    }

    @Test func anotherZoneIs1100NamingTheZoneServed() async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send(overriding: ["zone": "sh1a"])
            #expect(reply.retCode == 1100)
            #expect(reply.message.contains("sh1a") && reply.message.contains("pek3a"))
        }
    }

    @Test func anUnknownAccessKeyIs1200() async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send(overriding: ["access_key_id": "QYSOMEONEELSE"])
            #expect(reply.retCode == 1200)
            #expect(reply.message.hasPrefix("AuthFailure, "))
        }
    }

    @Test func aWrongSecretIs1200AndTheSecretIsNeverEchoed() async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send(secret: "not-the-secret")
            #expect(reply.retCode == 1200)
            #expect(reply.message == "AuthFailure, signature not matched")
            #expect(!reply.text.contains(configuration.secretAccessKey))
        }
    }

    @Test func theSignatureCoversThePathAsReceived() async throws {
        try await withSimulator(configuration) { api async throws in
            #expect(try await api.send(path: "/iaas/", signedPath: "/iaas").retCode == 1200)
            #expect(try await api.send(path: "/iaas", signedPath: "/iaas/").retCode == 1200)
        }
    }

    @Test func theSignatureCoversTheMethod() async throws {
        try await withSimulator(configuration) { api async throws in
            #expect(try await api.send(method: .POST, signedMethod: "GET").retCode == 1200)
            #expect(try await api.send(method: .GET, signedMethod: "POST").retCode == 1200)
        }
    }

    @Test func theSignatureCoversEveryParameter() async throws {
        try await withSimulator(configuration) { api async throws in
            let signed = try await api.send([("limit", "5")])
            #expect(signed.retCode == 0)
            // Same parameters, but the signature of a different limit.
            let common = api.commonParameters() + [("limit", "6")]
            let otherSignature = RequestSigner(accessKeyID: configuration.accessKeyID,
                                               secretAccessKey: configuration.secretAccessKey)
                .signature(method: "GET", path: "/iaas/", parameters: common)
            let tampered = try await api.send([("limit", "5")], signature: otherSignature)
            #expect(tampered.retCode == 1200)
        }
    }

    @Test(arguments: [-901.0, 901.0, -86_400.0])
    func aTimestampOutsideTheWindowIs1300(skew: TimeInterval) async throws {
        try await withSimulator(configuration) { api async throws in
            let skewed = APITimestamp.format(configuration.clock().addingTimeInterval(skew))
            let reply = try await api.send(overriding: ["time_stamp": skewed])
            #expect(reply.retCode == 1300)
            #expect(reply.message.hasPrefix("RequestExpired, "))
        }
    }

    @Test func aTimestampJustInsideTheWindowIsAccepted() async throws {
        try await withSimulator(configuration) { api async throws in
            let skewed = APITimestamp.format(configuration.clock().addingTimeInterval(-900))
            #expect(try await api.send(overriding: ["time_stamp": skewed]).retCode == 0)
        }
    }

    @Test func anUnreadableTimestampIs1100() async throws {
        try await withSimulator(configuration) { api async throws in
            #expect(try await api.send(overriding: ["time_stamp": "yesterday"]).retCode == 1100)
        }
    }

    @Test func aPassedExpiryIs1300AndAFutureOneIsAccepted() async throws {
        try await withSimulator(configuration) { api async throws in
            let now = configuration.clock()
            let past = try await api.send(overriding: ["expires": APITimestamp.format(now.addingTimeInterval(-1))])
            #expect(past.retCode == 1300)
            let future = try await api.send(overriding: ["expires": APITimestamp.format(now.addingTimeInterval(1200))])
            #expect(future.retCode == 0)
        }
    }

    @Test(arguments: [("version", "2"), ("signature_version", "2"), ("signature_method", "HmacSHA1"),
                      ("signature_method", "HmacMD5")])
    func anUnsupportedVersionOrMethodIs1100(name: String, value: String) async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send(overriding: [name: value])
            #expect(reply.retCode == 1100)
            #expect(reply.message.contains(name))
        }
    }

    @Test func theChecksComeInTheServiceOrder() async throws {
        try await withSimulator(configuration) { api async throws in
            let skewed = APITimestamp.format(configuration.clock().addingTimeInterval(-3600))
            // Missing parameters before a bad signature, a bad signature before clock skew,
            // clock skew before the version, the version before the action.
            #expect(try await api.send(omitting: ["version"], secret: "wrong").retCode == 1100)
            #expect(try await api.send(overriding: ["time_stamp": skewed], secret: "wrong").retCode == 1200)
            #expect(try await api.send(overriding: ["time_stamp": skewed, "version": "2"]).retCode == 1300)
            #expect(try await api.send(action: "RunInstances", overriding: ["version": "2"]).retCode == 1100)
        }
    }

    @Test func anUnknownActionIs1101() async throws {
        try await withSimulator(configuration) { api async throws in
            let reply = try await api.send(action: "RunInstances")
            #expect(reply.retCode == 1101)
            #expect(reply.message.contains("RunInstances"))
        }
    }

    @Test func malformedPercentEncodingIs1100() async throws {
        try await withSimulator(configuration) { api async throws in
            #expect(try await api.sendRaw(query: "action=DescribeImages&search_word=%ZZ").retCode == 1100)
        }
    }

    @Test func otherPathsAndMethodsAreHTTPErrors() async throws {
        try await withSimulator(configuration) { api async throws in
            #expect(try await api.sendRaw(query: "", path: "/").status == 404)
            #expect(try await api.sendRaw(query: "", path: "/iaas/x").status == 404)
            #expect(try await api.sendRaw(query: "", method: .PUT).status == 405)
        }
    }

    @Test func unknownParametersAreIgnoredButSigned() async throws {
        try await withSimulator(configuration) { api async throws in
            #expect(try await api.send([("req_id", "0a1b2c3d")]).retCode == 0)
        }
    }
}
