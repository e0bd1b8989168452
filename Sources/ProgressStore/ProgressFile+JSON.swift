/// Each record of the state file to and from JSON: a member for each property, under its name; an
/// optional property that is nil is left out, and one that is missing or null reads as nil.
extension ProgressFile: JSONConvertible {
    init(json: JSON) throws(JSON.Mismatch) {
        let members = try json.members()
        (version, last, lessons) = (try members.member("version"), try members.optionalMember("last"), try members.member("lessons"))
    }

    var json: JSON {
        .object(["version": version.json, "lessons": lessons.json, "last": last?.json].compactMapValues { $0 })
    }
}

extension SavedLesson: JSONConvertible {
    init(json: JSON) throws(JSON.Mismatch) {
        let members = try json.members()
        contentHash = try members.member("contentHash")
        (slide, step, finished) = (try members.member("slide"), try members.member("step"), try members.member("finished"))
        (iteration, iterations) = (try members.member("iteration"), try members.member("iterations"))
        (tableScroll, values, data) = (try members.member("tableScroll"), try members.member("values"), try members.optionalMember("data"))
        (revealed, answers) = (try members.member("revealed"), try members.member("answers"))
        predictScore = try members.optionalMember("predictScore")
    }

    var json: JSON {
        .object([
            "contentHash": contentHash.json, "slide": slide.json, "step": step.json, "finished": finished.json,
            "iteration": iteration.json, "iterations": iterations.json, "tableScroll": tableScroll.json, "values": values.json,
            "data": data?.json, "revealed": revealed.json, "answers": answers.json, "predictScore": predictScore?.json,
        ].compactMapValues { $0 })
    }
}

extension SavedTensor: JSONConvertible {
    init(json: JSON) throws(JSON.Mismatch) {
        let members = try json.members()
        (shape, values) = (try members.member("shape"), try members.member("values"))
    }

    var json: JSON { .object(["shape": shape.json, "values": values.json]) }
}

extension SavedStep: JSONConvertible {
    init(json: JSON) throws(JSON.Mismatch) {
        let members = try json.members()
        (pass, node) = (try members.member("pass"), try members.member("node"))
    }

    var json: JSON { .object(["pass": pass.json, "node": node.json]) }
}

extension SavedAnswer: JSONConvertible {
    init(json: JSON) throws(JSON.Mismatch) {
        let members = try json.members()
        (slide, answer) = (try members.member("slide"), try members.member("answer"))
    }

    var json: JSON { .object(["slide": slide.json, "answer": answer.json]) }
}

extension SavedScore: JSONConvertible {
    init(json: JSON) throws(JSON.Mismatch) {
        let members = try json.members()
        (right, asked) = (try members.member("right"), try members.member("asked"))
    }

    var json: JSON { .object(["right": right.json, "asked": asked.json]) }
}
