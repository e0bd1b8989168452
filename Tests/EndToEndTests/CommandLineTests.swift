import Foundation
import TestSupport
import Testing

/// The command line as a script or a user without a full-screen terminal uses it.
@Suite struct CommandLineTests {
    @Test func listShowsEveryLessonWithIdTitleAndSlideCountFromAnyFolder() throws {
        let result = try Binary.run(["list"], in: try Binary.temporaryFolder())
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.map { String($0.prefix { $0 != " " }) } == ["primer", "linear", "deeper", "wider", "xor", "closing"])
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

    @Test(arguments: ["linear", "deeper", "wider", "closing"])
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
        let skipped: Set<String> = ["deeper", "wider"].contains(lesson) ? ["p"] : []
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
        (["print", "nosuch"], "backprop-tutor: unknown lesson 'nosuch' (known: primer, linear, deeper, wider, xor, closing)"),
        (["--frobnicate"], "backprop-tutor: unknown option '--frobnicate'"),
        (["print", "linear", "--set", "z=1"], "backprop-tutor: --set z=1: no starting value is called 'z' (known: x, y, w, b, eta)"),
        (["print", "linear", "--set", "w=[1,2]"], "backprop-tutor: --set w=[1,2]: 'w' is a scalar; 2-vector given"),
        (["print", "linear", "--iterations", "zero"], "backprop-tutor: --iterations takes a whole number from 1 to 100000, not 'zero'"),
        (["print", "linear", "--steps=0"], "backprop-tutor: --steps takes a whole number from 1 to 100000, not '0'"),
        (["print", "linear", "--eta"], "backprop-tutor: --eta needs a value"),
        (["list", "--json"], "backprop-tutor: --json, --iterations, --set, --eta, --precision, --ascii and --unicode go with 'print'"),
        (["print", "linear", "--fresh"], "backprop-tutor: --fresh goes with the tutor, not with 'list' or 'print'"),
        (["print", "primer"], "backprop-tutor: lesson 'primer' has no model to run (try one with slides that compute)"),
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
        #expect(result.standardError == "\(folder.path)/1-broken.md:5:13: expected a number, a name or '(' but found '^'\n")
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

    @Test(arguments: ["linear", "deeper", "wider", "xor", "closing"])
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
