/// Something the learner asks for; keys become actions before `update` sees them.
public enum Action: Equatable, Sendable {
    /// Reveal the next step, or go to the next slide after the last.
    case next
    /// Take the last step back, or go to the previous slide before the first.
    case previous
    /// The next slide, its steps hidden.
    case nextSlide
    /// The previous slide, its steps hidden.
    case previousSlide
    /// The lesson's first slide.
    case firstSlide
    /// The lesson's last slide.
    case lastSlide
    /// Lesson `index` (0-based), where the learner left it: its first slide if not visited.
    case openLesson(Int)
    /// Show the lesson menu.
    case showMenu
    /// Move the selection in the menu, the value panel or the model editor.
    case select(by: Int)
    /// Add `delta` to the selected value.
    case nudge(Double)
    /// Start typing an exact value for the selected entry; in the model editor, edit the chosen line.
    case edit
    /// Open the lesson's model in the editor.
    case editModel
    /// In the model editor, add a line below the chosen one.
    case addLine
    /// In the model editor, delete the chosen line.
    case deleteLine
    /// In the model editor, save the model as a lesson file.
    case save
    /// The lesson file asked for was written at this path (sent by the program).
    case saved(String)
    /// The lesson file asked for could not be written, for this reason (sent by the program).
    case notSaved(String)
    /// Start typing an answer to the slide's question.
    case answer
    /// Turn predict mode on or off: each step of a trace asks for its value before showing it.
    case togglePredict
    /// Scroll the slide's column by this many lines (positive: down).
    case scroll(Int)
    /// Scroll the iteration table sideways by this many of the columns that scroll (positive:
    /// towards those on the right).
    case scrollTable(Int)
    /// Type a character into the prompt.
    case type(Character)
    /// Delete the prompt's last character.
    case deleteBackward
    /// Accept: the prompt's value or the menu's lesson.
    case confirm
    /// Put the lesson's own values back.
    case reset
    /// Train `count` more iterations.
    case train(Int)
    /// Show the next iteration in the trace and the graph, training it first when needed.
    case nextIteration
    /// Show the previous iteration in the trace and the graph.
    case previousIteration
    /// Show the row `by` rows on in the iteration's batch of a data set (negative: back).
    case pickRow(by: Int)
    /// Cycle the decimals shown: 2, 4, 6.
    case cyclePrecision
    /// Show or hide the central-difference check beside every gradient on screen.
    case toggleCheck
    /// Show or hide the help.
    case toggleHelp
    /// Esc: close what is open; twice in a row, quit.
    case escape
    /// Quit.
    case quit
    /// The terminal has this size (at the start, and whenever it changes).
    case resize(width: Int, height: Int)
    /// The slide's column was drawn and can scroll this far (sent by the loop after each
    /// frame whose viewport differs from the state's).
    case viewport(Viewport)
}
