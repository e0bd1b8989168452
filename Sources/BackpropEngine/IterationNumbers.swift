/// Where the numbers an iteration keeps live in a program's buffer, by name: the value of every
/// declared value (the learning rate's included) and node, the gradient of every node the
/// backward pass reaches, each parameter after its update, and for each chain-rule term with a
/// shorter form, the number that decides which form is taken. Those of fewer than `largeCount`
/// numbers are kept together at the start of the buffer; each larger one is kept in an array of
/// its own, which the iteration's trace shares, and the next iteration too where it starts with
/// it unchanged.
final class NumberLayout: Sendable {
    /// The declared values, by name, in the order declared: what an iteration starts from.
    let declared: [(name: String, slot: Slot)]
    /// Values, by name, in the order declared then computed.
    let values: [(name: String, slot: Slot)]
    /// Gradients, by name, in backward order.
    let gradients: [(name: String, slot: Slot)]
    /// Parameters after their update, in the order declared.
    let updated: [(name: String, slot: Slot)]
    /// How many numbers an iteration keeps together, from the start of the buffer.
    let count: Int
    /// How many of them are values, gradients and updates, the rest deciding forms.
    let finiteCount: Int
    /// How many of them are values and gradients, which come before the updates.
    let valuesAndGradientsCount: Int
    /// How many of `large` are values and gradients, which come before the updates.
    let largeValuesAndGradientsCount: Int
    /// The values, gradients and updates kept in arrays of their own, in that order.
    let large: [Slot]
    /// For each of `large`, the one of the iteration before that it equals, if any: a declared
    /// value keeps its own, a parameter takes its update.
    let carried: [Int?]
    /// From how many numbers a value, a gradient or an update is kept in an array of its own.
    static let largeCount = 64
    private let valueIndex: [String: Slot]
    private let gradientIndex: [String: Slot]
    private let updatedIndex: [String: Slot]
    private let largeIndex: [Int: Int]

    init(
        declared: [(String, Slot)], values: [(String, Slot)], gradients: [(String, Slot)], updated: [(String, Slot)],
        count: Int, finiteCount: Int
    ) {
        self.declared = declared.map { (name: $0.0, slot: $0.1) }
        self.values = values.map { (name: $0.0, slot: $0.1) }
        self.gradients = gradients.map { (name: $0.0, slot: $0.1) }
        self.updated = updated.map { (name: $0.0, slot: $0.1) }
        self.count = count
        self.finiteCount = finiteCount
        valueIndex = Dictionary(values, uniquingKeysWith: { first, _ in first })
        gradientIndex = Dictionary(gradients, uniquingKeysWith: { first, _ in first })
        let updatedIndex = Dictionary(updated, uniquingKeysWith: { first, _ in first })
        self.updatedIndex = updatedIndex
        let large = (values + gradients + updated).map(\.1).filter(NumberLayout.isLarge)
        let largeIndex = Dictionary(large.enumerated().map { ($1.start, $0) }, uniquingKeysWith: { first, _ in first })
        let declaredNames = Dictionary(declared.map { ($1.start, $0) }, uniquingKeysWith: { first, _ in first })
        carried = large.enumerated().map { index, slot in
            declaredNames[slot.start].map { name in updatedIndex[name].flatMap { largeIndex[$0.start] } ?? index }
        }
        self.large = large
        self.largeIndex = largeIndex
        valuesAndGradientsCount = updated.map(\.1).filter { !NumberLayout.isLarge($0) }.map(\.start).min() ?? finiteCount
        largeValuesAndGradientsCount = (values + gradients).filter { NumberLayout.isLarge($0.1) }.count
    }

    /// True for a value of `largeCount` numbers or more.
    static func isLarge(_ slot: Slot) -> Bool { slot.shape.count >= largeCount }

    /// Where the value of `name` lives.
    func value(_ name: String) -> Slot? { valueIndex[name] }
    /// Where ∂L/∂`name` lives.
    func gradient(_ name: String) -> Slot? { gradientIndex[name] }
    /// Where `parameter` after its update lives.
    func update(_ parameter: String) -> Slot? { updatedIndex[parameter] }
    /// Where in the buffer the number of a data set's `column` goes: its entry of the declared
    /// value it names; nil when it names none.
    func position(of column: DataSet.Column) -> Int? {
        declared.first { $0.name == column.name }.map { $0.slot.start + (column.entry ?? 0) }
    }
    /// Where among `large` the numbers at `slot` are kept, if they are kept apart.
    func largePosition(of slot: Slot) -> Int? { largeIndex[slot.start] }
}

/// The numbers of a training iteration, by name: what an iteration table, a JSON report or a
/// gradient check reads, from a trace or from the numbers alone.
public protocol IterationResults {
    /// Every value (the learning rate's included), by name.
    var values: [String: Tensor] { get }
    /// Every gradient, by name.
    var gradients: [String: Tensor] { get }
    /// Each parameter after the update, by name.
    var updated: [String: Tensor] { get }
    /// The value of a declared value or node in the iteration (before the update).
    func value(of name: String) -> Tensor?
    /// ∂L/∂`name` in the iteration.
    func gradient(of name: String) -> Tensor?
    /// `parameter` after the iteration's update.
    func update(of parameter: String) -> Tensor?
}

/// The numbers of one training iteration, without the formulas: every value (the learning rate's
/// included), every gradient the backward pass computes and every parameter after its update,
/// held in one flat array and looked up by name. What the iteration table, `print --json` and
/// training many iterations need; `Model.trace(of:)` adds the formulas for the iteration on screen.
public struct IterationNumbers: IterationResults, Sendable {
    /// Which iteration this is, counted from 1.
    public let iteration: Int
    let layout: NumberLayout
    /// The numbers kept together, at `start` on: an array the rows of one batch may share.
    let scalars: [Double]
    let start: Int
    /// The numbers kept apart, as `layout.large` lists them.
    let large: [[Double]]
    /// The numbers of iteration `iteration`, laid out as `layout` says: those kept together at
    /// `start` on of `scalars`.
    init(iteration: Int, layout: NumberLayout, scalars: [Double], start: Int = 0, large: [[Double]]) {
        self.iteration = iteration
        self.layout = layout
        self.scalars = scalars
        self.start = start
        self.large = large
    }

    /// True when a value, a gradient or an update is infinite or not a number: training diverged.
    public var diverged: Bool {
        !scalars.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[start..<start + layout.finiteCount]).allFinite }
            || !large.allSatisfy { $0.withUnsafeBufferPointer(\.allFinite) }
    }

    /// True when every value and gradient of the iteration is finite, the updates aside.
    var valuesAndGradientsFinite: Bool {
        scalars.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[start..<start + layout.valuesAndGradientsCount]).allFinite }
            && large.prefix(layout.largeValuesAndGradientsCount).allSatisfy { $0.withUnsafeBufferPointer(\.allFinite) }
    }

    /// The value of a declared value or node in this iteration (before the update).
    public func value(of name: String) -> Tensor? { layout.value(name).map(tensor) }

    /// ∂L/∂`name` in this iteration.
    public func gradient(of name: String) -> Tensor? { layout.gradient(name).map(tensor) }

    /// `parameter` after this iteration's update.
    public func update(of parameter: String) -> Tensor? { layout.update(parameter).map(tensor) }

    /// Every value, by name.
    public var values: [String: Tensor] { dictionary(layout.values) }
    /// Every gradient, by name.
    public var gradients: [String: Tensor] { dictionary(layout.gradients) }
    /// Each parameter after the update, by name.
    public var updated: [String: Tensor] { dictionary(layout.updated) }


    /// The number at `index` of the buffer the iteration ran in.
    subscript(index: Int) -> Double { scalars[start + index] }

    func tensor(_ slot: Slot) -> Tensor {
        Tensor(shape: slot.shape, scalars: Array(numbers(at: slot)))
    }

    /// The numbers at `slot` of the buffer the iteration ran in (their indices those of the array
    /// that holds them).
    func numbers(at slot: Slot) -> ArraySlice<Double> {
        guard NumberLayout.isLarge(slot), let position = layout.largePosition(of: slot) else {
            return scalars[start + slot.start..<start + slot.start + slot.shape.count]
        }
        return large[position][...]
    }

    /// Calls `body` with the numbers at `slot` of the buffer the iteration ran in.
    func withNumbers<Result>(at slot: Slot, _ body: (UnsafeBufferPointer<Double>) -> Result) -> Result {
        numbers(at: slot).withUnsafeBufferPointer(body)
    }

    private func dictionary(_ slots: [(name: String, slot: Slot)]) -> [String: Tensor] {
        Dictionary(slots.map { ($0.name, tensor($0.slot)) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The numbers of one or more passes of a program over the same layout, those kept together
/// one after another in one array: the rows of one iteration over a data set, or an iteration's
/// one pass.
struct Passes: Sendable {
    /// How the numbers of a pass are laid out.
    let layout: NumberLayout
    /// The iteration the passes belong to, counted from 1.
    let iteration: Int
    /// Each pass's numbers kept together, one after another from `start`.
    let kept: [Double]
    let start: Int
    /// Each pass's numbers kept apart; none when the layout keeps nothing apart.
    let large: [[[Double]]]
    /// How many passes there are.
    let count: Int

    /// The one pass `numbers`.
    init(_ numbers: IterationNumbers) {
        (layout, iteration, kept, start, count) = (numbers.layout, numbers.iteration, numbers.scalars, numbers.start, 1)
        large = numbers.large.isEmpty ? [] : [numbers.large]
    }

    /// `count` passes of iteration `iteration`, laid out as `layout` says, their numbers kept
    /// together in `kept` and apart in `large`.
    init(layout: NumberLayout, iteration: Int, kept: [Double], large: [[[Double]]], count: Int) {
        (self.layout, self.iteration, self.kept, start, self.large, self.count) = (layout, iteration, kept, 0, large, count)
    }

    /// The numbers of pass `index`.
    subscript(index: Int) -> IterationNumbers {
        IterationNumbers(
            iteration: iteration, layout: layout, scalars: kept, start: start + index * layout.count, large: large.isEmpty ? [] : large[index]
        )
    }
}

extension UnsafeBufferPointer<Double> {
    /// True when every number is finite, told without a branch for each.
    var allFinite: Bool {
        // A finite number less itself is 0; an infinity or not a number gives not a number,
        // which any sum it joins stays. Two at a time, as the processor adds them.
        var (pairs, index) = (SIMD2<Double>.zero, 0)
        while index + 2 <= count {
            let pair = SIMD2(self[index], self[index + 1])
            pairs += pair - pair
            index += 2
        }
        let rest = index < count ? self[index] - self[index] : 0
        return pairs.sum() + rest == 0
    }
}
