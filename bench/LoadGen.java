// The benchmark suite's own load generator, for what wrk cannot do: an open loop (W5), bodies of a
// thousand transfers with their per-item results (W2), one signed token per voter (W7), and the
// funding of the accounts. JDK classes only, one file:
//
//   java bench/LoadGen.java <mode> --option value ...
//
// Modes (every mode prints one line "RESULT key=value ..." that bench/run.sh reads):
//   fund   --url U --token T --accounts N --amount A [--token-id BTA-UTIL] [--from treasury] [--prefix acct-]
//          transfers A to each of prefix1..prefixN: 1000 per POST /api/tokens/transfers/batch, or, when
//          that answers 404/405, one POST /api/tokens/transfer each (32 at a time).
//   open   --url U --token T --rate R --seconds S --accounts N [--warmup S] [--timeout-ms 2000] [--from E]
//          [--connections 256] [--max-in-flight 4096]
//          W5: transfers at a constant arrival rate (open loop) over a fixed pool of kept-alive
//          HTTP/1.1 connections; each latency is measured from the time the request was due to be
//          sent, so a queue in the service or here (no connection free) is not hidden.
//   batch  --url U --token T --connections C --seconds S --accounts N [--size 1000] [--warmup S]
//          [--idempotency true]: W2, closed loop, one INDEPENDENT batch per request.
//   votes  --url U --secret K --token T --proposal P --voters N --connections C [--prefix voter-]
//          [--warmup-votes 2000] [--max-seconds 600] [--reads 2000]: W7, each voter votes once with a
//          token of its own (HS256 signed here with the service's secret), then the tally is read.
//   jwt    --secret K --sub S [--roles ADMIN] [--ttl-seconds 28800]: prints a token.
//
// Latencies are kept whole (a long per request) and sorted at the end. Money never goes through a
// floating-point number here: amounts are strings; only rates and times are doubles.

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class LoadGen {

    static final Pattern APPLIED = Pattern.compile("\"applied\"\\s*:\\s*(\\d+)");
    static final Pattern REFUSED = Pattern.compile("\"refused\"\\s*:\\s*(\\d+)");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java bench/LoadGen.java fund|open|batch|votes|jwt --option value ...");
            System.exit(2);
        }
        var options = new HashMap<String, String>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("expected --option value, found " + args[i]);
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        var o = new Options(options);
        switch (args[0]) {
            case "fund" -> fund(o);
            case "open" -> open(o);
            case "batch" -> batch(o);
            case "votes" -> votes(o);
            case "jwt" -> System.out.println(jwt(o.text("secret", null), o.text("sub", null), roles(o), o.integer("ttl-seconds", 28_800)));
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    // ---------------------------------------------------------------- fund

    static void fund(Options o) throws Exception {
        var url = o.text("url", null);
        var token = o.text("token", null);
        int accounts = o.integer("accounts", 10_000);
        var amount = o.text("amount", "10000");
        var tokenId = o.text("token-id", "BTA-UTIL");
        var from = o.text("from", "treasury");
        var prefix = o.text("prefix", "acct-");
        var http = client();
        long start = System.nanoTime();
        long applied = 0;
        long refused = 0;
        String via = "batch";
        for (int first = 1; first <= accounts; first += 1000) {
            int last = Math.min(accounts, first + 999);
            var body = new StringBuilder("{\"mode\":\"INDEPENDENT\",\"transfers\":[");
            for (int i = first; i <= last; i++) {
                if (i > first) {
                    body.append(',');
                }
                body.append(transferJson(from, prefix + i, tokenId, amount, "bench funding"));
            }
            body.append("]}");
            var r = http.send(
                    post(url + "/api/tokens/transfers/batch", token, body.toString(), "fundbatch-" + RUN + "-" + first),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404 || r.statusCode() == 405) {
                if (first != 1) {
                    fail("the batch endpoint disappeared in the middle of funding");
                }
                via = "single";
                break;
            }
            if (r.statusCode() != 200 && r.statusCode() != 201) {
                fail("funding batch answered " + r.statusCode() + ": " + abbreviate(r.body()));
            }
            applied += count(APPLIED, r.body());
            refused += count(REFUSED, r.body());
        }
        if (via.equals("single")) {
            var next = new AtomicInteger(1);
            var ok = new LongAdder();
            var bad = new LongAdder();
            var firstError = new java.util.concurrent.atomic.AtomicReference<String>();
            var workers = new ArrayList<Thread>();
            for (int t = 0; t < 32; t++) {
                workers.add(worker(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) <= accounts) {
                        try {
                            var r = http.send(
                                    post(
                                            url + "/api/tokens/transfer",
                                            token,
                                            transferJson(from, prefix + i, tokenId, amount, "bench funding"),
                                            "fund1-" + RUN + "-" + i),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 201) {
                                ok.increment();
                            } else {
                                bad.increment();
                                firstError.compareAndSet(null, r.statusCode() + " " + abbreviate(r.body()));
                            }
                        } catch (Exception e) {
                            bad.increment();
                            firstError.compareAndSet(null, e.toString());
                        }
                    }
                }));
            }
            workers.forEach(Thread::start);
            for (var w : workers) {
                w.join();
            }
            applied = ok.sum();
            refused = bad.sum();
            if (firstError.get() != null) {
                System.err.println("first funding error: " + firstError.get());
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "RESULT via=%s applied=%d refused=%d ms=%d%n", via, applied, refused, ms);
        if (applied != accounts) {
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- open loop (W5)

    // The open loop is kept lean, because it shares the machine's cores with the service it measures:
    // a fixed pool of persistent HTTP/1.1 connections (blocking SocketChannels, one thread each), each
    // request rendered into a reused byte array with only its Idempotency-Key and accounts filled in,
    // and each answer read only as far as its status line, its framing (Content-Length or chunked) and,
    // when it is not a 2xx, its body (is a 409 an INSUFFICIENT_BALANCE refusal?). One scheduler thread
    // queues request i at start + i / rate; a request waits in that queue while every connection is
    // busy, and the wait is part of its latency, which runs from the time it was due.

    static void open(Options o) throws Exception {
        var url = URI.create(o.text("url", null));
        var token = o.text("token", null);
        double rate = Double.parseDouble(o.text("rate", null));
        int seconds = o.integer("seconds", 10);
        int warmup = o.integer("warmup", 3);
        int accounts = o.integer("accounts", 10_000);
        var from = o.values().get("from");
        int timeoutMillis = o.integer("timeout-ms", 2_000);
        int maxInFlight = o.integer("max-in-flight", 4_096);
        // as many connections as the service has request threads (Tomcat's 200) and some: a request
        // then queues here only when the service could not have started it either
        int connections = Math.max(1, Math.min(o.integer("connections", 256), maxInFlight));
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            fail("open needs an http:// --url, found " + url);
        }
        if (!(rate > 0)) {
            fail("--rate must be positive");
        }
        var loop = new OpenLoop(new TransferTemplate(url, token, accounts, from), connections, timeoutMillis, maxInFlight);
        if (warmup > 0) {
            loop.run(rate, warmup, "w5warm");
        }
        phase("measure");
        var measured = loop.run(rate, seconds, "w5");
        phase("done");
        // waited_for_connection: requests queued here because every connection was busy (their wait
        // is in their latency); max_pending: the most requests queued or on a connection at once;
        // drain_ms: how long the answers took to come in after the last request was due (ops_per_s
        // divides by the schedule's length plus this drain, so it is the rate actually answered)
        measured.m.print(String.format(
                Locale.ROOT,
                "target_rate=%.1f connections=%d waited_for_connection=%d max_pending=%d drain_ms=%d",
                rate,
                connections,
                measured.waited,
                measured.maxPending,
                measured.drainNanos / 1_000_000));
    }

    /** The requests of W5 as bytes: everything but the key's number and the two accounts is rendered once. */
    static final class TransferTemplate {
        static final byte[] BODY_FROM = ascii("{\"fromEntityId\":\"");
        static final byte[] ACCT = ascii("acct-");
        static final byte[] BODY_TO = ascii("\",\"toEntityId\":\"acct-");
        static final byte[] BODY_END = ascii("\",\"tokenId\":\"BTA-UTIL\",\"amount\":\"1\"}");
        static final byte[] LENGTH = ascii("\r\nContent-Length: ");
        static final byte[] HEAD_END = ascii("\r\n\r\n");

        final InetSocketAddress address;
        final byte[] head; // request line and fixed headers, ending with "Idempotency-Key: "
        final int accounts;
        final byte[] from; // a fixed sender, or null for two random accounts

        TransferTemplate(URI url, String token, int accounts, String from) {
            int port = url.getPort() == -1 ? 80 : url.getPort();
            var path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
            this.address = new InetSocketAddress(url.getHost(), port);
            this.head = ascii("POST " + path + "/api/tokens/transfer HTTP/1.1\r\nHost: " + url.getHost() + ":" + port
                    + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + token + "\r\nIdempotency-Key: ");
            this.accounts = accounts;
            this.from = from == null ? null : ascii(from);
        }

        int maxLength(int keyPrefixLength) {
            return head.length + keyPrefixLength + 256 + (from == null ? 0 : from.length);
        }

        /** Renders request {@code index} of a phase into {@code out}; returns its length. */
        int render(byte[] out, byte[] keyPrefix, long index) {
            var random = ThreadLocalRandom.current();
            int a;
            int b;
            if (from != null) {
                a = 0;
                b = random.nextInt(1, accounts + 1);
            } else {
                a = random.nextInt(1, accounts + 1);
                b = random.nextInt(1, accounts);
                if (b >= a) {
                    b++;
                }
            }
            int senderLength = from != null ? from.length : ACCT.length + digits(a);
            int bodyLength = BODY_FROM.length + senderLength + BODY_TO.length + digits(b) + BODY_END.length;
            int n = put(out, 0, head);
            n = put(out, n, keyPrefix);
            n = putNumber(out, n, index);
            n = put(out, n, LENGTH);
            n = putNumber(out, n, bodyLength);
            n = put(out, n, HEAD_END);
            n = put(out, n, BODY_FROM);
            if (from != null) {
                n = put(out, n, from);
            } else {
                n = put(out, n, ACCT);
                n = putNumber(out, n, a);
            }
            n = put(out, n, BODY_TO);
            n = putNumber(out, n, b);
            return put(out, n, BODY_END);
        }

        static int put(byte[] out, int at, byte[] bytes) {
            System.arraycopy(bytes, 0, out, at, bytes.length);
            return at + bytes.length;
        }

        static int putNumber(byte[] out, int at, long value) {
            int end = at + digits(value);
            for (int i = end - 1; i >= at; i--) {
                out[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            return end;
        }

        static int digits(long value) {
            int d = 1;
            while (value >= 10) {
                value /= 10;
                d++;
            }
            return d;
        }
    }

    /** One measured (or warm-up) phase of the open loop: every scheduled request is settled exactly once. */
    static final class OpenPhase {
        final Measurement m;
        final byte[] keyPrefix;
        long outstanding;
        boolean closed;
        long waited; // written by the scheduler thread only
        int maxPending; // written by the scheduler thread only
        long drainNanos; // from the last request's due time until the last answer (or the deadline)

        OpenPhase(long total, String keyPrefix) {
            this.m = new Measurement(total);
            this.keyPrefix = ascii(keyPrefix);
            this.outstanding = total;
        }

        /** An answer (error == null) or a failure of one request; ignored once the phase is closed. */
        synchronized void settle(OpenJob job, int status, String body, String error, long latencyNanos) {
            if (closed || job.settled) {
                return;
            }
            job.settled = true;
            outstanding--;
            if (error == null) {
                m.response(status, body, latencyNanos);
            } else {
                m.error(error, latencyNanos);
            }
        }

        synchronized void dropped(long latencyNanos) {
            outstanding--;
            m.error("dropped", latencyNanos);
        }

        synchronized long outstanding() {
            return outstanding;
        }

        synchronized boolean closed() {
            return closed;
        }
    }

    static final class OpenJob {
        final OpenPhase phase;
        final long index;
        final long due;
        boolean settled; // guarded by phase

        OpenJob(OpenPhase phase, long index, long due) {
            this.phase = phase;
            this.index = index;
            this.due = due;
        }
    }

    static final int KEY_PREFIX_MAX = 64;

    static final class OpenLoop {
        final TransferTemplate template;
        final long timeoutNanos;
        final int timeoutMillis;
        final int maxInFlight;
        final LinkedBlockingQueue<OpenJob> queue = new LinkedBlockingQueue<>();
        final AtomicInteger pending = new AtomicInteger(); // queued or on a connection, over all phases
        final List<OpenConnection> connections = new ArrayList<>();

        OpenLoop(TransferTemplate template, int connections, int timeoutMillis, int maxInFlight) {
            this.template = template;
            this.timeoutMillis = timeoutMillis;
            this.timeoutNanos = timeoutMillis * 1_000_000L;
            this.maxInFlight = maxInFlight;
            for (int c = 0; c < connections; c++) {
                var connection = new OpenConnection(this);
                this.connections.add(connection);
                var thread = new Thread(connection::serve, "loadgen-conn-" + c);
                thread.setDaemon(true);
                thread.start();
            }
            var watchdog = new Thread(this::watch, "loadgen-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        /** Closes the connection of a request unanswered after the timeout, which fails that request. */
        void watch() {
            while (true) {
                LockSupport.parkNanos(20_000_000L);
                long now = System.nanoTime();
                for (var c : connections) {
                    c.expireIfLate(now);
                }
            }
        }

        OpenPhase run(double rate, int seconds, String keyPrefix) throws InterruptedException {
            long total = (long) Math.floor(rate * seconds);
            var phase = new OpenPhase(total, keyPrefix + "-" + RUN + "-");
            if (phase.keyPrefix.length > KEY_PREFIX_MAX) {
                throw new IllegalArgumentException("Idempotency-Key prefix too long: " + keyPrefix);
            }
            double periodNanos = 1e9 / rate;
            long start = System.nanoTime() + 10_000_000L;
            for (long i = 0; i < total; i++) {
                long due = start + (long) (i * periodNanos);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (pending.get() >= maxInFlight) {
                    // the generator itself is saturated: the request counts as failed, never as fast
                    phase.dropped(System.nanoTime() - due);
                    continue;
                }
                int now = pending.incrementAndGet();
                if (now > connections.size()) {
                    phase.waited++; // every connection was busy: this one waits in the queue
                }
                phase.maxPending = Math.max(phase.maxPending, now);
                queue.add(new OpenJob(phase, i, due));
            }
            long sendEnd = System.nanoTime();
            long deadline = sendEnd + timeoutNanos + 2_000_000_000L;
            while (phase.outstanding() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            phase.drainNanos = System.nanoTime() - sendEnd;
            close(phase);
            // The rate answered: over the schedule and the time its last answers took to come in, so
            // that a service that fell behind does not show the offered rate.
            phase.m.elapsedNanos = Math.max(sendEnd - start + phase.drainNanos, 1);
            return phase;
        }

        /** What is still queued or unanswered after the deadline counts as a timeout, from its due time. */
        void close(OpenPhase phase) {
            synchronized (phase) {
                long now = System.nanoTime();
                for (var it = queue.iterator(); it.hasNext(); ) {
                    var job = it.next();
                    if (job.phase == phase && queue.remove(job)) {
                        pending.decrementAndGet();
                        phase.settle(job, 0, null, "timeout", now - job.due);
                    }
                }
                for (var c : connections) {
                    var job = c.current;
                    if (job != null && job.phase == phase) {
                        phase.settle(job, 0, null, "timeout", now - job.due);
                    }
                }
                for (long i = phase.outstanding; i > 0; i--) {
                    phase.m.error("timeout", timeoutNanos); // taken from the queue but not yet on a connection
                }
                phase.outstanding = 0;
                phase.closed = true;
            }
        }
    }

    /** One persistent HTTP/1.1 connection and the thread that sends on it, one request at a time. */
    static final class OpenConnection {
        final OpenLoop loop;
        final byte[] out;
        final byte[] in = new byte[64 * 1024];
        final ByteBuffer inBuffer = ByteBuffer.wrap(in);
        int pos; // the unread part of in is [pos, limit)
        int limit;
        int lineStart;
        int lineEnd;
        boolean received; // some byte of the current answer arrived
        SocketChannel channel;
        volatile OpenJob current;
        long sentAt; // guarded by this; 0 when nothing awaits an answer
        boolean timedOut; // guarded by this
        boolean closeAfter; // the service closes the connection after the answer just read

        OpenConnection(OpenLoop loop) {
            this.loop = loop;
            this.out = new byte[loop.template.maxLength(KEY_PREFIX_MAX)];
        }

        void serve() {
            while (true) {
                OpenJob job;
                try {
                    job = loop.queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    if (!job.phase.closed()) {
                        current = job;
                        send(job);
                    }
                } catch (RuntimeException e) {
                    job.phase.m.firstProblem(e.toString());
                    job.phase.settle(job, 0, null, "generator", System.nanoTime() - job.due);
                } finally {
                    current = null;
                    loop.pending.decrementAndGet();
                }
            }
        }

        void send(OpenJob job) {
            int length = loop.template.render(out, job.phase.keyPrefix, job.index);
            for (int attempt = 0; ; attempt++) {
                boolean reused = channel != null;
                received = false;
                try {
                    if (channel == null) {
                        connect();
                    }
                    synchronized (this) {
                        sentAt = System.nanoTime();
                    }
                    var buffer = ByteBuffer.wrap(out, 0, length);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    var body = new StringBuilder[1];
                    int status = readResponse(body);
                    long latency = System.nanoTime() - job.due;
                    boolean late;
                    synchronized (this) {
                        sentAt = 0;
                        late = timedOut;
                        timedOut = false;
                    }
                    if (late) {
                        // closed by the watchdog just as the answer arrived: it came after the timeout
                        disconnect();
                        job.phase.settle(job, 0, null, "timeout", latency);
                    } else {
                        job.phase.settle(job, status, body[0] == null ? null : body[0].toString(), null, latency);
                    }
                    if (closeAfter) {
                        disconnect();
                    }
                    return;
                } catch (IOException e) {
                    boolean late;
                    synchronized (this) {
                        sentAt = 0;
                        late = timedOut;
                        timedOut = false;
                    }
                    disconnect();
                    if (!late && reused && !received && attempt == 0) {
                        // a kept-alive connection the service had closed: send again on a fresh one
                        // (same Idempotency-Key, so the service applies it at most once)
                        continue;
                    }
                    job.phase.m.firstProblem(e.toString());
                    job.phase.settle(job, 0, null, late ? "timeout" : "socket", System.nanoTime() - job.due);
                    return;
                }
            }
        }

        synchronized void expireIfLate(long now) {
            if (sentAt != 0 && now - sentAt > loop.timeoutNanos && channel != null) {
                timedOut = true;
                try {
                    channel.close(); // the blocked read fails at once
                } catch (IOException ignored) {
                    // closed anyway
                }
            }
        }

        void connect() throws IOException {
            var ch = SocketChannel.open();
            try {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.socket().connect(loop.template.address, loop.timeoutMillis);
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            synchronized (this) {
                channel = ch;
            }
            pos = 0;
            limit = 0;
        }

        void disconnect() {
            SocketChannel ch;
            synchronized (this) {
                ch = channel;
                channel = null;
            }
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }

        /**
         * Reads one answer: its status; its body only when it is not a 2xx (into body[0], at most 4 KiB).
         * Sets closeAfter when the service closes the connection after it.
         */
        int readResponse(StringBuilder[] body) throws IOException {
            int status;
            long contentLength;
            boolean chunked;
            do {
                readLine();
                if (lineEnd - lineStart < 12 || !startsWith("http/1.")) {
                    throw new IOException("not an HTTP/1.x status line");
                }
                status = (in[lineStart + 9] - '0') * 100 + (in[lineStart + 10] - '0') * 10 + (in[lineStart + 11] - '0');
                contentLength = -1;
                chunked = false;
                closeAfter = in[lineStart + 7] == '0'; // HTTP/1.0 closes unless told otherwise
                while (true) {
                    readLine();
                    if (lineEnd == lineStart) {
                        break;
                    }
                    if (startsWith("content-length:")) {
                        contentLength = number(lineStart + 15, 10);
                    } else if (startsWith("transfer-encoding:")) {
                        chunked = contains("chunked");
                    } else if (startsWith("connection:")) {
                        closeAfter = contains("close");
                    }
                }
            } while (status >= 100 && status < 200);
            var keep = status >= 200 && status < 300 ? null : new StringBuilder();
            body[0] = keep;
            if (status == 204 || status == 304) {
                return status;
            }
            if (chunked) {
                while (true) {
                    readLine();
                    long size = number(lineStart, 16);
                    if (size == 0) {
                        do {
                            readLine(); // trailers, up to the empty line
                        } while (lineEnd != lineStart);
                        break;
                    }
                    skip(size, keep);
                    readLine();
                }
            } else if (contentLength >= 0) {
                skip(contentLength, keep);
            } else {
                closeAfter = true;
                try {
                    skip(Long.MAX_VALUE, keep);
                } catch (java.io.EOFException end) {
                    // the body ends with the connection
                }
            }
            return status;
        }

        void skip(long count, StringBuilder keep) throws IOException {
            while (count > 0) {
                if (pos == limit) {
                    fill();
                }
                int take = (int) Math.min(count, limit - pos);
                if (keep != null && keep.length() < 4096) {
                    keep.append(new String(in, pos, Math.min(take, 4096 - keep.length()), StandardCharsets.UTF_8));
                }
                pos += take;
                count -= take;
            }
        }

        /** The next line into [lineStart, lineEnd), without its CR LF. */
        void readLine() throws IOException {
            int scanned = pos;
            while (true) {
                for (int i = scanned; i < limit; i++) {
                    if (in[i] == '\n') {
                        lineStart = pos;
                        lineEnd = i > pos && in[i - 1] == '\r' ? i - 1 : i;
                        pos = i + 1;
                        return;
                    }
                }
                if (pos == 0 && limit == in.length) {
                    throw new IOException("a header line longer than " + in.length + " bytes");
                }
                int before = pos;
                int end = limit;
                fill();
                scanned = end - (before - pos); // the bytes already scanned, wherever fill moved them
            }
        }

        /** Reads more bytes after limit, first moving the unread part to the start when the buffer is full. */
        void fill() throws IOException {
            if (pos == limit) {
                pos = 0;
                limit = 0;
            } else if (limit == in.length) {
                System.arraycopy(in, pos, in, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            inBuffer.limit(in.length).position(limit);
            int n = channel.read(inBuffer);
            if (n < 0) {
                throw new java.io.EOFException("the service closed the connection");
            }
            received = true;
            limit += n;
        }

        boolean startsWith(String prefix) {
            if (lineEnd - lineStart < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (Character.toLowerCase((char) in[lineStart + i]) != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        boolean contains(String word) {
            return new String(in, lineStart, lineEnd - lineStart, StandardCharsets.US_ASCII)
                    .toLowerCase(Locale.ROOT)
                    .contains(word);
        }

        long number(int from, int radix) throws IOException {
            long value = 0;
            int i = from;
            while (i < lineEnd && in[i] == ' ') {
                i++;
            }
            int first = i;
            for (; i < lineEnd; i++) {
                int d = Character.digit((char) in[i], radix);
                if (d < 0) {
                    break;
                }
                value = value * radix + d;
            }
            if (i == first) {
                throw new IOException("a number was expected in the answer's framing");
            }
            return value;
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- batch (W2)

    static void batch(Options o) throws Exception {
        var url = o.text("url", null);
        var token = o.text("token", null);
        int connections = o.integer("connections", 4);
        int seconds = o.integer("seconds", 10);
        int warmup = o.integer("warmup", 3);
        int accounts = o.integer("accounts", 10_000);
        int size = o.integer("size", 1000);
        boolean idempotency = Boolean.parseBoolean(o.text("idempotency", "true"));
        var http = client();
        var probe = http.send(
                post(url + "/api/tokens/transfers/batch", token, "{\"mode\":\"INDEPENDENT\",\"transfers\":[]}", null),
                HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() == 404 || probe.statusCode() == 405) {
            System.out.println("RESULT absent=1");
            return;
        }
        if (warmup > 0) {
            batchPhase(http, url, token, connections, warmup, accounts, size, idempotency, "w2warm");
        }
        phase("measure");
        var m = batchPhase(http, url, token, connections, seconds, accounts, size, idempotency, "w2");
        phase("done");
        m.print("requests=" + m.requests.sum() + " size=" + size);
    }

    static Measurement batchPhase(
            HttpClient http,
            String url,
            String token,
            int connections,
            int seconds,
            int accounts,
            int size,
            boolean idempotency,
            String keyPrefix)
            throws InterruptedException {
        var m = new Measurement(1024);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        var counter = new AtomicLong();
        var workers = new ArrayList<Thread>();
        for (int c = 0; c < connections; c++) {
            workers.add(worker(() -> {
                var random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    var body = new StringBuilder(size * 100).append("{\"mode\":\"INDEPENDENT\",\"transfers\":[");
                    for (int i = 0; i < size; i++) {
                        int a = random.nextInt(1, accounts + 1);
                        int b = random.nextInt(1, accounts);
                        if (b >= a) {
                            b++;
                        }
                        if (i > 0) {
                            body.append(',');
                        }
                        body.append(transferJson("acct-" + a, "acct-" + b, "BTA-UTIL", "1", null));
                    }
                    body.append("]}");
                    var key = idempotency ? keyPrefix + "-" + RUN + "-" + counter.incrementAndGet() : null;
                    long t0 = System.nanoTime();
                    try {
                        var r = http.send(
                                post(url + "/api/tokens/transfers/batch", token, body.toString(), key),
                                HttpResponse.BodyHandlers.ofString());
                        long latency = System.nanoTime() - t0;
                        m.requests.increment();
                        if (r.statusCode() == 200) {
                            m.ok.add(count(APPLIED, r.body()));
                            m.refused.add(count(REFUSED, r.body()));
                            m.latency(latency);
                        } else {
                            m.error("status" + r.statusCode(), latency);
                            m.firstProblem(r.statusCode() + " " + abbreviate(r.body()));
                        }
                    } catch (Exception e) {
                        m.error(isTimeout(e) ? "timeout" : "socket", System.nanoTime() - t0);
                        m.firstProblem(e.toString());
                    }
                }
            }));
        }
        workers.forEach(Thread::start);
        for (var w : workers) {
            w.join();
        }
        m.elapsedNanos = System.nanoTime() - start;
        return m;
    }

    // ---------------------------------------------------------------- votes (W7)

    static void votes(Options o) throws Exception {
        var url = o.text("url", null);
        var secret = o.text("secret", null);
        var adminToken = o.text("token", null);
        var proposal = o.text("proposal", null);
        int voters = o.integer("voters", 100_000);
        int connections = o.integer("connections", 64);
        var prefix = o.text("prefix", "voter-");
        int warmupVotes = Math.min(o.integer("warmup-votes", 2_000), voters / 10);
        int maxSeconds = o.integer("max-seconds", 600);
        int reads = o.integer("reads", 2_000);
        var http = client();
        var voteUrl = URI.create(url + "/api/governance/proposals/" + proposal + "/vote");
        var next = new AtomicInteger(1);
        var m = new Measurement(voters);
        var timedFrom = new AtomicLong();
        var cast = new AtomicLong();
        long hardEnd = System.nanoTime() + maxSeconds * 1_000_000_000L;
        var workers = new ArrayList<Thread>();
        for (int c = 0; c < connections; c++) {
            workers.add(worker(() -> {
                while (System.nanoTime() < hardEnd) {
                    int i = next.getAndIncrement();
                    if (i > voters) {
                        break;
                    }
                    cast.incrementAndGet();
                    if (i == warmupVotes + 1) {
                        timedFrom.set(System.nanoTime());
                        phase("measure");
                    }
                    var support = i % 10 < 6 ? "FOR" : i % 10 < 9 ? "AGAINST" : "ABSTAIN";
                    var request = HttpRequest.newBuilder(voteUrl)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + jwt(secret, prefix + i, List.of(), 3_600))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"support\":\"" + support + "\"}"))
                            .build();
                    long t0 = System.nanoTime();
                    boolean timed = i > warmupVotes;
                    try {
                        var r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long latency = System.nanoTime() - t0;
                        if (!timed) {
                            continue;
                        }
                        m.response(r.statusCode(), r.body(), latency);
                    } catch (Exception e) {
                        if (timed) {
                            m.error(isTimeout(e) ? "timeout" : "socket", System.nanoTime() - t0);
                            m.firstProblem(e.toString());
                        }
                    }
                }
            }));
        }
        workers.forEach(Thread::start);
        for (var w : workers) {
            w.join();
        }
        m.elapsedNanos = Math.max(System.nanoTime() - timedFrom.get(), 1);
        phase("done");
        boolean capped = cast.get() < voters;

        // The tally, read by one client after the votes: the stored running totals.
        var read = HttpRequest.newBuilder(URI.create(url + "/api/governance/proposals/" + proposal))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + adminToken)
                .GET()
                .build();
        var readLatencies = new long[reads];
        int readErrors = 0;
        String last = "";
        for (int i = -Math.min(200, reads); i < reads; i++) {
            long t0 = System.nanoTime();
            var r = http.send(read, HttpResponse.BodyHandlers.ofString());
            long latency = System.nanoTime() - t0;
            if (i >= 0) {
                readLatencies[i] = latency;
                if (r.statusCode() != 200) {
                    readErrors++;
                }
            }
            last = r.body();
        }
        Arrays.sort(readLatencies);
        var voterCount = field(last, "voterCount");
        m.print(String.format(
                Locale.ROOT,
                "cast_total=%d capped=%s voter_count=%s read_p50_us=%d read_p99_us=%d read_p999_us=%d read_errors=%d",
                cast.get(),
                capped,
                voterCount,
                percentile(readLatencies, readLatencies.length, 500) / 1_000,
                percentile(readLatencies, readLatencies.length, 990) / 1_000,
                percentile(readLatencies, readLatencies.length, 999) / 1_000,
                readErrors));
    }

    // ---------------------------------------------------------------- shared

    /** Counts and latencies of one measured phase; thread-safe. */
    static final class Measurement {
        final LongAdder ok = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder requests = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicReference<String> firstProblem =
                new java.util.concurrent.atomic.AtomicReference<>();
        long[] latencies;
        int size;
        long elapsedNanos;

        Measurement(long expected) {
            latencies = new long[(int) Math.max(1024, Math.min(expected + 16, 50_000_000))];
        }

        synchronized void latency(long nanos) {
            if (size == latencies.length) {
                latencies = Arrays.copyOf(latencies, size * 2);
            }
            latencies[size++] = nanos;
        }

        void response(int status, String body, long nanos) {
            latency(nanos);
            if (status >= 200 && status < 300) {
                ok.increment();
            } else if (status == 409 && body != null && body.contains("INSUFFICIENT_BALANCE")) {
                refused.increment();
            } else {
                errors.computeIfAbsent("status" + status, k -> new LongAdder()).increment();
                firstProblem(status + " " + abbreviate(body));
            }
        }

        void error(String kind, long nanos) {
            latency(nanos);
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        void firstProblem(String text) {
            firstProblem.compareAndSet(null, text);
        }

        long errorCount() {
            return errors.values().stream().mapToLong(LongAdder::sum).sum();
        }

        void print(String extra) {
            long[] sorted;
            synchronized (this) {
                sorted = Arrays.copyOf(latencies, size);
            }
            Arrays.sort(sorted);
            double seconds = elapsedNanos / 1e9;
            var kinds = new StringBuilder();
            errors.forEach((k, v) -> kinds.append(kinds.length() == 0 ? "" : ",").append(k).append(':').append(v.sum()));
            System.out.printf(
                    Locale.ROOT,
                    "RESULT ok=%d refused=%d errors=%d seconds=%.3f ops_per_s=%.1f p50_us=%d p99_us=%d p999_us=%d max_us=%d error_kinds=%s %s%n",
                    ok.sum(),
                    refused.sum(),
                    errorCount(),
                    seconds,
                    (ok.sum() + refused.sum()) / seconds,
                    percentile(sorted, sorted.length, 500) / 1_000,
                    percentile(sorted, sorted.length, 990) / 1_000,
                    percentile(sorted, sorted.length, 999) / 1_000,
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1_000,
                    kinds.length() == 0 ? "-" : kinds,
                    extra);
            if (firstProblem.get() != null) {
                System.err.println("first problem: " + firstProblem.get());
            }
        }
    }

    /** Nearest rank: the value at ceil(perMille/1000 × n) in sorted order; 0 for no samples. */
    static long percentile(long[] sorted, int n, int perMille) {
        if (n == 0) {
            return 0;
        }
        long rank = (perMille * (long) n + 999) / 1000;
        return sorted[(int) Math.max(0, Math.min(n - 1, rank - 1))];
    }

    static String transferJson(String from, String to, String tokenId, String amount, String memo) {
        return "{\"fromEntityId\":\"" + from + "\",\"toEntityId\":\"" + to + "\",\"tokenId\":\"" + tokenId
                + "\",\"amount\":\"" + amount + "\"" + (memo == null ? "" : ",\"memo\":\"" + memo + "\"") + "}";
    }

    static HttpRequest post(String url, String token, String body, String idempotencyKey) {
        var b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return b.build();
    }

    /**
     * Tells bench/run.sh when the measured part starts and ends, so it samples CPU around it only; with
     * this JVM's own CPU time so far (all its threads), which run.sh can read even once this process
     * has exited.
     */
    static synchronized void phase(String name) {
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
        System.out.println("PHASE " + name + (cpu >= 0 ? " cpu_ns=" + cpu : ""));
        System.out.flush();
    }

    static Thread worker(Runnable body) {
        var thread = new Thread(body, "loadgen");
        thread.setDaemon(true);
        return thread;
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** An HS256 token with the claims the service reads: sub, roles, iat, exp. */
    static String jwt(String secret, String subject, List<String> roles, long ttlSeconds) {
        if (secret == null || subject == null) {
            fail("jwt needs --secret and --sub");
        }
        var encoder = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        var rolesJson = new StringBuilder("[");
        for (int i = 0; i < roles.size(); i++) {
            rolesJson.append(i == 0 ? "" : ",").append('"').append(roles.get(i)).append('"');
        }
        rolesJson.append(']');
        var header = encoder.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        var payload = encoder.encodeToString(("{\"sub\":\"" + subject + "\",\"roles\":" + rolesJson + ",\"iat\":"
                        + now + ",\"exp\":" + (now + ttlSeconds) + "}")
                .getBytes(StandardCharsets.UTF_8));
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + encoder.encodeToString(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> roles(Options o) {
        var text = o.text("roles", "");
        return text.isBlank() ? List.of() : List.of(text.split(","));
    }

    static boolean isTimeout(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static long count(Pattern pattern, String body) {
        var m = pattern.matcher(body == null ? "" : body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static String field(String body, String name) {
        var m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(body == null ? "" : body);
        return m.find() ? m.group(1) : "?";
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    static void fail(String message) {
        System.err.println("LoadGen: " + message);
        System.exit(1);
    }

    record Options(Map<String, String> values) {
        String text(String name, String fallback) {
            var v = values.get(name);
            if (v == null && fallback == null) {
                fail("--" + name + " is required");
            }
            return v == null ? fallback : v;
        }

        int integer(String name, int fallback) {
            var v = values.get(name);
            return v == null ? fallback : Integer.parseInt(v);
        }
    }
}
