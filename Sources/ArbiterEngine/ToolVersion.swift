/// The version printed by `--version` and recorded in every report.
public enum ToolVersion {
    public static let current = "0.1.0"
}
