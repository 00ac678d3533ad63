/// What an earlier report knew: per project, each pack's gate band and the rules
/// that fired or were unknown. The gate then fails only on what is new.
public struct Baseline: Hashable, Sendable {
    public struct Project: Hashable, Sendable {
        public var bands: [String: Band]
        public var rules: Set<String>

        public init(bands: [String: Band], rules: Set<String>) {
            self.bands = bands
            self.rules = rules
        }
    }

    public var projects: [String: Project]

    public init(projects: [String: Project]) {
        self.projects = projects
    }
}
