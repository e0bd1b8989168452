import Foundation
import TestSupport
import Testing

/// The command line as a script or a user without a full-screen terminal uses it.
@Suite struct CommandLineTests {
    @Test func listShowsEveryLessonWithIdTitleAndSlideCountFromAnyFolder() throws {
        let result = try Binary.run(["list"], in: try Binary.temporaryFolder())
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.map { String($0.prefix { $0 != " " }) } == ["primer", "linear", "deeper", "wider", "xor", "closing", "playground"])
        #expect(lines[1].contains("The simplest NN ever") && lines[1].hasSuffix("slides)"))
    }

    @Test func printLinearShowsTheDecksTable() throws {
        let result = try Binary.run(["print", "linear"])
        #expect(result.status == 0)
        let table = result.standardOutput.split(separator: "\n").suffix(4).map { $0.split(separator: " ").joined(separator: " ") }
        #expect(table == [
            "# h L ∂L/∂h ∂L/∂w ∂L/∂b w b",
            "1 1.10 1.80 −1.90 −1.90 −1.90 0.48 1.38",
            "2 1.86 0.65 −1.14 −1.14 −1.14 0.71 1.61",
            "3 2.32 0.23 −0.68 −0.68 −0.68 0.84 1.74",
        ])
        #expect(result.standardOutput.contains("∂L/∂w = ∂L/∂h · ∂h/∂w = ∂L/∂h · x = −1.90 · 1.00 = −1.90"))
        #expect(result.standardOutput.contains("w ← w − η · ∂L/∂w = 0.10 − 0.20 · (−1.90) = 0.48"))
    }

    @Test func printAppliesEtaAndStartingValues() throws {
        let result = try Binary.run(["print", "linear", "--eta", "0.1", "--iterations", "2", "--ascii"])
        #expect(result.status == 0)
        let rows = result.standardOutput.split(separator: "\n").suffix(2).map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows == ["1 1.10 1.80 -1.90 -1.90 -1.90 0.29 1.19", "2 1.48 1.16 -1.52 -1.52 -1.52 0.44 1.34"])
        let wider = try Binary.run(["print", "wider", "--set", "W=[[1,0],[0,1]]", "--set", "x=[0.5, -0.5]", "--iterations", "1"])
        #expect(wider.status == 0)
        #expect(wider.standardOutput.contains("h = W · x + b = [[1.00, 0.00], [0.00, 1.00]] · [0.50; −0.50]"))
        #expect(wider.standardOutput.contains("\n      ∂L/∂W₁₂ = ∂L/∂h₁ · x₂ = "), "the entry worked out under ∂L/∂W")
    }

    @Test func printDeeperWithScoresFarApartStaysFinite() throws {
        let result = try Binary.run(["print", "deeper", "--set", "v1=1000", "--set", "v2=-1000", "--json"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("\"gradients\": {"))
        #expect(!result.standardOutput.contains("null"), "a number is not finite: \(result.standardOutput)")
        let text = try Binary.run(["print", "deeper", "--set", "v1=1000", "--set", "v2=-1000", "--steps", "1"])
        #expect(text.standardOutput.contains("∂L/∂o₁ = p₁ − y = 1.00 − 1.00 = 0.00"))
        #expect(!text.standardOutput.contains("NaN") && !text.standardOutput.contains("∞"))
    }

    @Test(arguments: ["linear", "deeper", "wider"])
    func printCheckPutsEachGradientBesideItsCentralDifference(lesson: String) throws {
        let text = try Binary.run(["print", lesson, "--check", "--iterations", "1"])
        #expect(text.status == 0)
        let lines = text.standardOutput.split(separator: "\n")
        let gradients = lines.filter { $0.hasPrefix("    ∂L/∂") }
        let checks = lines.filter { $0.contains("by central difference (relative difference") }
        #expect(!gradients.isEmpty && gradients.count == checks.count)
        let json = try Binary.run(["print", lesson, "--check", "--json", "--iterations", "2"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        for iteration in try #require(document["iterations"] as? [[String: [String: Any]]]) {
            let numeric = try #require(iteration["numeric"]), gradients = try #require(iteration["gradients"])
            #expect(Set(numeric.keys) == Set(gradients.keys))
            for (node, estimate) in numeric {
                let flat = { (value: Any?) in (value as? Double).map { [$0] } ?? (value as? [Double]) ?? ((value as? [[Double]])?.flatMap { $0 } ?? []) }
                let (a, b) = (flat(estimate), flat(gradients[node]))
                #expect(a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($1)) }, "\(lesson): \(node)")
            }
        }
        #expect(!(try Binary.run(["print", lesson, "--json"]).standardOutput.contains("numeric")))
    }

    @Test(arguments: ["linear", "deeper", "wider", "closing", "playground"])
    func printJSONHasEveryNodeAtFullPrecision(lesson: String) throws {
        let result = try Binary.run(["print", lesson, "--json", "--iterations", "2"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(document["lesson"] as? String == lesson)
        #expect(document["eta"] is Double)
        let iterations = try #require(document["iterations"] as? [[String: [String: Any]]])
        #expect(iterations.count == 2)
        let first = try #require(iterations.first)
        let values = try #require(first["values"]), gradients = try #require(first["gradients"])
        // A softmax taken together with its cross-entropy gets no gradient: the rule skips it.
        let skipped: Set<String> = ["deeper", "wider", "playground"].contains(lesson) ? ["p"] : []
        #expect(Set(values.keys).subtracting(skipped) == Set(gradients.keys))
        #expect(values.keys.contains("L") && gradients["L"] as? Double == 1)
        #expect(first["updated"]?.isEmpty == false)
    }

    @Test func printOfADataSetGivesEveryRowTheMeansAndTheUpdatesOfEachEpoch() throws {
        let result = try Binary.run(["print", "xor", "--iterations", "2"])
        #expect(result.status == 0)
        let text = result.standardOutput
        #expect(text.hasPrefix("A data set: learning XOR (xor): 2 epochs, η = 1\n\nEpoch 1\n  row 1: x₁ = 0.00, x₂ = 0.00 | y₁ = 1.00, y₂ = 0.00\n    forward\n"))
        #expect(text.contains("\n  row 4: x₁ = 1.00, x₂ = 1.00 | y₁ = 1.00, y₂ = 0.00\n"))
        #expect(text.contains("\n  mean\n    L = (L₁ + L₂ + L₃ + L₄) / 4 = (0.693 + 0.313 + 3.05 + 0.13) / 4 = 1.05\n"))
        #expect(text.contains("\n    ∂L/∂c = (∂L₁/∂c + ∂L₂/∂c + ∂L₃/∂c + ∂L₄/∂c) / 4 = "))
        #expect(text.contains("\n  update\n    V ← V − η · ∂L/∂V = "))
        let table = text.split(separator: "\n").suffix(3).map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(table == ["#", "1", "2"])
    }

    @Test func printJSONOfADataSetHasEveryRowTheMeanLossAndTheMeanGradients() throws {
        let result = try Binary.run(["print", "xor", "--json", "--iterations", "2"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let iterations = try #require(document["iterations"] as? [[String: Any]])
        #expect(iterations.count == 2)
        let first = try #require(iterations.first)
        let rows = try #require(first["rows"] as? [[String: Any]])
        #expect(rows.map { $0["row"] as? Int } == [1, 2, 3, 4])
        let values = try #require(rows[1]["values"] as? [String: Any]), gradients = try #require(rows[1]["gradients"] as? [String: Any])
        #expect(values["x"] as? [Double] == [0, 1] && values["y"] as? [Double] == [0, 1])
        #expect(Set(gradients.keys) == ["L", "o", "V", "c", "x", "y"])
        let loss = try #require(first["loss"] as? Double)
        let rowLosses = try rows.map { try #require(($0["values"] as? [String: Any])?["L"] as? Double) }
        #expect(abs(loss - rowLosses.reduce(0, +) / 4) < 1e-15)
        #expect(Set(try #require(first["gradients"] as? [String: Any]).keys) == ["V", "c"])
        #expect(Set(try #require(first["updated"] as? [String: Any]).keys) == ["V", "c"])
    }

    @Test func printJSONOfLinearKeepsFullPrecision() throws {
        let result = try Binary.run(["print", "linear", "--json", "--iterations", "3"])
        #expect(result.standardOutput.contains("\"L\": 1.805"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let iterations = try #require(document["iterations"] as? [[String: [String: Double]]])
        #expect(isClose(iterations[2]["updated"]?["b"], 1.7448))
    }

    @Test(arguments: [
        (["print", "nosuch"], "backprop-tutor: unknown lesson 'nosuch' (known: primer, linear, deeper, wider, xor, closing, playground)"),
        (["--frobnicate"], "backprop-tutor: unknown option '--frobnicate'"),
        (["print", "linear", "--set", "z=1"], "backprop-tutor: --set z=1: no starting value is called 'z' (known: x, y, w, b, eta)"),
        (["print", "linear", "--set", "w=[1,2]"], "backprop-tutor: --set w=[1,2]: 'w' is a scalar; 2-vector given"),
        (["print", "linear", "--iterations", "zero"], "backprop-tutor: --iterations takes a whole number from 1 to 100000, not 'zero'"),
        (["print", "linear", "--steps=0"], "backprop-tutor: --steps takes a whole number from 1 to 100000, not '0'"),
        (["print", "linear", "--eta"], "backprop-tutor: --eta needs a value"),
        (["list", "--json"], "backprop-tutor: --json, --check, --iterations, --set, --eta, --precision, --ascii and --unicode go with 'print'"),
        (["print", "linear", "--fresh"], "backprop-tutor: --fresh goes with the tutor, not with 'list' or 'print'"),
        (["print", "primer"], "backprop-tutor: lesson 'primer' has no model to run (try one with slides that compute)"),
        // Every value typed goes through the one number reader: finite constants of the right shape.
        (["print", "linear", "--set", "w=1 2"], "backprop-tutor: --set w=1 2: missing '*': write 1*2 (column 3 of the value)"),
        (["print", "linear", "--set", "w=1e309"], "backprop-tutor: --set w=1e309: '1e309' is too large for a number (the largest is about 1.8e308)"),
        (["print", "linear", "--set", "w=0/0"], "backprop-tutor: --set w=0/0: the value is not a finite number: it comes out as nan (column 2 of the value)"),
        (["print", "linear", "--set", "w=2^1024"], "backprop-tutor: --set w=2^1024: the value is not a finite number: it comes out as inf (column 2 of the value)"),
        (["print", "linear", "--set", "w=0x10"], "backprop-tutor: --set w=0x10: '0x10' is not a number: write it in decimals"),
        (["print", "linear", "--eta", "0x1p3"], "backprop-tutor: --eta 0x1p3: '0x1p3' is not a number: write it in decimals"),
        (["print", "linear", "--eta", "nan"], "backprop-tutor: --eta nan: a value is a number, vector or matrix, but it uses 'nan'"),
        (["print", "linear", "--set", "eta=[1,2]"], "backprop-tutor: --set eta=[1,2]: 'eta' is a scalar; 2-vector given"),
        (["print", "linear", "--set", "eta=[[5,6],[7,8]]"], "backprop-tutor: --set eta=[[5,6],[7,8]]: 'eta' is a scalar; 2×2 matrix given"),
        (["print", "linear", "--eta", "[1, 2]"], "backprop-tutor: --eta [1, 2]: 'eta' is a scalar; 2-vector given"),
        (["print", "linear", "--set", String(repeating: "w", count: 100) + "=1"], "backprop-tutor: --set \(String(repeating: "w", count: 40))…: "
            + "no starting value is called '\(String(repeating: "w", count: 40))…' (known: x, y, w, b, eta)"),
        (["print", "linear", "--set", "w=" + Array(repeating: "1", count: 60_000).joined(separator: "+")],
         "backprop-tutor: --set w=1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+…: the expression is more than 200 levels deep "
            + "(each operator of a chain such as a + b + c is one level) (column 400 of the value)"),
    ])
    func badCommandLineGivesOneLineErrorUsageAndStatusTwo(arguments: [String], message: String) throws {
        let result = try Binary.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.split(separator: "\n").first.map(String.init) == message)
        #expect(result.standardError.contains("usage: backprop-tutor"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func brokenLessonFileInALessonsFolderGivesFileLineColumn() throws {
        let folder = try Binary.temporaryFolder()
        try "# Broken\n```model\neta = 0.1\nparam w = 1\nloss L = w ^^ 2\n```\n## Slide\n".write(
            to: folder.appendingPathComponent("1-broken.md"), atomically: true, encoding: .utf8)
        let result = try Binary.run(["list", "--lessons", folder.path])
        #expect(result.status == 2)
        #expect(result.standardError == "\(folder.path)/1-broken.md:5:13: expected a number, a name or '(' but found '^'\n"
            + "\(folder.path):1:1: none of the lesson files in this folder can be read\n")
    }

    @Test func aHundredKilobyteChainInALessonIsRefusedWithItsPlaceAndTheLimit() throws {
        let folder = try Binary.temporaryFolder()
        let chain = Array(repeating: "w", count: 50_000).joined(separator: "+")
        try "# Chain\n```model\neta = 0.1\nparam w = 1\nloss L = \(chain)\n```\n## Slide\n".write(
            to: folder.appendingPathComponent("1-chain.md"), atomically: true, encoding: .utf8)
        let result = try Binary.run(["list", "--lessons", folder.path])
        #expect(result.status == 2)
        #expect(result.standardError == "\(folder.path)/1-chain.md:5:409: the expression is more than 200 levels deep "
            + "(each operator of a chain such as a + b + c is one level)\n"
            + "\(folder.path):1:1: none of the lesson files in this folder can be read\n")
    }


    @Test(arguments: [["list"], ["print", "linear"], ["print", "deeper", "--json"], ["--help"], ["--version"]])
    func aFullDiskIsAnErrorWithStatusOne(arguments: [String]) throws {
        let result = try Binary.run(arguments, outputPath: "/dev/full")
        #expect(result.status == 1)
        #expect(result.standardError == "backprop-tutor: cannot write the output: No space left on device\n")
    }

    @Test func escapeSequencesFromALessonReachTheTerminalOnlyAsVisibleText() throws {
        let folder = try Binary.temporaryFolder()
        let model = "```model\nparam w = 1\neta = 0.1\nloss L = w^2\n```\n"
        let evil = "\u{1b}]52;c;aGk=\u{07} \u{1b}[2J \u{9b}31m \u{202e}dlrow"
        let shown = "^[]52;c;aGk=^G ^[[2J \\u{9b}31m \\u{202e}dlrow"
        try "# Evil \(evil)\n\(model)## S\n".write(to: folder.appendingPathComponent("1-evil.md"), atomically: true, encoding: .utf8)
        try "# Named\n\(model)## S\n".write(to: folder.appendingPathComponent("2-\u{1b}[2J.md"), atomically: true, encoding: .utf8)
        try "# Bad\n\(model)## S\nshow: \u{1b}[2J\n".write(to: folder.appendingPathComponent("3-bad.md"), atomically: true, encoding: .utf8)
        let list = try Binary.run(["list", "--lessons", folder.path])
        let printed = try Binary.run(["print", "evil", "--lessons", folder.path, "--iterations", "1"])
        let unknown = try Binary.run(["print", "\u{1b}[2J\u{9b}", "--lessons", folder.path])
        for result in [list, printed, unknown] {
            let raw = (result.standardOutput + result.standardError).unicodeScalars.filter { $0.value == 0x1b || $0.value == 0x07 || $0.value == 0x9b || $0.value == 0x202e }
            #expect(raw.isEmpty, "\(result)")
        }
        #expect(list.status == 0)
        #expect(list.standardOutput == "evil  Evil \(shown)  (1 slide)\n^[[2J  Named  (1 slide)\n")
        #expect(list.standardError == "\(folder.path)/3-bad.md:8:7: unknown item '^[[2J' (known: graph, trace, table, landscape, rows, decision)\n")
        #expect(printed.standardOutput.hasPrefix("Evil \(shown) (evil): 1 iteration"))
        #expect(unknown.standardError.split(separator: "\n").dropFirst().first == "backprop-tutor: unknown lesson '^[[2J\\u{9b}' (known: evil, ^[[2J)")
        let json = try Binary.run(["print", "\u{1b}[2J", "--lessons", folder.path, "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(document["lesson"] as? String == "\u{1b}[2J")
    }

    @Test func aBadEntryInALessonsFolderIsReportedAndTheOthersStillLoad() throws {
        let folder = try Binary.temporaryFolder()
        let lesson = "# Fine\n```model\nparam w = 1\neta = 0.1\nloss L = w^2\n```\n## S\nshow: graph\n"
        try lesson.replacingOccurrences(of: "\n", with: "\r\n").write(to: folder.appendingPathComponent("1-windows.md"), atomically: true, encoding: .utf8)
        try ("\u{FEFF}" + lesson).write(to: folder.appendingPathComponent("2-bom.md"), atomically: true, encoding: .utf8)
        try lesson.write(to: folder.appendingPathComponent("3-windows.md"), atomically: true, encoding: .utf8)
        try lesson.write(to: folder.appendingPathComponent("4-.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("5-zero.md").path, withDestinationPath: "/dev/zero")
        try "no title\n".write(to: folder.appendingPathComponent("6-broken.md"), atomically: true, encoding: .utf8)
        let unreadableName = Array(folder.appendingPathComponent("7-name").path.utf8) + [0xFF] + Array(".md".utf8)
        let descriptor = open((unreadableName + [0]).map { CChar(bitPattern: $0) }, O_CREAT | O_WRONLY, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)
        let result = try Binary.run(["list", "--lessons", folder.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == "windows  Fine  (1 slide)\nbom      Fine  (1 slide)\n")
        // Each left-out file is named once, in order; LessonFolderTests checks what is said of each.
        let reported = result.standardError.split(separator: "\n").map { $0.dropFirst(folder.path.count + 1).prefix { $0 != ":" } }
        #expect(reported == ["3-windows.md", "4-.md", "5-zero.md", "6-broken.md", "7-name\u{FFFD}.md"])
    }

    @Test func aLessonsFolderReplacesTheBuiltInLessons() throws {
        let folder = try Binary.temporaryFolder()
        try "# Mine\n```model\ninput x = 2\nparam w = 1\neta = 0.1\nloss L = (w*x)^2\n```\n## Only\nshow: trace\n".write(
            to: folder.appendingPathComponent("1-mine.md"), atomically: true, encoding: .utf8)
        let list = try Binary.run(["list", "--lessons", folder.path])
        #expect(list.standardOutput == "mine  Mine  (1 slide)\n")
        let printed = try Binary.run(["print", "mine", "--lessons", folder.path, "--iterations", "1"])
        #expect(printed.standardOutput.contains("∂L/∂w = 2 · w · x · x = 2 · 1.00 · 2.00 · 2.00 = 8.00"))
    }

    @Test func printTakesAPathToALessonFile() throws {
        let folder = try Binary.temporaryFolder()
        let file = folder.appendingPathComponent("3-own.md")
        try "# Own\n```model\nparam w = 3\nrate eta = 0.5\nloss L = w^2\n```\n## Only\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["print", file.path, "--iterations", "1", "--precision", "3"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("w ← w − η · ∂L/∂w = 3.000 − 0.500 · 6.000 = 0.000"))
    }

    @Test func printOfASquareRootOfANegativeNumberNamesTheNodeAndFails() throws {
        let file = try Binary.temporaryFolder().appendingPathComponent("1-root.md")
        try "# Root\n```model\nparam w = 4\nrate eta = 0.1\nq = sqrt(w)\nloss L = q\n```\n## Only\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try Binary.run(["print", file.path, "--iterations", "1"]).status == 0)
        let result = try Binary.run(["print", file.path, "--set", "w=-0.25"])
        #expect(result.status == 1)
        #expect(result.standardError == "backprop-tutor: sqrt of a negative number in 'q' (−0.25)\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func stepsIsAnotherNameForIterations() throws {
        let iterations = try Binary.run(["print", "deeper", "--iterations", "5"])
        #expect(iterations.status == 0 && iterations.standardOutput.contains("): 5 iterations, η = 0.5\n"))
        #expect(try Binary.run(["print", "deeper", "--steps", "5"]).standardOutput == iterations.standardOutput)
    }

    @Test func etaAndSetEtaSetTheSameLearningRate() throws {
        let byOption = try Binary.run(["print", "linear", "--eta", "0.1", "--iterations", "1"])
        #expect(byOption.status == 0 && byOption.standardOutput.contains("η = 0.1"))
        #expect(try Binary.run(["print", "linear", "--set", "eta=0.1", "--iterations", "1"]).standardOutput == byOption.standardOutput)
    }

    @Test func aRenamedLearningRateIsPrintedAndSetByItsName() throws {
        let file = try Binary.temporaryFolder().appendingPathComponent("1-renamed.md")
        try "# Renamed\n```model\nparam w = 3\nrate lr = 0.5\nloss L = w^2\n```\n## Only\n".write(to: file, atomically: true, encoding: .utf8)
        for arguments in [["--eta", "0.25"], ["--set", "lr=0.25"]] {
            let result = try Binary.run(["print", file.path, "--iterations", "1"] + arguments)
            #expect(result.status == 0)
            #expect(result.standardOutput.hasPrefix("Renamed (renamed): 1 iteration, lr = 0.25\n"))
            #expect(result.standardOutput.contains("w ← w − lr · ∂L/∂w = 3.00 − 0.25 · 6.00 = 1.50"))
        }
        let json = try Binary.run(["print", file.path, "--iterations", "1", "--json"])
        #expect(json.standardOutput.hasPrefix("{\"lesson\": \"renamed\", \"eta\": 0.5, \"iterations\": [\n"))
        #expect(!json.standardOutput.contains("lr"))
    }

    @Test func aDivergingLearningRateSaysDiverged() throws {
        let result = try Binary.run(["print", "linear", "--eta", "1e6", "--iterations", "500"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("diverged at iteration"))
    }

    @Test(arguments: ["linear", "deeper", "wider", "xor", "closing", "playground"])
    func printInASCIIWritesOnlyASCIIWhateverTheLocale(lesson: String) throws {
        for locale in ["C.UTF-8", "C"] {
            let result = try Binary.run(["print", lesson, "--ascii"], locale: locale)
            #expect(result.status == 0)
            let foreign = result.standardOutput.unicodeScalars.filter { !$0.isASCII }
            #expect(foreign.isEmpty, "\(lesson) in \(locale): \(String(String.UnicodeScalarView(foreign)))")
            #expect(result.standardOutput.contains("Iteration table\n#"))
        }
    }

    @Test func printFollowsTheLocaleUnlessAskedForASCIIOrUnicode() throws {
        let unicode = try Binary.run(["print", "linear", "--iterations", "1"], locale: "C.UTF-8")
        #expect(unicode.standardOutput.contains("w ← w − η · ∂L/∂w = 0.10 − 0.20 · (−1.90) = 0.48"))
        for locale in ["C", "POSIX", ""] {
            let plain = try Binary.run(["print", "linear", "--iterations", "1"], locale: locale)
            #expect(plain.standardOutput.contains("w <- w - eta * dL/dw = 0.10 - 0.20 * (-1.90) = 0.48"), "LANG=\(locale)")
            #expect(try Binary.run(["print", "linear", "--iterations", "1", "--unicode"], locale: locale).standardOutput == unicode.standardOutput)
        }
        #expect(try Binary.run(["print", "linear", "--iterations", "1", "--ascii"]).standardOutput
            == Binary.run(["print", "linear", "--iterations", "1"], locale: "C").standardOutput)
        let both = try Binary.run(["print", "linear", "--ascii", "--unicode"])
        #expect(both.status == 2 && both.standardError.hasPrefix("backprop-tutor: --ascii and --unicode contradict each other: choose one\n"))
    }

    @Test func printSaysOnceWhyTheLossOwnGradientIsOne() throws {
        let result = try Binary.run(["print", "deeper", "--iterations", "3"])
        let remarked = result.standardOutput.split(separator: "\n").filter { $0.contains("(the loss changes one for one with itself)") }
        #expect(remarked == ["    ∂L/∂L = 1.00   (the loss changes one for one with itself)"])
        #expect(result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("    ∂L/∂L = 1.00") }.count == 3)
    }

    @Test func aCrossEntropyTargetThatIsNoDistributionIsWarnedAboutOnStandardError() throws {
        let warning = "backprop-tutor: warning: The cross-entropy's target [y; 1 − y] = [2.00; −1.00] is not a probability distribution "
            + "(entries from 0 to 1 summing to 1): the loss no longer measures how far p is from it.\n"
        let text = try Binary.run(["print", "deeper", "--set", "y=2", "--iterations", "1"])
        #expect(text.status == 0 && text.standardError == warning)
        #expect(text.standardOutput.contains("∂L/∂o₁ = p₁ − y = 0.58 − 2.00 = −1.42"))
        let json = try Binary.run(["print", "deeper", "--set", "y=2", "--json"])
        #expect(json.standardError == warning)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))) != nil)
        let ascii = try Binary.run(["print", "deeper", "--set", "y=2", "--ascii"])
        #expect(ascii.standardError.hasPrefix("backprop-tutor: warning: The cross-entropy's target [y; 1 - y] = [2.00; -1.00] is not"))
        #expect(try Binary.run(["print", "deeper", "--set", "y=0.8"]).standardError.isEmpty)
    }

    @Test func helpAndVersion() throws {
        let help = try Binary.run(["--help"])
        #expect(help.status == 0 && help.standardOutput.hasPrefix("usage: backprop-tutor"))
        let version = try Binary.run(["--version"])
        #expect(version.status == 0 && version.standardOutput.hasPrefix("backprop-tutor "))
    }
}
