/// One slot per parallel task for its result; each written by its own task, read after all end.
final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func store(_ value: T, at i: Int) { slots[i] = value }
    var values: [T] { (0..<count).map { slots[$0]! } }
}
