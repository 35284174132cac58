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
//          W5: transfers at a constant arrival rate (open loop); each latency is measured from the
//          time the request was due to be sent, so a queue in the service or here is not hidden.
//   batch  --url U --token T --connections C --seconds S --accounts N [--size 1000] [--warmup S]
//          [--idempotency true]: W2, closed loop, one INDEPENDENT batch per request.
//   votes  --url U --secret K --token T --proposal P --voters N --connections C [--prefix voter-]
//          [--warmup-votes 2000] [--max-seconds 600] [--reads 2000]: W7, each voter votes once with a
//          token of its own (HS256 signed here with the service's secret), then the tally is read.
//   jwt    --secret K --sub S [--roles ADMIN] [--ttl-seconds 28800]: prints a token.
//
// Latencies are kept whole (a long per request) and sorted at the end. Money never goes through a
// floating-point number here: amounts are strings; only rates and times are doubles.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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

    static void open(Options o) throws Exception {
        var url = o.text("url", null);
        var token = o.text("token", null);
        double rate = Double.parseDouble(o.text("rate", null));
        int seconds = o.integer("seconds", 10);
        int warmup = o.integer("warmup", 3);
        int accounts = o.integer("accounts", 10_000);
        var from = o.values().get("from");
        var timeout = Duration.ofMillis(o.integer("timeout-ms", 2_000));
        int maxInFlight = o.integer("max-in-flight", 4_096);
        var http = client();
        if (warmup > 0) {
            openPhase(http, url, token, rate, warmup, accounts, from, timeout, maxInFlight, "w5warm");
        }
        phase("measure");
        var m = openPhase(http, url, token, rate, seconds, accounts, from, timeout, maxInFlight, "w5");
        phase("done");
        m.print("target_rate=" + String.format(Locale.ROOT, "%.1f", rate));
    }

    static Measurement openPhase(
            HttpClient http,
            String url,
            String token,
            double rate,
            int seconds,
            int accounts,
            String from,
            Duration timeout,
            int maxInFlight,
            String keyPrefix)
            throws InterruptedException {
        long total = (long) Math.floor(rate * seconds);
        var m = new Measurement(total);
        var inFlight = new AtomicInteger();
        var outstanding = new AtomicLong(total);
        long periodNanos = (long) (1_000_000_000L / rate);
        long start = System.nanoTime() + 10_000_000L;
        for (long i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                // the generator itself is saturated: the request counts as failed, never as fast
                m.error("dropped", System.nanoTime() - due);
                outstanding.decrementAndGet();
                continue;
            }
            inFlight.incrementAndGet();
            var request = transferRequest(url, token, accounts, from, keyPrefix + "-" + RUN + "-" + i, timeout);
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                long latency = System.nanoTime() - due;
                if (e != null) {
                    m.error(isTimeout(e) ? "timeout" : "socket", latency);
                } else {
                    m.response(r.statusCode(), r.body(), latency);
                }
                inFlight.decrementAndGet();
                outstanding.decrementAndGet();
            });
        }
        long sendEnd = System.nanoTime();
        long deadline = sendEnd + timeout.toNanos() + 2_000_000_000L;
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        m.elapsedNanos = Math.max(sendEnd - start, 1);
        long lost = outstanding.get();
        for (long i = 0; i < lost; i++) {
            m.error("timeout", timeout.toNanos());
        }
        return m;
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

    static HttpRequest transferRequest(
            String url, String token, int accounts, String from, String key, Duration timeout) {
        var random = ThreadLocalRandom.current();
        String sender;
        String receiver;
        if (from != null) {
            sender = from;
            receiver = "acct-" + random.nextInt(1, accounts + 1);
        } else {
            int a = random.nextInt(1, accounts + 1);
            int b = random.nextInt(1, accounts);
            if (b >= a) {
                b++;
            }
            sender = "acct-" + a;
            receiver = "acct-" + b;
        }
        return HttpRequest.newBuilder(URI.create(url + "/api/tokens/transfer"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(transferJson(sender, receiver, "BTA-UTIL", "1", null)))
                .build();
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

    /** Tells bench/run.sh when the measured part starts and ends, so it samples CPU around it only. */
    static synchronized void phase(String name) {
        System.out.println("PHASE " + name);
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
