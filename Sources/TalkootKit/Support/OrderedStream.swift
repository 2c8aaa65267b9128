import Dispatch
import Foundation

/// Runs jobs on all cores and hands their results to one consumer at a time, in job order,
/// a run of them at a time: the pages of a build are rendered side by side and written (and
/// the exports appended to) in the order of the site, without the cores waiting for each
/// other between runs.
///
/// Rendering in batches with a barrier after each (every core waits for the slowest page of
/// the batch, then for the batch to be handed over) left a core idle a tenth of the time on
/// 10,000 associations. Here each thread takes the next job as soon as it is done with one,
/// and whichever thread finds a long enough run of finished results at the front hands it over
/// while the others go on. The output never depends on the scheduling: results are handed over
/// in job order, and a run's content is the same whichever thread takes it.
enum OrderedStream {
    /// - Parameters:
    ///   - count: the number of jobs, `0..<count`.
    ///   - batch: results are handed over in runs of at least this weight (the last one may weigh
    ///     less), so that writing a run costs few calls per page.
    ///   - weight: a job's weight (about its output's size in item pages).
    ///   - produce: renders job `i`; called on any thread.
    ///   - consume: takes a run of results in job order; never called by two threads at once.
    ///     Its first error stops the jobs not yet started and is thrown.
    static func run<R, E: Error>(count: Int, batch: Int, weight: (Int) -> Int, produce: @Sendable (Int) -> R,
                                 consume: ([R]) throws(E) -> Void) throws(E) {
        let lanes = Parallelism.serial ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let weights = (0..<count).map(weight)
        if lanes < 2 || count < 2 {
            // One thread: each run is handed over as soon as it weighs enough.
            var run: [R] = [], runWeight = 0
            for i in 0..<count {
                run.append(produce(i))
                runWeight += weights[i]
                if runWeight >= batch || i == count - 1 {
                    try consume(run)
                    run.removeAll(keepingCapacity: true)
                    runWeight = 0
                }
            }
            return
        }
        let state = State<R, E>(count: count, weights: weights, batch: batch)
        withoutActuallyEscaping(consume) { consume in
            nonisolated(unsafe) let consume = consume
            DispatchQueue.concurrentPerform(iterations: lanes) { _ in state.work(produce, consume) }
        }
        if let failure = state.failure { throw failure }
    }

    /// What the threads share, under one lock.
    private final class State<R, E: Error>: @unchecked Sendable {  // every field is read and written under `condition`
        private let condition = NSCondition()
        private let weights: [Int]
        private let batch: Int
        /// Finished weight not yet handed over beyond which threads wait before starting more
        /// jobs: memory holds at most about this much output. When every thread waits, every
        /// job started is finished, so the run at the front weighs at least this much (more
        /// than a batch) and the last thread to finish hands it over.
        private let limit: Int
        private var results: [R?]
        /// The next job to start, and the first result not yet handed over.
        private var next = 0
        private var handed = 0
        /// Weight finished and not yet handed over.
        private var pending = 0
        private var consuming = false
        /// The consumer's first error: no job starts after it.
        private(set) var failure: E?

        init(count: Int, weights: [Int], batch: Int) {
            self.weights = weights
            self.batch = batch
            limit = 4 * batch
            results = [R?](repeating: nil, count: count)
        }

        /// One thread's share: start jobs until none is left, handing over runs on the way.
        func work(_ produce: (Int) -> R, _ consume: ([R]) throws(E) -> Void) {
            condition.lock()
            while true {
                handOver(consume)
                // Wait while too much is waiting to be handed over (another thread is handing
                // it over, or the job at the front is still being rendered).
                while failure == nil && next < results.count && pending >= limit { condition.wait() }
                guard failure == nil, next < results.count else { break }
                let i = next
                next += 1
                condition.unlock()
                let result = produce(i)
                condition.lock()
                results[i] = result
                pending += weights[i]
                condition.broadcast()
            }
            handOver(consume)
            condition.unlock()
        }

        /// Hands over the finished runs at the front while there are any and no other thread is
        /// handing over. Called and returns with the lock held; the lock is let go while `consume` runs.
        private func handOver(_ consume: ([R]) throws(E) -> Void) {
            while !consuming && failure == nil {
                var end = handed, weight = 0
                while end < results.count, results[end] != nil {
                    weight += weights[end]
                    end += 1
                }
                guard end > handed, weight >= batch || end == results.count else { return }
                var run: [R] = []
                run.reserveCapacity(end - handed)
                for k in handed..<end {
                    run.append(results[k].take()!)
                }
                handed = end
                consuming = true
                condition.unlock()
                var error: E?
                do throws(E) { try consume(run) } catch let e { error = e }
                run = []  // freed before the lock is taken again
                condition.lock()
                consuming = false
                pending -= weight
                if let error { failure = error }
                condition.broadcast()
            }
        }
    }
}
