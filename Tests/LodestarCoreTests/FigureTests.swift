import Foundation
import LodestarCore
import Testing

@Suite("Figures on pages")
struct FigureTests {
    @Test("scores and hours read as printf writes them, on 20,000 random numbers away from a half and from -0")
    func likePrintf() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let value = Double.random(in: -5_000...5_000, using: &random)
            for places in 0...3 {
                let scaled = value * pow(10, Double(places))
                // Away from a half, and not a negative that rounds to 0 (written "0", not "-0").
                guard abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6, value >= 0 || scaled.rounded() != 0 else { continue }
                #expect(value.written(decimals: places) == String(format: "%.\(places)f", value), "\(value)")
            }
        }
    }

    @Test("small, whole, negative and out-of-range numbers")
    func edges() {
        #expect(0.05.written(decimals: 1) == "0.1")
        #expect(7.0.written(decimals: 0) == "7")
        #expect(0.004.written(decimals: 2) == "0.00")
        #expect((-0.3).written(decimals: 1) == "-0.3")
        #expect((-0.01).written(decimals: 1) == "0.0")
        #expect(1.5.written(decimals: 9) == "1.500")
        #expect(Double.nan.written(decimals: 1) == "nan")
        #expect(1e300.written(decimals: 1) == 1e300.description)
    }
}
