package io.bta.tokenomics.shared.batching;

import io.bta.tokenomics.shared.error.Unavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The thread of a group commit: items queued by many callers are taken by one thread, as many as are
 * queued (at most {@code maxBatch}, after waiting at most {@code maxWait} for more once it has one),
 * and handed to {@link #commit} together, in the order they were queued. The subclass applies a
 * batch in one database transaction and answers each item. It runs from the application's start
 * until its stop (after the web server, before the data source); items still queued then are
 * refused with {@link #shuttingDown}.
 */
public abstract class BatchCommitter<T> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BatchCommitter.class);

    private final String threadName;
    private final int maxBatch;
    private final Duration maxWait;
    private final Duration stopTimeout;
    private final BlockingQueue<T> queue;
    private volatile boolean running;
    private Thread thread;

    protected BatchCommitter(
            String threadName, int queueCapacity, int maxBatch, Duration maxWait, Duration stopTimeout) {
        this.threadName = threadName;
        this.maxBatch = maxBatch;
        this.maxWait = maxWait;
        this.stopTimeout = stopTimeout;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
    }

    /** Applies a batch and answers every item of it, whatever happens. */
    protected abstract void commit(List<T> batch);

    /** Answers an item with a failure. */
    protected abstract void fail(T item, Throwable failure);

    /** What an item still queued at shutdown is answered with. */
    protected abstract RuntimeException shuttingDown();

    /** Queues an item; false if the queue is full. */
    protected boolean offer(T item) {
        return queue.offer(item);
    }

    /** How many items wait for the thread (for a gauge). */
    public int queued() {
        return queue.size();
    }

    /**
     * Waits for a submitted item's answer, at most {@code timeout}: its result, or the exception it
     * was answered with. Past the timeout, or interrupted, a 503 {@code OUTCOME_UNKNOWN} with
     * {@code unknown} as its detail (the item may still apply).
     */
    protected static <R> R await(CompletableFuture<R> answer, Duration timeout, String unknown) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw Unavailable.of("OUTCOME_UNKNOWN", unknown);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Unavailable.of("OUTCOME_UNKNOWN", unknown);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        var batch = new ArrayList<T>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                long deadline = System.nanoTime() + maxWait.toNanos();
                long left;
                while (batch.size() < maxBatch && (left = deadline - System.nanoTime()) > 0) {
                    var next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, maxBatch - batch.size());
                }
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error("{} failed; failing its batch of {}", threadName, batch.size(), e);
                batch.forEach(item -> fail(item, e));
            } finally {
                batch.clear();
            }
        }
        T left;
        while ((left = queue.poll()) != null) {
            fail(left, shuttingDown());
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, threadName);
        thread.setDaemon(false);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(stopTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops taking requests first) and before the data source. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
