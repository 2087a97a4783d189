#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C math functions the standard library does not offer, in one place.
enum Foundationless {
    @inline(__always) static func cbrt(_ x: Double) -> Double { Glibc.cbrt(x) }
    @inline(__always) static func log(_ x: Double) -> Double { Glibc.log(x) }
    @inline(__always) static func exp(_ x: Double) -> Double { Glibc.exp(x) }
}
