/// Lower bounds of the bands above `low`, as a pack declares them.
public struct BandThresholds: Hashable, Sendable {
    public var moderate: Double
    public var high: Double
    public var critical: Double

    public init(moderate: Double = 25, high: Double = 50, critical: Double = 75) {
        self.moderate = moderate
        self.high = high
        self.critical = critical
    }

    public func band(of score: Double) -> Band {
        if score >= critical { return .critical }
        if score >= high { return .high }
        if score >= moderate { return .moderate }
        return .low
    }

    public func lowerBound(of band: Band) -> Double {
        switch band {
        case .low: 0
        case .moderate: moderate
        case .high: high
        case .critical: critical
        }
    }
}
