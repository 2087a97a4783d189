import XCTest

@testable import CoalitionGraph

final class GraphTests: XCTestCase {
    /// A path 0–1–2, a triangle 3–4–5 with a parallel edge 3–4, and an isolate 6.
    func sample(directed: Bool = false) -> Graph {
        var b = GraphBuilder(vertexCount: 7, isDirected: directed)
        b.addEdge(1, 2)
        b.addEdge(0, 1)
        b.addEdge(4, 3, weight: 2)
        b.addEdge(3, 5)
        b.addEdge(5, 4, sign: .negative)
        b.addEdge(3, 4, weight: 5)
        return b.build()
    }

    func testRowsAreSortedByNeighbourThenEdge() {
        let g = sample()
        XCTAssertEqual(g.edgeCount, 6)
        XCTAssertEqual(Array(g.outNeighbors(of: 1)), [0, 2])
        XCTAssertEqual(Array(g.outNeighbors(of: 3)), [4, 4, 5])
        XCTAssertEqual(Array(g.outEdges(of: 3)), [2, 5, 3])
        XCTAssertEqual(Array(g.outNeighbors(of: 4)), [3, 3, 5])
        XCTAssertEqual(g.outDegree(of: 6), 0)
        XCTAssertEqual(g.edgeWeights[Int(g.outEdges(of: 3).first!)], 2)
    }

    func testDirectedRowsSeparateInAndOut() {
        let g = sample(directed: true)
        XCTAssertEqual(Array(g.outNeighbors(of: 4)), [3])
        XCTAssertEqual(Array(g.inNeighbors(of: 4)), [3, 5])
        XCTAssertEqual(g.inDegree(of: 1), 1)
        XCTAssertEqual(g.outDegree(of: 1), 1)
    }

    func testComponentsAreNumberedBySmallestVertex() {
        let c = sample().weakComponents()
        XCTAssertEqual(c.label, [0, 0, 0, 1, 1, 1, 2])
        XCTAssertEqual(c.sizes, [3, 3, 1])
        XCTAssertEqual(c.largest, 0)
        // Without the negative edge the triangle stays connected through vertex 3.
        XCTAssertEqual(sample().weakComponents(includeNegative: false).count, 3)
        // Weak components follow arcs both ways.
        XCTAssertEqual(sample(directed: true).weakComponents().count, 3)
    }

    func testComponentsSplitWithoutNegativeEdges() {
        var b = GraphBuilder(vertexCount: 3, isDirected: false)
        b.addEdge(0, 1)
        b.addEdge(1, 2, sign: .negative)
        let g = b.build()
        XCTAssertEqual(g.weakComponents().count, 1)
        XCTAssertEqual(g.weakComponents(includeNegative: false).label, [0, 0, 1])
    }

    func testDensityCountsEachJoinedPairOnce() {
        let g = sample()
        // Pairs: 0-1, 1-2, 3-4, 3-5, 4-5 = 5 of 21.
        XCTAssertEqual(g.adjacentPairCount(), 5)
        XCTAssertEqual(g.density(), 10.0 / 42.0, accuracy: 1e-15)
        XCTAssertEqual(g.adjacentPairCount(includeNegative: false), 4)
        let d = sample(directed: true)
        // Arcs: 1→2, 0→1, 4→3, 3→5, 5→4, 3→4 = 6 ordered pairs of 42.
        XCTAssertEqual(d.density(), 6.0 / 42.0, accuracy: 1e-15)
        XCTAssertEqual(g.isolates(), [6])
    }

    func testEmptyAndSingleVertexGraphs() {
        XCTAssertEqual(GraphBuilder(vertexCount: 0, isDirected: false).build().weakComponents().count, 0)
        XCTAssertNil(GraphBuilder(vertexCount: 0, isDirected: false).build().weakComponents().largest)
        XCTAssertEqual(GraphBuilder(vertexCount: 1, isDirected: false).build().density(), 0)
    }

    func testSelfLoopCountsTwiceInItsRow() {
        var b = GraphBuilder(vertexCount: 2, isDirected: false)
        b.addEdge(0, 0)
        b.addEdge(0, 1)
        let g = b.build()
        XCTAssertEqual(g.outDegree(of: 0), 3)
        XCTAssertEqual(g.adjacentPairCount(), 1)
    }
}
