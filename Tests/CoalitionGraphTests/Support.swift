import Foundation
import XCTest

let referenceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("fixtures/reference")

/// Compares value by value: within `relative` (or `absolute`, for values near zero); nil
/// expected means undefined (networkx's NaN).
func assertClose(
    _ actual: [Double?], _ expected: [Double?], relative: Double, absolute: Double = 1e-12,
    _ what: String, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(actual.count, expected.count, what, file: file, line: line)
    var worst = 0.0
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        guard let e else { XCTAssertNil(a, "\(what)[\(i)]", file: file, line: line); continue }
        guard let a else { XCTFail("\(what)[\(i)] is nil, expected \(e)", file: file, line: line); continue }
        let error = abs(a - e)
        worst = max(worst, error / max(abs(e), 1e-300))
        if error > absolute && error > relative * abs(e) {
            XCTFail("\(what)[\(i)]: \(a) ≠ \(e)", file: file, line: line)
            return
        }
    }
}
