import XCTest

@testable import Coalition

final class AssemblerTests: XCTestCase {
    let here = SourceLocation(file: "t.csv", line: 1, column: 1)

    func actor(_ id: String, kind: String? = nil, extra: [(String, String)] = [], commitment: String? = nil) -> ActorRecord {
        var r = ActorRecord(location: here)
        r.id = Cell(id, at: here)
        r.kind = kind.map { Cell($0, at: here) }
        r.commitment = commitment.map { Cell($0, at: here) }
        r.extra = extra.map { ($0.0, Cell($0.1, at: here)) }
        return r
    }

    func tie(
        _ s: String, _ t: String, relation: String? = nil, strength: String? = nil,
        direction: String? = nil, line: Int = 2, conventions: CellConventions = .init()
    ) -> TieRecord {
        let at = SourceLocation(file: "ties.csv", line: line, column: 1)
        var r = TieRecord(location: at, conventions: conventions)
        r.source = Cell(s, at: at)
        r.target = Cell(t, at: at)
        r.relation = relation.map { Cell($0, at: at) }
        r.strength = strength.map { Cell($0, at: at) }
        r.direction = direction.map { Cell($0, at: at) }
        return r
    }

    func assemble(_ options: AssemblyOptions = .init(), actors: [String] = ["a", "b", "c"], ties: [TieRecord]) -> (StakeholderNetwork, DiagnosticLog) {
        var asm = NetworkAssembler(options: options)
        for a in actors { asm.add(actor(a)) }
        for t in ties { asm.add(t) }
        return asm.finish()
    }

    func testRepeatedTiesMergeByPolicyButRelationsStaySeparate() {
        let ties = [
            tie("a", "b", relation: "partnership", strength: "2"),
            tie("b", "a", relation: "partnership", strength: "4", line: 3),
            tie("a", "b", relation: "funding", strength: "1", line: 4),
        ]
        for (policy, expected) in [(MergePolicy.sum, 6.0), (.max, 4.0), (.mean, 3.0)] {
            let (n, log) = assemble(.init(merge: policy), ties: ties)
            XCTAssertEqual(n.ties.count, 2)
            XCTAssertEqual(n.ties[0].strength, expected, "\(policy)")
            XCTAssertEqual(n.ties[1].relation, .funding)
            XCTAssertEqual(log.entries.map(\.code), [.duplicateTie])
            XCTAssertEqual(log.entries[0].location.line, 3)
        }
    }

    func testMeanOfThreeRepeats() {
        let ties = [tie("a", "b", strength: "1"), tie("a", "b", strength: "2"), tie("a", "b", strength: "6")]
        XCTAssertEqual(assemble(.init(merge: .mean), ties: ties).0.ties[0].strength, 3)
    }

    func testDirectedTiesMakeTheNetworkDirectedAndUndirectedOnesReciprocal() {
        let (n, log) = assemble(ties: [tie("a", "b", direction: "directed"), tie("b", "c")])
        XCTAssertTrue(n.isDirected)
        XCTAssertEqual(n.ties.map { [$0.source, $0.target] }, [[0, 1], [1, 2], [2, 1]])
        XCTAssertEqual(log.entries.map(\.code), [.mixedDirection])
    }

    func testForceDirectedKeepsSourceToTargetAndExplicitMutualBothWays() {
        let (n, log) = assemble(.init(forceDirected: true), ties: [tie("a", "b"), tie("b", "c", direction: "mutual")])
        XCTAssertTrue(n.isDirected)
        XCTAssertEqual(n.ties.map { [$0.source, $0.target] }, [[0, 1], [1, 2], [2, 1]])
        XCTAssertEqual(log.entries.map(\.code), [.mixedDirection])
    }

    func testUndirectedRepeatsMergeRegardlessOfOrderButDirectedOnesDoNot() {
        XCTAssertEqual(assemble(ties: [tie("a", "b"), tie("b", "a")]).0.ties.count, 1)
        let (d, log) = assemble(ties: [tie("a", "b", direction: "true"), tie("b", "a", direction: "true")])
        XCTAssertEqual(d.ties.count, 2)
        XCTAssertTrue(log.entries.isEmpty)
    }

    func testKumuListsInToMakeOneTieEach() {
        let (n, _) = assemble(ties: [tie("a", "b|c")])
        XCTAssertEqual(n.ties.map(\.target), [1, 2])
    }

    func testProblemsAreCollectedNotThrown() {
        let (n, log) = assemble(ties: [tie("a", "x"), tie("a", "a"), tie("a", "b", strength: "0"), tie("b", "c", strength: "2,5")])
        XCTAssertEqual(log.entries.map(\.code), [.unknownActor, .selfLoop, .badStrength, .badStrength])
        XCTAssertEqual(n.ties.count, 0)
        // With `;` sheets a decimal comma is a number.
        let (n2, log2) = assemble(ties: [tie("b", "c", strength: "2,5", conventions: .init(listSeparators: ["|"], decimalComma: true))])
        XCTAssertEqual(n2.ties.first?.strength, 2.5)
        XCTAssertTrue(log2.entries.isEmpty)
    }

    func testTiesAloneCreateTheirActors() {
        let (n, log) = assemble(.init(actorsFromTies: true), actors: [], ties: [tie("x", "y"), tie("y", "z")])
        XCTAssertEqual(n.actors.map(\.id), ["x", "y", "z"])
        XCTAssertEqual(n.actors[0].name, "x")
        XCTAssertTrue(log.entries.isEmpty)
    }

    func testColumnTypesAreInferredPerColumn() {
        var asm = NetworkAssembler()
        asm.add(actor("a", extra: [("budget", "12"), ("code", "007"), ("notes", "x")]))
        asm.add(actor("b", extra: [("budget", "3.5"), ("code", "A1"), ("notes", "")]))
        asm.declareColumn("zip", of: .actors, as: .text)
        asm.add(actor("c", extra: [("zip", "1234")]))
        let (n, _) = asm.finish()
        XCTAssertEqual(
            n.actorColumns,
            [
                .init(name: "budget", type: .number), .init(name: "code", type: .text),
                .init(name: "notes", type: .text), .init(name: "zip", type: .text),
            ])
        XCTAssertEqual(n.actors[0].attributes["budget"], .number(12))
        XCTAssertEqual(n.actors[1].attributes["budget"], .number(3.5))
        XCTAssertEqual(n.actors[0].attributes["code"], .text("007"))
        XCTAssertNil(n.actors[1].attributes["notes"])
        XCTAssertEqual(n.actors[2].attributes["zip"], .text("1234"))
    }

    func testVocabulary() {
        XCTAssertEqual(Commitment(parsing: " Pledged "), .pledged)
        XCTAssertEqual(Commitment(parsing: "4"), .leading)
        XCTAssertEqual(Commitment(parsing: "0"), Commitment.none)
        XCTAssertNil(Commitment(parsing: "5"))
        XCTAssertNil(Commitment(parsing: "2.5"))
        XCTAssertEqual(ActorKind(parsing: "Regional Government"), .regionalGovernment)
        XCTAssertEqual(ActorKind(parsing: "local_government"), .localGovernment)
        XCTAssertEqual(Stance(parsing: "Against"), .opposed)
        XCTAssertEqual(Level(parsing: "EU"), .international)
        XCTAssertEqual(Relation(parsing: "Opposes"), .opposition)
        XCTAssertEqual(TieDirection(parsing: "Undirected"), .undirected)
        XCTAssertEqual(TieDirection(parsing: "MUTUAL"), .mutual)
        XCTAssertNil(TieDirection(parsing: "sideways"))
    }

    func testSuggestions() {
        XCTAssertEqual(Suggestions.closest(to: "rivertn", in: ["riverton", "harbourside"]), "riverton")
        XCTAssertEqual(Suggestions.closest(to: "ministery", in: ActorKind.known.map(\.rawValue)), "ministry")
        XCTAssertNil(Suggestions.closest(to: "guild", in: ActorKind.known.map(\.rawValue)))
        XCTAssertEqual(Suggestions.editDistance(Array("kitten"), Array("sitting")), 3)
    }

    func testMissionSlug() {
        XCTAssertEqual(Mission(name: "Healthy Longer Lives 2040").slug, "healthy-longer-lives-2040")
        XCTAssertEqual(Mission(name: "  Ça va?! ").slug, "a-va")
        XCTAssertEqual(Mission(name: "健康").slug, "mission")
    }

    func testDiagnosticFormat() {
        let d = Diagnostic(.error, .unknownActor, at: SourceLocation(file: "ties.csv", line: 3, column: 5), "tie names unknown actor \"x\"")
        XCTAssertEqual(d.description, "ties.csv:3:5: error: tie names unknown actor \"x\" [unknown-actor]")
        let j = Diagnostic(.warning, .unknownKind, at: SourceLocation(file: "n.json", path: "actors[2].kind"), "m")
        XCTAssertEqual(j.description, "n.json: warning: actors[2].kind: m [unknown-kind]")
    }

    func testSummaryCountsCategoriesAndTies() {
        var asm = NetworkAssembler()
        asm.add(actor("a", kind: "ministry"))
        asm.add(actor("b", kind: "ministry"))
        asm.add(actor("c", kind: "cso"))
        asm.add(actor("d"))
        asm.add(tie("a", "b", relation: "mandate"))
        asm.add(tie("b", "c", relation: "opposition"))
        let s = NetworkSummary(asm.finish().network)
        XCTAssertEqual(s.byKind.map(\.value), ["ministry", "cso", "(none)"])
        XCTAssertEqual(s.byKind[0].internalTies, 1)
        XCTAssertEqual(s.byKind[0].externalTies, 1)
        XCTAssertEqual(s.oppositionTies, 1)
        XCTAssertEqual(s.density, 2.0 / 12.0, accuracy: 1e-15)
        XCTAssertEqual(s.components, 3)
        XCTAssertEqual(s.largestComponent, 2)
        XCTAssertEqual(s.isolates, 1)
    }
}

extension AssemblerTests {
    func named(_ id: String, _ name: String) -> ActorRecord {
        var r = actor(id)
        r.name = Cell(name, at: here)
        return r
    }

    func testTieEndsMayGiveAUniqueNameButNotASharedOne() {
        var asm = NetworkAssembler()
        for (id, name) in [("moh", "Ministry of Health"), ("cc-n", "City Council"), ("cc-s", "City Council"), ("phi", "Public Health Institute")] {
            asm.add(named(id, name))
        }
        asm.add(tie("Ministry of Health", "phi", line: 2))
        asm.add(tie("public health institute", "cc-n", line: 3))
        asm.add(tie("moh", "City Council", line: 4))
        let (n, log) = asm.finish()
        XCTAssertEqual(n.ties.map { "\(n.actors[Int($0.source)].id)-\(n.actors[Int($0.target)].id)" }, ["moh-phi", "phi-cc-n"])
        XCTAssertEqual(
            log.sorted().map(\.description),
            [
                "ties.csv:2:1: warning: tie end \"Ministry of Health\" is the name of actor \"moh\", not an id; read as that actor, as is 1 other tie end that gives a unique name (ids are safer: names change) [actor-by-name]",
                "ties.csv:4:1: error: tie names \"City Council\", which is no actor's id but the name of 2 actors (\"cc-n\", \"cc-s\"); use the id of the one meant [unknown-actor]",
            ])
    }

    func testTiesAreCountedAsTheSheetHasThemAndARepeatIsSaidOnce() {
        let (n, log) = assemble(
            ties: [
                tie("a", "b", relation: "funding", direction: "directed", line: 2), tie("b", "c", line: 3), tie("c", "b", line: 4),
                tie("a", "c", relation: "partnership", line: 5),
            ])
        XCTAssertTrue(n.isDirected)
        XCTAssertEqual(n.tieCounts.directed, 1)
        XCTAssertEqual(n.tieCounts.undirected, 2)
        XCTAssertEqual(n.ties.count, 5, "a→b, and b—c and a—c as two arcs each")
        XCTAssertEqual(n.writtenTies.count, 3)
        XCTAssertEqual(n.ties.filter(\.isReverseArc).map { "\($0.source)\($0.target)" }, ["21", "20"])
        XCTAssertEqual(
            log.sorted().map(\.description),
            [
                "ties.csv:2:1: warning: this tie is marked directed, so the whole network is directed (rows: 1 directed, 3 undirected): directed measures count each undirected tie as two reciprocal arcs, as networkx does; counts still show the ties as the sheet has them [mixed-direction]",
                "ties.csv:4:1: warning: duplicate tie \"c\" — \"b\" (first at ties.csv:3:1); merged by sum: strength 2 [duplicate-tie]",
            ])
    }

    func testEverydayKindWordsAreReadAsKindsOnceEach() {
        var asm = NetworkAssembler()
        asm.add(actor("a", kind: "NGO"))
        asm.add(actor("b", kind: "ngo"))
        asm.add(actor("c", kind: "Think Tank"))
        asm.add(actor("d", kind: "ministery"))
        let (n, log) = asm.finish()
        XCTAssertEqual(n.actors.map { $0.kind?.rawValue }, ["cso", "cso", "research", "ministery"])
        XCTAssertEqual(log.entries.map(\.code), [.unknownKind, .unknownKind, .unknownKind], "one per word, and the typo kept with a suggestion")
        XCTAssertTrue(log.entries[2].message.hasPrefix("unknown kind \"ministery\", kept as written; did you mean \"ministry\"?"))
    }

    func testWordsAgreeWithTheirCounts() {
        XCTAssertEqual(Wording.count(1, "tie"), "1 tie")
        XCTAssertEqual(Wording.count(2, "tie"), "2 ties")
        XCTAssertEqual(Wording.count(3, "ministry"), "3 ministries")
        XCTAssertEqual(Wording.count(2, "business"), "2 businesses")
        XCTAssertEqual(Wording.count(2, "day"), "2 days")
        XCTAssertEqual(Wording.count(2, "tie end"), "2 tie ends")
        XCTAssertEqual(Wording.verb(1, "opposes", "oppose"), "opposes")
    }
}
