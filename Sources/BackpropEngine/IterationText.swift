extension FormulaWriter {
    /// Appends the steps of the iteration `numbers` of `model`, a model trained without a data
    /// set: each pass under its heading after `indent`, then each step of it further in, with the
    /// entry worked out under a matrix gradient, as `write(_:_:indent:remark:templates:into:)`
    /// writes a step. Each number is read where the program left it: the steps themselves are
    /// built only when one must be compiled.
    public func write(
        iteration numbers: IterationNumbers, of model: Model, indent: String, remark: Bool, templates: inout StepTemplates,
        into text: inout [UInt8]
    ) {
        let program = model.program
        var built: [Trace.Step]?
        let steps = {
            if built == nil { built = model.steps(of: numbers) }
            return built ?? []
        }
        let places = program.places(in: numbers.layout)
        var position = 0
        var parts: [Range<Int>] = []
        for pass in [Trace.Pass.forward, .backward, .update] {
            text.append(contentsOf: (indent + pass.rawValue + "\n").utf8)
            let slots = switch pass {
            case .forward: places.values
            case .backward: places.gradients
            default: places.updates
            }
            for (index, slot) in slots.enumerated() {
                guard let slot else { continue }
                defer { position += 1 }
                let shorter = pass == .backward ? program.steps[index].shorterForms(in: numbers) : 0
                let step = position
                // A step of too many terms to tell their forms by bits is found by the step itself.
                templates.withTemplate(
                    for: shorter.map { StepTemplates.ProgramStep(program: program, pass: pass, index: index, shorter: $0) }, of: numbers, step: { steps()[step] }, by: self
                ) { template in
                    writeLines(&template, numbers.numbers(at: slot), slot.shape, rows: nil, indent: indent + "  ", remark: remark, into: &text, parts: &parts)
                }
            }
        }
    }
}
