import Testing
@testable import ProgressStore

/// The state file's JSON: what is written reads back as it was, what earlier versions wrote still
/// reads, and what is not JSON is refused without a crash.
@Suite struct JSONTests {
    /// `text` read as JSON, nil when it is refused.
    static func read(_ text: String) -> JSON? {
        try? JSON(parsing: Array(text.utf8))
    }

    @Test func whatIsWrittenReadsBackAsItWas() throws {
        let record = SavedLesson(
            contentHash: "00ff", slide: 2, step: 1, finished: true, iteration: 3, iterations: 9, tableScroll: 0,
            values: ["w": SavedTensor(shape: [2], values: [.infinity, -0.5e-300]), "b": SavedTensor(shape: [], values: [-.infinity])],
            data: [[1, 0.1], [.leastNonzeroMagnitude, .greatestFiniteMagnitude]],
            revealed: [SavedStep(pass: "backward", node: "h₁")],
            answers: [SavedAnswer(slide: 1, answer: "say \"h\"\\ \t\n\u{1}/é 𝜕 \u{9B}\u{202E}")],
            predictScore: nil)
        let file = ProgressFile(version: 1, last: "fit\u{7F}", lessons: ["fit": record, "ü": record])
        let text = file.json.text
        #expect(try ProgressFile(json: #require(Self.read(text))) == file)
        #expect(!text.contains("predictScore") && !text.contains("\u{1}"))
        // Nothing a terminal acts on is written raw: a control, a C1 control, a bidi override.
        #expect(!text.unicodeScalars.contains { ["\u{1}", "\u{7F}", "\u{9B}", "\u{202E}"].contains($0) })
        let nan = SavedTensor(shape: [], values: [.nan])
        #expect(try SavedTensor(json: #require(Self.read(nan.json.text))).values[0].isNaN)
    }

    @Test func aFileAsEarlierVersionsWroteItIsRead() throws {
        // As Foundation's JSONEncoder wrote it: slashes escaped, empty arrays over lines.
        let text = """
            {
              "last" : "fit",
              "lessons" : {
                "fit" : {
                  "answers" : [
                    {
                      "answer" : "(h - y)\\/2 \\u00e9\\ud835\\udf15",
                      "slide" : 1
                    }
                  ],
                  "contentHash" : "ed78933a053b68ac",
                  "finished" : false,
                  "iteration" : 0,
                  "iterations" : 13,
                  "predictScore" : {
                    "asked" : 5,
                    "right" : 3
                  },
                  "revealed" : [

                  ],
                  "slide" : 1,
                  "step" : 0,
                  "tableScroll" : 0,
                  "values" : {
                    "w" : {
                      "shape" : [

                      ],
                      "values" : [
                        "-inf"
                      ]
                    },
                    "x" : {
                      "shape" : [
                        2
                      ],
                      "values" : [
                        1e-05,
                        2.5E+3
                      ]
                    }
                  }
                }
              },
              "version" : 1
            }
            """
        let file = try ProgressFile(json: #require(Self.read(text)))
        let fit = try #require(file.lessons["fit"])
        #expect(file.last == "fit" && fit.answers == [SavedAnswer(slide: 1, answer: "(h - y)/2 é𝜕")])
        #expect(fit.values["w"] == SavedTensor(shape: [], values: [-.infinity]) && fit.values["x"] == SavedTensor(shape: [2], values: [1e-5, 2500]))
        #expect(fit.predictScore == SavedScore(right: 3, asked: 5) && fit.data == nil && fit.iterations == 13)
    }

    @Test(arguments: [
        ("nothing", ""),
        ("a trailing comma", "[1, 2,]"),
        ("a leading zero", "[01]"),
        ("a fraction without digits", "[1.]"),
        ("a string never closed", "[\"abc]"),
        ("a line break in a string", "[\"a\nb\"]"),
        ("an unknown escape", "[\"\\x41\"]"),
        ("a lone surrogate", "[\"\\ud835\"]"),
        ("a short escape", "[\"\\u12\"]"),
        ("a signed escape", "[\"\\u+123\"]"),
        ("a key without quotes", "{version: 1}"),
        ("what follows the value", "{} {}"),
        ("a word cut short", "[tru]"),
        ("nesting past the limit", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)),
    ])
    func whatIsNotJSONIsRefused(what: String, text: String) {
        #expect(Self.read(text) == nil, "\(what)")
    }

    @Test(arguments: [
        ("a missing member", #"{"lessons": {}}"#),
        ("a string for a number", #"{"version": "1", "lessons": {}}"#),
        ("a fraction for a whole number", #"{"version": 1.5, "lessons": {}}"#),
        ("an array for an object", #"{"version": 1, "lessons": []}"#),
        ("a record without its slide", #"{"version": 1, "lessons": {"fit": {"contentHash": "0"}}}"#),
    ])
    func jsonOfAnotherShapeIsNoProgressFile(what: String, text: String) throws {
        let json = try #require(Self.read(text), "\(what)")
        #expect(throws: JSON.Mismatch.self, "\(what)") { try ProgressFile(json: json) }
    }

    @Test(arguments: ["1e400", "-1e400"])
    func aNumberTooLargeForADoubleIsNoSavedValue(text: String) {
        #expect(throws: JSON.Mismatch.self) { try Double(json: .number(text)) }
        #expect((try? Double(json: .string("inf"))) == .infinity)
    }

    @Test func aWholeNumberWrittenWithAFractionReads() throws {
        let file = try ProgressFile(json: #require(Self.read(#"{"version": 1.0, "lessons": {}, "last": null}"#)))
        #expect(file == ProgressFile(version: 1, last: nil, lessons: [:]))
    }
}
