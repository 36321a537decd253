/// What `qcimages --version` prints: the version, and for a build from `Tests/Release/build-release.sh`
/// also the commit and the build date, which that script writes into `ReleaseStamp.swift` for the one
/// build and compiles in with `-D QCIMAGES_RELEASE_STAMP`.
enum Version {
    /// The version of qcimages (and of its Debian package).
    static let number = "0.1.0"

    #if QCIMAGES_RELEASE_STAMP
    static let text = "qcimages \(number) (\(releaseStamp))"
    #else
    static let text = "qcimages \(number)"
    #endif
}
