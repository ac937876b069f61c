import CouponCore

/// One line of the benchmark's table: what was measured, the samples, and the goal it is held to.
struct Figure: Sendable, Hashable {
    /// A stable name for scripts, such as `frame-200x60`.
    var key: String
    /// What the line says, such as "update + paint, one j, 200×60".
    var title: String
    var measurement: Measurement
    /// The goal, in words, such as "< 1 ms"; `nil` when there is none.
    var target: String?
    /// Whether the median meets the goal; `nil` when there is no goal to compare with here.
    var meetsTarget: Bool?
    /// What a reader must know to read the number right.
    var note: String?

    init(
        key: String,
        title: String,
        measurement: Measurement,
        target: String? = nil,
        meetsTarget: Bool? = nil,
        note: String? = nil
    ) {
        self.key = key
        self.title = title
        self.measurement = measurement
        self.target = target
        self.meetsTarget = meetsTarget
        self.note = note
    }

    /// The figure as a JSON object, samples included, for the script that prints the combined table.
    var json: JSONValue {
        var members = [
            JSONMember("key", .string(key)),
            JSONMember("title", .string(title)),
            JSONMember("unit", .string(measurement.unit.rawValue)),
            JSONMember("median", .number(String(measurement.median))),
            JSONMember("min", .number(String(measurement.minimum))),
            JSONMember("max", .number(String(measurement.maximum))),
            JSONMember("samples", .array(measurement.samples.map { .number(String($0)) })),
        ]
        if let target { members.append(JSONMember("target", .string(target))) }
        if let meetsTarget { members.append(JSONMember("meets_target", .bool(meetsTarget))) }
        if let note { members.append(JSONMember("note", .string(note))) }
        return .object(members)
    }
}
