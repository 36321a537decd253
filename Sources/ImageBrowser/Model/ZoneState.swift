import Foundation

/// Everything the browser knows of one zone's traffic: its pages, its refresh schedule and round, its
/// rolling sweep, and its error. One value per zone, so that a zone fails, backs off and refreshes alone.
struct ZoneState: Sendable {
    /// The zone's name, one of ``BrowserOptions/zones``.
    let name: String
    var paging: PagingState
    var refresh = ZoneRefresh()
    var sweep = RefreshSweep()
    /// The last request to this zone failed (cleared by the next that works).
    var error: ConnectionError?

    init(name: String, pageSize: Int) {
        self.name = name
        paging = PagingState(pageSize: pageSize)
    }
}

/// Every zone's ``ZoneState``, found by zone name, in the order of ``BrowserOptions/zones`` (the order the
/// header lists them in and zones take turns in).
struct ZoneStates: RandomAccessCollection, Sendable {
    private var states: [ZoneState]

    init(zones: [String], pageSize: Int) {
        states = zones.map { ZoneState(name: $0, pageSize: pageSize) }
    }

    var startIndex: Int { states.startIndex }
    var endIndex: Int { states.endIndex }
    subscript(position: Int) -> ZoneState { states[position] }

    /// The state of the zone named `zone`, one of ``BrowserOptions/zones``.
    subscript(zone: String) -> ZoneState {
        get { states[position(of: zone)] }
        set { states[position(of: zone)] = newValue }
    }

    private func position(of zone: String) -> Int {
        guard let position = states.firstIndex(where: { $0.name == zone }) else {
            preconditionFailure("no state for zone \(zone): the browser only asks the zones it was given")
        }
        return position
    }
}
