extension Double {
    /// The number with `places` decimals (0 to 3), as pages write scores and hours: "12.5",
    /// "-0.3", "7" — as `String(format: "%.1f")` writes it, at a small part of its cost, except
    /// that an exact half is rounded away from zero and a negative that rounds to 0 loses its
    /// sign. A number too large for a page, or not a number, is written by `description`.
    public func written(decimals places: Int) -> String {
        let places = Swift.min(Swift.max(places, 0), 3)
        let scaled = (self * Self.scales[places]).rounded()
        guard scaled.isFinite, scaled.magnitude < 1e15 else { return description }
        let whole = Int(scaled)
        var digits = String(whole.magnitude)
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places + 1 - digits.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return whole < 0 ? "-" + digits : digits
    }

    /// `minutes` as hours with one decimal: "1.5".
    public static func hours(minutes: Int) -> String {
        (Double(minutes) / 60).written(decimals: 1)
    }

    private static let scales: [Double] = [1, 10, 100, 1000]
}
