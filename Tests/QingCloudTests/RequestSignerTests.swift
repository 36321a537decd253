import Testing
@testable import QingCloud

@Suite("Request signing (qingcloud-api.md section 2)")
struct RequestSignerTests {
    static let signer = RequestSigner(accessKeyID: "QYACCESSKEYIDEXAMPLE", secretAccessKey: "SECRETACCESSKEY")

    static func runInstances(zone: String) -> [(name: String, value: String)] {
        [
            ("count", "1"), ("vxnets.1", "vxnet-0"), ("instance_type", "small_b"), ("signature_version", "1"),
            ("signature_method", "HmacSHA256"), ("instance_name", "demo"), ("image_id", "centos64x86a"),
            ("login_mode", "passwd"), ("login_passwd", "QingCloud20130712"), ("version", "1"),
            ("access_key_id", "QYACCESSKEYIDEXAMPLE"), ("action", "RunInstances"),
            ("time_stamp", "2013-08-27T14:30:10Z"), ("zone", zone),
        ]
    }

    @Test func vectorAStringToSign() {
        let expected = "GET\n/iaas/\naccess_key_id=QYACCESSKEYIDEXAMPLE&action=RunInstances&count=1&image_id=centos64x86a&instance_name=demo&instance_type=small_b&login_mode=passwd&login_passwd=QingCloud20130712&signature_method=HmacSHA256&signature_version=1&time_stamp=2013-08-27T14%3A30%3A10Z&version=1&vxnets.1=vxnet-0&zone=pek3a"
        #expect(RequestSigner.stringToSign(method: "GET", path: "/iaas/", parameters: Self.runInstances(zone: "pek3a")) == expected)
    }

    @Test func vectorA() {
        let signature = Self.signer.signature(method: "GET", path: "/iaas/", parameters: Self.runInstances(zone: "pek3a"))
        #expect(signature == "byjccvWIvAftaq+oublemagH3bYAlDWxxLFAzAsyslw=")
        #expect(RequestSigner.percentEncode(signature) == "byjccvWIvAftaq%2BoublemagH3bYAlDWxxLFAzAsyslw%3D")
    }

    @Test func vectorB() {
        let signature = Self.signer.signature(method: "GET", path: "/iaas/", parameters: Self.runInstances(zone: "pek1"))
        #expect(signature == "32bseYy39DOlatuewpeuW5vpmW51sD1A/JdGynqSpP8=")
        #expect(RequestSigner.percentEncode(signature) == "32bseYy39DOlatuewpeuW5vpmW51sD1A%2FJdGynqSpP8%3D")
    }

    @Test func vectorC() {
        let parameters: [(name: String, value: String)] = [
            ("access_key_id", "QYACCESSKEYIDEXAMPLE"), ("action", "DescribeImages"), ("zone", "pek3a"),
            ("provider", "system"), ("search_word", "CentOS 7.9 ~a*b/c+d"), ("status.1", "available"),
            ("limit", "100"), ("offset", "0"), ("verbose", "0"), ("signature_method", "HmacSHA256"),
            ("signature_version", "1"), ("version", "1"), ("time_stamp", "2024-01-02T03:04:05Z"),
        ]
        #expect(RequestSigner.canonicalQuery(parameters) == "access_key_id=QYACCESSKEYIDEXAMPLE&action=DescribeImages&limit=100&offset=0&provider=system&search_word=CentOS%207.9%20~a%2Ab%2Fc%2Bd&signature_method=HmacSHA256&signature_version=1&status.1=available&time_stamp=2024-01-02T03%3A04%3A05Z&verbose=0&version=1&zone=pek3a")
        #expect(Self.signer.signature(method: "GET", path: "/iaas/", parameters: parameters) == "h1V899gtNDHP/gLqneUnlLj2vYmMd76BAYOmKglF594=")
    }

    @Test func vectorDSignsThePathAsRequested() {
        let signature = Self.signer.signature(method: "GET", path: "/iaas", parameters: Self.runInstances(zone: "pek3a"))
        #expect(signature == "Ha/baisbNQQd3VXMJCcTtywBBnGfizvgNa/T7k/x4Ag=")
    }

    @Test func methodIsPartOfTheSignature() {
        let get = Self.signer.signature(method: "GET", path: "/iaas/", parameters: Self.runInstances(zone: "pek3a"))
        let post = Self.signer.signature(method: "POST", path: "/iaas/", parameters: Self.runInstances(zone: "pek3a"))
        #expect(get != post)
    }

    @Test(arguments: [
        (" ", "%20"), ("~", "~"), ("*", "%2A"), ("+", "%2B"), ("/", "%2F"), ("=", "%3D"), ("&", "%26"),
        ("-_.", "-_."), ("AZaz09", "AZaz09"), ("中", "%E4%B8%AD"), ("é", "%C3%A9"), ("😀", "%F0%9F%98%80"),
        ("\u{1B}[2J", "%1B%5B2J"), ("%", "%25"),
    ])
    func percentEncoding(input: String, expected: String) {
        #expect(RequestSigner.percentEncode(input) == expected)
    }

    @Test func sortsByByteOrderNotLocale() {
        let query = RequestSigner.canonicalQuery([("b", "1"), ("B", "2"), ("a_b", "3"), ("a.b", "4"), ("status.10", "x"), ("status.2", "y")])
        #expect(query == "B=2&a.b=4&a_b=3&b=1&status.10=x&status.2=y")
    }
}
