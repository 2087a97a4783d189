internal import CGraphviz
import Foundation

extension Rendering {
    /// Makes cairo's PDF the same bytes for the same drawing.
    ///
    /// Cairo 1.16 prints text positions with six decimals and path coordinates with three.
    /// Many fall exactly on a tie (768.3671875, 1285.0625), and a last-bit difference in how
    /// pango and cairo arrive at them — which varies from run to run — prints them as
    /// 768.367188 one time and 768.367187 the next (seen: 4 of 2,228 lines in 6 of 8 renders
    /// of the 120-actor example, 66 of 2,718 in its willing view). This inflates each page
    /// stream, writes every number within printing distance of a tie as the tie's exact value
    /// (a multiple of 1/128, or of 1/16 for three decimals), deflates it again, and rebuilds the
    /// cross-reference table for the new lengths. Numbers inside strings are not touched; a PDF not laid out as cairo lays
    /// its files out is returned as it is.
    public func withCanonicalPDFNumbers() -> Rendering {
        guard let fixed = CanonicalPDF.rewrite([UInt8](data)) else { return self }
        var copy = self
        copy.data = Data(fixed)
        return copy
    }
}

/// Hand-written because no PDF library is at hand in Swift on Linux, and all that is needed is
/// cairo's own simple layout: numbered objects one after another, then an xref table.
enum CanonicalPDF {
    struct Object {
        var number: Int
        var bytes: [UInt8]
    }

    /// - Parameter always: rebuild the file even when no number changed (for tests of the rebuild).
    /// - Parameter transform: a change to make to every object (its bytes, "N 0 obj" to "endobj").
    static func rewrite(_ pdf: [UInt8], always: Bool = false, transform: (inout [UInt8]) -> Void = { _ in }) -> [UInt8]? {
        guard let xref = lastRange(of: Array("\nxref\n".utf8), in: pdf), let trailer = lastRange(of: Array("trailer\n".utf8), in: pdf),
            let startxref = lastRange(of: Array("startxref".utf8), in: pdf), trailer.lowerBound < startxref.lowerBound
        else { return nil }
        // Objects: "N 0 obj\n" … "endobj\n", one after another up to the xref table.
        let header = Array("0 obj\n".utf8), footer = Array("endobj\n".utf8)
        var objects: [Object] = []
        var position = 0
        var prefixEnd: Int?
        while position < xref.lowerBound + 1 {
            guard let mark = firstRange(of: header, in: pdf, from: position), mark.lowerBound < xref.lowerBound else { break }
            var start = mark.lowerBound - 1
            while start > 0, pdf[start - 1] >= 0x30, pdf[start - 1] <= 0x39 { start -= 1 }
            guard start < mark.lowerBound - 1, let number = Int(String(decoding: pdf[start..<mark.lowerBound - 1], as: UTF8.self)),
                let end = firstRange(of: footer, in: pdf, from: mark.upperBound)
            else { return nil }
            if prefixEnd == nil { prefixEnd = start }
            // cairo writes objects back to back; anything between two means this is not such a
            // file (or a stream held the bytes "endobj"), and it is left as it is.
            if !objects.isEmpty, start != position { return nil }
            objects.append(Object(number: number, bytes: Array(pdf[start..<end.upperBound])))
            position = end.upperBound
        }
        guard let prefixEnd, !objects.isEmpty else { return nil }

        var lengths: [Int: Int] = [:]  // length object number → new length
        var changed = false
        for i in objects.indices {
            guard let (dictionary, stream, tail, lengthRef) = split(objects[i].bytes), let inflated = inflate(stream),
                isPageContent(inflated)
            else { continue }
            let canonical = snapNumbers(inflated)
            guard canonical != inflated || always, let deflated = deflate(canonical) else { continue }
            objects[i].bytes = dictionary + deflated + tail
            if let lengthRef { lengths[lengthRef] = deflated.count }
            changed = true
        }
        for i in objects.indices {
            let before = objects[i].bytes
            transform(&objects[i].bytes)
            if objects[i].bytes != before { changed = true }
        }
        guard changed || always else { return pdf }
        for i in objects.indices {
            if let length = lengths[objects[i].number] {
                objects[i].bytes = Array("\(objects[i].number) 0 obj\n   \(length)\nendobj\n".utf8)
            }
        }
        // Reassemble with a new xref table.
        var out = Array(pdf[0..<prefixEnd])
        var offsets: [Int: Int] = [:]
        for o in objects {
            offsets[o.number] = out.count
            out += o.bytes
        }
        let size = (offsets.keys.max() ?? 0) + 1
        let xrefOffset = out.count
        var table = "xref\n0 \(size)\n0000000000 65535 f \n"
        for n in 1..<size {
            guard let offset = offsets[n] else { return nil }
            table += String(format: "%010d 00000 n \n", offset)
        }
        out += Array(table.utf8)
        out += Array(pdf[trailer.lowerBound..<startxref.lowerBound])
        out += Array("startxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return out
    }

    /// An object's dictionary up to and including "stream\n", the stream's bytes, the rest
    /// from "\nendstream", and the number of its indirect /Length object, if any. Nil for an
    /// object without a Flate stream.
    static func split(_ object: [UInt8]) -> ([UInt8], [UInt8], [UInt8], Int?)? {
        guard let open = firstRange(of: Array(">>\nstream\n".utf8), in: object, from: 0),
            let close = lastRange(of: Array("\nendstream".utf8), in: object), close.lowerBound >= open.upperBound
        else { return nil }
        let dictionary = String(decoding: object[0..<open.lowerBound], as: UTF8.self)
        guard dictionary.contains("/FlateDecode"), !dictionary.contains("/Length1"), !dictionary.contains("/Subtype") else { return nil }
        var lengthRef: Int?
        if let r = dictionary.range(of: "/Length ") {
            let words = dictionary[r.upperBound...].split(separator: " ", maxSplits: 3)
            if words.count >= 3, words[1] == "0", words[2].hasPrefix("R") { lengthRef = Int(words[0]) }
        }
        return (Array(object[0..<open.upperBound]), Array(object[open.upperBound..<close.lowerBound]), Array(object[close.lowerBound...]), lengthRef)
    }

    /// A page stream: text positioned with Tm, all printable.
    static func isPageContent(_ bytes: [UInt8]) -> Bool {
        firstRange(of: Array(" Tm\n".utf8), in: bytes, from: 0) != nil
    }

    /// Every number outside string literals that lies within printing distance of a tie,
    /// written as the tie's exact value.
    static func snapNumbers(_ s: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        func isNumberByte(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x2D }
        while i < s.count {
            let b = s[i]
            if b == UInt8(ascii: "(") {
                // A string literal, with escapes and balanced parentheses.
                var depth = 0, j = i
                while j < s.count {
                    let c = s[j]
                    if c == UInt8(ascii: "\\") { j += 2; continue }
                    if c == UInt8(ascii: "(") { depth += 1 }
                    if c == UInt8(ascii: ")") { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                let end = min(j + 1, s.count)
                out += s[i..<end]
                i = end
                continue
            }
            if b == UInt8(ascii: "<"), i + 1 < s.count, s[i + 1] != UInt8(ascii: "<") {
                let end = (s[i...].firstIndex(of: UInt8(ascii: ">")) ?? s.count - 1) + 1
                out += s[i..<end]
                i = end
                continue
            }
            // A number starts after a delimiter.
            if isNumberByte(b), i == 0 || !isNumberByte(s[i - 1]) && !(s[i - 1] >= 0x41 && s[i - 1] <= 0x7A) {
                var j = i
                while j < s.count, isNumberByte(s[j]) { j += 1 }
                let token = String(decoding: s[i..<j], as: UTF8.self)
                if let dot = token.firstIndex(of: "."), let x = Double(token) {
                    // Cairo prints path coordinates with three decimals, text positions with
                    // six: a tie at three decimals is a multiple of 1/16, at six of 1/128.
                    let decimals = token.distance(from: dot, to: token.endIndex) - 1
                    let (steps, tolerance) = decimals <= 3 ? (16.0, 6e-4) : (128.0, 6e-7)
                    let grid = (x * steps).rounded() / steps
                    if abs(x - grid) < tolerance {
                        var text = String(format: "%.7f", grid)
                        while text.hasSuffix("0") { text.removeLast() }
                        if text.hasSuffix(".") { text.removeLast() }
                        if text == "-0" { text = "0" }
                        out += Array(text.utf8)
                        i = j
                        continue
                    }
                }
                out += s[i..<j]
                i = j
                continue
            }
            out.append(b)
            i += 1
        }
        return out
    }

    static func inflate(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = input
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    status = CGraphviz.inflate(&stream, Z_NO_FLUSH)
                    output += outBuffer[0..<outBuffer.count - Int(stream.avail_out)]
                }
            } while status == Z_OK
        }
        return status == Z_STREAM_END ? output : nil
    }

    static func deflate(_ input: [UInt8]) -> [UInt8]? {
        var length = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { inBuffer in
                compress2(out.baseAddress, &length, inBuffer.baseAddress, uLong(inBuffer.count), Z_DEFAULT_COMPRESSION)
            }
        }
        guard status == Z_OK else { return nil }
        return Array(output.prefix(Int(length)))
    }

    static func firstRange(of needle: [UInt8], in hay: [UInt8], from start: Int) -> Range<Int>? {
        guard needle.count <= hay.count, start <= hay.count - needle.count else { return nil }
        var i = start
        while i <= hay.count - needle.count {
            if hay[i] == needle[0], Array(hay[i..<i + needle.count]) == needle { return i..<i + needle.count }
            i += 1
        }
        return nil
    }

    static func lastRange(of needle: [UInt8], in hay: [UInt8]) -> Range<Int>? {
        guard needle.count <= hay.count else { return nil }
        var i = hay.count - needle.count
        while i >= 0 {
            if hay[i] == needle[0], Array(hay[i..<i + needle.count]) == needle { return i..<i + needle.count }
            i -= 1
        }
        return nil
    }
}
