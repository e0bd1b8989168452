/// Writes lesson files: a model edited in the tutor becomes a lesson of its own.
public enum LessonWriter {
    /// The text of a lesson titled `title` around a model block of `model`'s lines (which must
    /// make a model: a line of three backquotes would end the block), with a slide showing its
    /// graph beside its trace and one showing its iteration table.
    public static func lesson(title: String, summary: String, model: [String]) -> String {
        ([
            "# \(title)",
            "",
            summary,
            "",
            "```model",
        ] + model + [
            "```",
            "",
            "## One iteration",
            "",
            "The forward values, every gradient by the chain rule, then the updates.",
            "",
            "show: graph | trace",
            "",
            "## Training",
            "",
            "The loss over the iterations.",
            "",
            "show: table",
        ]).joined(separator: "\n") + "\n"
    }
}
