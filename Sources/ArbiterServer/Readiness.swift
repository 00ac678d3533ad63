/// `GET /readyz`: the packs are loaded, and which.
struct Readiness: Encodable {
    var status: String
    var packs: [String]
}
