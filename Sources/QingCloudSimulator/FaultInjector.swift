/// Numbers the requests as they arrive and tells which fault of the plan hits each one.
actor FaultInjector {
    let plan: FaultPlan
    private var requestCount = 0

    init(plan: FaultPlan) {
        self.plan = plan
    }

    /// Counts one more request and returns the fault that hits it, if any.
    func nextRequest() -> FaultPlan.Kind? {
        requestCount += 1
        return plan.fault(forRequest: requestCount)
    }
}
