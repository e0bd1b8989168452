import BackpropEngine

/// What the command line asks for.
enum Command {
    /// The full-screen tutor, at a lesson or where the learner left off; `fresh` ignores (and
    /// then replaces) the progress saved by earlier runs.
    case tutor(lesson: String?, fresh: Bool)
    /// The list of lessons.
    case list
    /// The traces and table of a lesson's model.
    case print(PrintOptions)
    /// The usage text.
    case help
    /// The version.
    case version
}

/// The options of `print`.
struct PrintOptions {
    /// A lesson id or a path to a lesson file.
    var lesson = ""
    /// Training iterations to run.
    var iterations = 3
    /// Starting values to override, `NAME=VALUE`, in order.
    var settings: [String] = []
    /// The learning rate to use instead of the lesson's, whatever the model calls it: as typed,
    /// and as read.
    var eta: (text: String, value: Tensor)?
    /// One JSON document instead of text.
    var json = false
    /// Each gradient beside its central-difference estimate.
    var check = false
    /// Decimals shown in text output.
    var precision = 2
    /// Unicode math (true) or plain ASCII (false) in text output; nil: as the locale says, as
    /// the tutor does.
    var unicode: Bool?
}

/// A command line that makes no sense: said in one line, followed by the usage, exit code 2.
struct UsageError: Error {
    let message: String
}

/// The parsed command line.
struct Arguments {
    /// What to do.
    var command: Command
    /// `--lessons DIR`: a folder of lessons to use instead of the built-in ones.
    var lessonsDirectory: String?

    /// Parses the arguments after the program name.
    init(_ arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        var lessonsDirectory: String?
        var positional: [String] = []
        var options = PrintOptions()
        var sawPrintOption = false
        var fresh = false

        func value(for option: String) throws(UsageError) -> String {
            guard let next = rest.popFirst() else { throw UsageError(message: "\(option) needs a value") }
            return next
        }
        while let argument = rest.popFirst() {
            var (name, inline) = (argument, String?.none)
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            func take() throws(UsageError) -> String {
                if let inline { return inline }
                return try value(for: name)
            }
            switch name {
            case "-h", "--help": self.init(command: .help, lessonsDirectory: nil); return
            case "-V", "--version": self.init(command: .version, lessonsDirectory: nil); return
            case "--lessons": lessonsDirectory = try take()
            case "--fresh": fresh = true
            case "--json": options.json = true; sawPrintOption = true
            case "--check": options.check = true; sawPrintOption = true
            case "--ascii", "--unicode":
                let unicode = name == "--unicode"
                if options.unicode == !unicode { throw UsageError(message: "--ascii and --unicode contradict each other: choose one") }
                options.unicode = unicode
                sawPrintOption = true
            case "--set": options.settings.append(try take()); sawPrintOption = true
            case "--iterations", "--steps":
                let text = try take()
                guard let iterations = Int(text), iterations >= 1, iterations <= 100_000 else {
                    throw UsageError(message: "\(name) takes a whole number from 1 to 100000, not \(text.quoted)")
                }
                options.iterations = iterations
                sawPrintOption = true
            case "--eta":
                let text = try take()
                options.eta = (text, try Tensor(typed: text, after: "--eta \(text)"))
                sawPrintOption = true
            case "--precision":
                let text = try take()
                guard let precision = Int(text), (0...12).contains(precision) else {
                    throw UsageError(message: "--precision takes a whole number from 0 to 12, not \(text.quoted)")
                }
                options.precision = precision
                sawPrintOption = true
            default:
                if argument.hasPrefix("-") && argument != "-" { throw UsageError(message: "unknown option \(argument.quoted)") }
                positional.append(argument)
            }
        }

        let command: Command
        switch positional.first {
        case "list":
            guard positional.count == 1 else { throw UsageError(message: "list takes no lesson") }
            command = .list
        case "print":
            guard positional.count == 2 else { throw UsageError(message: "print takes one lesson, as in 'print linear'") }
            options.lesson = positional[1]
            command = .print(options)
        default:
            guard positional.count <= 1 else { throw UsageError(message: "unexpected \(positional[1].quoted)") }
            command = .tutor(lesson: positional.first, fresh: fresh)
        }
        if fresh, case .tutor = command {} else if fresh {
            throw UsageError(message: "--fresh goes with the tutor, not with 'list' or 'print'")
        }
        if sawPrintOption, case .print = command {} else if sawPrintOption {
            throw UsageError(message: "--json, --check, --iterations, --set, --eta, --precision, --ascii and --unicode go with 'print'")
        }
        self.init(command: command, lessonsDirectory: lessonsDirectory)
    }

    private init(command: Command, lessonsDirectory: String?) {
        self.command = command
        self.lessonsDirectory = lessonsDirectory
    }
}

/// The usage text shown by `--help` and after a usage error.
let usage = """
    usage: backprop-tutor [LESSON] [--fresh] [--lessons DIR]
           backprop-tutor list [--lessons DIR]
           backprop-tutor print LESSON [--iterations N] [--set NAME=VALUE]... [--eta V]
                                       [--json] [--check] [--precision D] [--ascii | --unicode]
                                       [--lessons DIR]

    An interactive tutor for backpropagation. Without a command it opens the full-screen
    tutor at LESSON (default: the lesson you were in last, else the first), where you left it;
    press ? in it for the keys. Your progress is kept in $XDG_STATE_HOME/backprop-tutor
    (default ~/.local/state/backprop-tutor).

      --fresh          start over: ignore the progress kept, and replace it when you leave

      list             the lessons: id, title and number of slides
      print LESSON     run the lesson's model and print every step of every iteration and the
                       iteration table; LESSON is a lesson id or a path to a lesson file;
                       a warning (such as a cross-entropy target that is not a probability
                       distribution) goes to standard error, one line each
        --iterations N     training iterations (default 3; --steps N is the same)
        --set NAME=VALUE   a starting value: w=0.5, x=[1,2], W=[[0.1,0.2],[0.3,0.4]] (repeatable)
        --eta V            the learning rate η instead of the lesson's, whatever its name
        --json             one JSON document (see README.md) instead of text
        --check            each gradient with its central-difference estimate (in JSON,
                           "numeric" beside "gradients")
        --precision D      decimals in text output (default 2)
        --ascii            plain ASCII text
        --unicode          Unicode math symbols; without --ascii or --unicode, Unicode when
                           the locale (LC_ALL, LC_CTYPE, LANG) is UTF-8, as in the tutor
      --lessons DIR    lessons from DIR (files named N-ID.md) instead of the built-in ones
      -h, --help       this text
      -V, --version    the version
    """

/// The version `--version` prints.
let version = "backprop-tutor 0.1.0"

extension Tensor {
    /// A value typed on the command line after `option` (`--set w=1 2`, `--eta 0x1p3`), read by
    /// the engine's number reader; an error quotes the option as typed and says where the value
    /// goes wrong.
    init(typed text: String, after option: String) throws(UsageError) {
        do {
            self = try Tensor(reading: text)
        } catch {
            let place = error.location.column > 1 ? " (column \(error.location.column) of the value)" : ""
            throw UsageError(message: "\(option.abbreviated): \(error.message)\(place)")
        }
    }
}
