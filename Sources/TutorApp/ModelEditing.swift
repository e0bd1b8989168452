import BackpropEngine
import Lessons

extension TutorState {
    /// Opens the lesson's model block in the editor, as the learner left it.
    mutating func openEditor() {
        guard model != nil else {
            notice = "This lesson has no model to edit."
            return
        }
        var editor = ModelEditor()
        if case .failure(let error) = ModelEditor.model(of: source) { editor.error = error }
        mode = .editor(editor)
    }

    /// Applies `action` while the editor has the keyboard.
    mutating func applyInEditor(_ action: Action, editor: ModelEditor) {
        var editor = editor
        let lines = source
        switch action {
        case .select(let delta):
            editor.line = min(max(0, editor.line + delta), max(0, lines.count - 1))
            mode = .editor(editor)
        case .edit where !lines.isEmpty:
            mode = .prompt(Prompt(purpose: .line(editor, inserting: false), text: lines[editor.line], fresh: true, error: nil))
        case .edit, .addLine:
            mode = .prompt(Prompt(purpose: .line(editor, inserting: !lines.isEmpty), text: "", fresh: false, error: nil))
        case .deleteLine:
            guard !lines.isEmpty else { return }
            var kept = lines
            kept.remove(at: editor.line)
            editor.line = min(editor.line, max(0, kept.count - 1))
            edit(kept, in: editor)
        case .save:
            if let error = editor.error {
                notice = "Line \(error.location.line), column \(error.location.column) is wrong: mend it before saving."
            } else {
                pendingSave = LessonFile(
                    name: "\(lessonIndex + 1)-\(lesson.id)-edit.md",
                    text: LessonWriter.lesson(
                        title: "\(lesson.title) (edited)", summary: "The model of “\(lesson.title)”, as edited in the tutor.", model: lines
                    )
                )
            }
        case .escape: mode = .slides
        case .quit: quitting = true
        default: break
        }
    }

    /// Puts `lines` in the editor and checks them at once: when they make a model, the slides
    /// show it from its starting values; otherwise the editor shows the mistake and the slides
    /// keep the last model that was right.
    mutating func edit(_ lines: [String], in editor: ModelEditor) {
        var editor = editor
        current.source = lines
        switch ModelEditor.model(of: lines) {
        case .success(var model):
            editor.error = nil
            // The rows the model trained on feed the edited model too, when they fit it.
            if let data = self.model?.data?.fitted(to: model) { model = model.setting(data: data) }
            (current.edited, current.model) = (model, model)
            recompute()
        case .failure(let error):
            editor.error = error
        }
        mode = .editor(editor)
    }
}
