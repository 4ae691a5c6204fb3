import StructuredData

/// The records and events of one `commit`, built before it is durable.
struct PreparedCommit: Sendable {
    var records: [LogRecord] = []
    var events: [StoreEvent] = []
    var serialized: [[UInt8]] = []
}

/// A prepared commit waiting for its flush.
struct PendingCommit {
    var prepared: PreparedCommit
    var continuation: CheckedContinuation<[StoredObject], any Error>
}

extension ObjectStore {
    /// Flushes queued commits, one log append (one fsync) per batch, in revision order, until the
    /// queue is empty. Each commit's caller resumes only after its batch is durable and visible.
    func flushLoop() async {
        while !queue.isEmpty {
            let batch = queue
            queue = []
            let records = batch.flatMap(\.prepared.records)
            let log = self.log
            let failure: String? = await Task.detached {
                do {
                    try log.append(records)
                    return nil
                } catch {
                    return "\(error)"
                }
            }.value
            for pending in batch {
                for event in pending.prepared.events {
                    let left = (inFlight[event.key] ?? 1) - 1
                    inFlight[event.key] = left > 0 ? left : nil
                }
                if let failure {
                    pending.continuation.resume(throwing: APIServerError.internalError("storage write failed: \(failure)"))
                } else {
                    pending.continuation.resume(returning: apply(pending.prepared))
                }
            }
            let waiters = flushWaiters
            flushWaiters = []
            for waiter in waiters { waiter.resume() }
        }
        flushing = false
    }

    /// Returns after the flush in progress (if any) completes.
    func waitForFlush() async {
        guard flushing else { return }
        await withCheckedContinuation { flushWaiters.append($0) }
    }
}
