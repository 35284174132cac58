package io.bta.tokenomics.reliability;

import static io.bta.tokenomics.support.Api.json;

import io.bta.tokenomics.support.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Jepsen's bank workload, over the public HTTP API. A few accounts are funded once; writers then
 * move random amounts among them (each request as the sending account, with an Idempotency-Key it
 * keeps until it gets a definite answer), and readers read every account's balances in one
 * snapshot ({@code GET /api/tokens/balance-snapshot}). Every read must sum, per token, to the
 * funded total with no part negative; at the end the accounts' history, read back through the API,
 * must replay to every read at its sequence and to the final balances, and must hold every
 * acknowledged transfer exactly once and no transfer twice.
 *
 * <p>Requests go to a random one of the targets (two instances share one database in one suite);
 * a request that fails with no answer, a 5xx, or a 409 "still in progress" is retried with the same
 * key, to whichever target, until it is answered or the workload is abandoned.
 */
final class BankWorkload {

    static final BigDecimal FUNDING = new BigDecimal("1000");

    /** A client retrying one transfer gives up after this long (a service restart takes far less). */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(Long.getLong("reliability.give-up.seconds", 180));

    /** One transfer a writer attempted; its key is also its memo, so the history names it. */
    record Transfer(String key, String from, String to, String token, BigDecimal amount) {}

    enum Outcome {
        APPLIED,
        REFUSED,
        UNKNOWN
    }

    /** One consistent read: the ledger's sequence and every (account, token) → available + locked. */
    record Read(long sequence, Map<String, BigDecimal> totals) {}

    record HistoryEntry(
            long sequence, String type, String symbol, String from, String to, BigDecimal amount, String memo) {}

    private final Supplier<List<Api>> targets;
    private final List<String> accounts;
    private final List<String> tokens;
    private final Map<String, String> callerTokens = new ConcurrentHashMap<>();

    private final Map<String, Transfer> attempts = new ConcurrentHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final List<Read> reads = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong readsDone = new AtomicLong();
    private final AtomicLong readsFailed = new AtomicLong();

    private volatile boolean stopping;
    private volatile boolean abandon;
    private ExecutorService clients;
    private Instant started;
    private Duration ran = Duration.ZERO;

    BankWorkload(Supplier<List<Api>> targets, String run, int accountCount, List<String> tokens) {
        this.targets = targets;
        this.accounts = java.util.stream.IntStream.range(0, accountCount)
                .mapToObj(i -> run + "-acct-" + i)
                .toList();
        this.tokens = List.copyOf(tokens);
    }

    List<String> accounts() {
        return accounts;
    }

    /** Creates the tokens if needed and funds every account with {@link #FUNDING} of every token. */
    void fund() {
        var api = targets.get().get(0);
        int init = api.post("/api/tokens/initialize", Api.adminToken(), null).status();
        if (init != 201 && init != 200) {
            throw new IllegalStateException("initialize answered " + init);
        }
        for (var account : accounts) {
            for (var token : tokens) {
                var key = account + "-funding-" + token;
                var body = json(
                        "fromEntityId",
                        "treasury",
                        "toEntityId",
                        account,
                        "tokenId",
                        token,
                        "amount",
                        FUNDING.toPlainString(),
                        "memo",
                        key);
                var answer = api.post("/api/tokens/transfer", Api.adminToken(), body, key);
                if (answer.status() != 201) {
                    throw new IllegalStateException(
                            "funding " + key + " answered " + answer.status() + " " + answer.body());
                }
            }
        }
    }

    BigDecimal expectedTotal() {
        return FUNDING.multiply(BigDecimal.valueOf(accounts.size()));
    }

    void start(int writers, int readers) {
        started = Instant.now();
        clients = Executors.newFixedThreadPool(writers + readers);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            clients.submit(() -> write(writer));
        }
        for (int r = 0; r < readers; r++) {
            clients.submit(this::read);
        }
    }

    /** Stops starting new transfers; the ones in flight are retried until answered, at most {@code settle}. */
    void stop(Duration settle) throws InterruptedException {
        stopping = true;
        clients.shutdown();
        if (!clients.awaitTermination(settle.toMillis(), TimeUnit.MILLISECONDS)) {
            abandon = true;
            clients.awaitTermination(30, TimeUnit.SECONDS);
        }
        ran = Duration.between(started, Instant.now());
    }

    private void write(int writer) {
        var random = ThreadLocalRandom.current();
        for (long n = 0; !stopping; n++) {
            int from = random.nextInt(accounts.size());
            int to = (from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size();
            var transfer = new Transfer(
                    "w" + writer + "-" + n + "-" + accounts.get(0),
                    accounts.get(from),
                    accounts.get(to),
                    tokens.get(random.nextInt(tokens.size())),
                    BigDecimal.valueOf(random.nextLong(1, 40_000), 2)); // 0.01 … 399.99
            attempts.put(transfer.key(), transfer);
            outcomes.put(transfer.key(), settle(transfer));
        }
    }

    /** Sends the transfer, and again with the same key, until it is answered for good. */
    private Outcome settle(Transfer t) {
        var body = json(
                "fromEntityId",
                t.from(),
                "toEntityId",
                t.to(),
                "tokenId",
                t.token(),
                "amount",
                t.amount().toPlainString(),
                "memo",
                t.key());
        var token = callerTokens.computeIfAbsent(t.from(), Api::token);
        var giveUp = Instant.now().plus(GIVE_UP_AFTER);
        String last = null;
        for (int attempt = 0; !abandon; attempt++) {
            if (Instant.now().isAfter(giveUp)) {
                violations.add("transfer " + t.key() + " still unanswered after " + GIVE_UP_AFTER + "; last: " + last);
                return Outcome.UNKNOWN;
            }
            if (attempt > 0) {
                retries.incrementAndGet();
                pause(Math.min(500, 20L << Math.min(attempt, 5)));
            }
            var all = targets.get();
            var api = all.get(ThreadLocalRandom.current().nextInt(all.size()));
            Api.Response answer;
            try {
                answer = api.post("/api/tokens/transfer", token, body, t.key());
            } catch (RuntimeException noAnswer) {
                count("no answer");
                continue;
            }
            count(answer.status() + (answer.code() == null ? "" : " " + answer.code()));
            last = answer.status() + " " + answer.body();
            switch (answer.status()) {
                case 201 -> {
                    var amount = answer.text("amount");
                    if (!t.key().equals(answer.text("memo"))
                            || amount == null
                            || new BigDecimal(amount).compareTo(t.amount()) != 0) {
                        violations.add("transfer " + t.key() + " acknowledged with another body: " + answer.body());
                    }
                    return Outcome.APPLIED;
                }
                case 409 -> {
                    if ("INSUFFICIENT_BALANCE".equals(answer.code())) {
                        return Outcome.REFUSED;
                    }
                    if (!"IDEMPOTENCY_REQUEST_IN_PROGRESS".equals(answer.code())) {
                        violations.add("transfer " + t.key() + " refused unexpectedly: " + answer.body());
                        return Outcome.UNKNOWN;
                    }
                    // the first request with this key is still being answered: ask again
                }
                case 429, 500, 502, 503, 504 -> {
                    // still in progress, busy, outcome unknown, or the database gone: retry with the key
                }
                default -> {
                    violations.add("transfer " + t.key() + " answered " + answer.status() + ": " + answer.body());
                    return Outcome.UNKNOWN;
                }
            }
        }
        return Outcome.UNKNOWN;
    }

    private void read() {
        while (!stopping) {
            var all = targets.get();
            var api = all.get(ThreadLocalRandom.current().nextInt(all.size()));
            try {
                var read = snapshot(api);
                if (read == null) {
                    readsFailed.incrementAndGet();
                    pause(50);
                    continue;
                }
                readsDone.incrementAndGet();
                checkRead(read, "read");
                if (reads.size() < 50_000) {
                    reads.add(read);
                }
            } catch (RuntimeException noAnswer) {
                readsFailed.incrementAndGet();
                pause(50);
            }
        }
    }

    /** One snapshot read of every account, or null if the service answered with an error. */
    Read snapshot(Api api) {
        var query = accounts.stream().map(a -> "entityId=" + a).collect(Collectors.joining("&"));
        var answer = api.get("/api/tokens/balance-snapshot?" + query, Api.adminToken());
        if (answer.status() != 200) {
            if (answer.status() < 500) {
                violations.add("snapshot read answered " + answer.status() + ": " + answer.body());
            }
            return null;
        }
        var totals = new TreeMap<String, BigDecimal>();
        var balances = answer.json().get("balances");
        for (int i = 0; i < balances.size(); i++) {
            var b = balances.get(i);
            var symbol = b.get("symbol").asString();
            if (!tokens.contains(symbol)) {
                continue;
            }
            var available = new BigDecimal(b.get("available").asString());
            var locked = new BigDecimal(b.get("locked").asString());
            if (available.signum() < 0 || locked.signum() < 0) {
                violations.add("negative balance in a read: " + b);
            }
            totals.put(b.get("entityId").asString() + "/" + symbol, available.add(locked));
        }
        return new Read(answer.json().get("sequence").asLong(), totals);
    }

    private void checkRead(Read read, String what) {
        for (var token : tokens) {
            var sum = read.totals().entrySet().stream()
                    .filter(e -> e.getKey().endsWith("/" + token))
                    .map(Map.Entry::getValue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(expectedTotal()) != 0) {
                violations.add(what + " at sequence " + read.sequence() + ": " + token + " sums to " + sum + ", not "
                        + expectedTotal());
            }
        }
    }

    /**
     * After the run: settles what was left unanswered, reads the accounts' whole history through the
     * API, and checks it against every outcome and every read. Returns the violations found.
     */
    List<String> verify(Api api) {
        for (var e : outcomes.entrySet()) {
            if (e.getValue() == Outcome.UNKNOWN) {
                abandon = false;
                e.setValue(settle(attempts.get(e.getKey())));
            }
        }
        var history = history(api);
        var byMemo = history.stream().filter(h -> h.memo() != null).collect(Collectors.groupingBy(HistoryEntry::memo));
        for (var e : byMemo.entrySet()) {
            if (e.getValue().size() > 1) {
                violations.add("applied " + e.getValue().size() + " times: " + e.getKey());
            }
        }
        for (var t : attempts.values()) {
            var found = byMemo.getOrDefault(t.key(), List.of());
            var outcome = outcomes.get(t.key());
            if (outcome == Outcome.APPLIED && found.size() != 1) {
                violations.add("acknowledged transfer " + t.key() + " is in the history " + found.size() + " times");
            }
            if (outcome == Outcome.REFUSED && !found.isEmpty()) {
                violations.add("refused transfer " + t.key() + " is in the history");
            }
            if (outcome == Outcome.UNKNOWN) {
                violations.add("transfer " + t.key() + " never got an answer, even when retried after the run");
            }
            for (var h : found) {
                if (!h.type().equals("TRANSFER")
                        || !h.from().equals(t.from())
                        || !h.to().equals(t.to())
                        || !h.symbol().equals(t.token())
                        || h.amount().compareTo(t.amount()) != 0) {
                    violations.add("transfer " + t.key() + " recorded as " + h);
                }
            }
        }
        // Replay the history in sequence order; every read must equal the replay at its sequence.
        var sortedReads = new ArrayList<>(reads);
        sortedReads.sort(java.util.Comparator.comparingLong(Read::sequence));
        var state = new HashMap<String, BigDecimal>();
        int next = 0;
        int readsChecked = 0;
        for (var read : sortedReads) {
            while (next < history.size() && history.get(next).sequence() <= read.sequence()) {
                apply(state, history.get(next++));
            }
            compare(state, read, "read at sequence " + read.sequence());
            readsChecked++;
        }
        while (next < history.size()) {
            apply(state, history.get(next++));
        }
        var last = snapshot(api);
        if (last == null) {
            violations.add("the final snapshot read failed");
        } else {
            checkRead(last, "final read");
            compare(state, last, "final balances");
        }
        historyLength = history.size();
        replayedReads = readsChecked;
        return List.copyOf(violations);
    }

    private int historyLength;
    private int replayedReads;

    private void apply(Map<String, BigDecimal> state, HistoryEntry h) {
        if (!h.type().equals("TRANSFER")) {
            violations.add("unexpected " + h.type() + " in the accounts' history: " + h);
            return;
        }
        if (accounts.contains(h.from())) {
            state.merge(h.from() + "/" + h.symbol(), h.amount().negate(), BigDecimal::add);
        }
        if (accounts.contains(h.to())) {
            state.merge(h.to() + "/" + h.symbol(), h.amount(), BigDecimal::add);
        }
    }

    private void compare(Map<String, BigDecimal> replayed, Read read, String what) {
        for (var e : read.totals().entrySet()) {
            var expected = replayed.getOrDefault(e.getKey(), BigDecimal.ZERO);
            if (expected.compareTo(e.getValue()) != 0) {
                violations.add(what + ": " + e.getKey() + " is " + e.getValue() + ", the history says " + expected);
            }
        }
    }

    /** Every transaction of the accounts, once each, in sequence order. */
    private List<HistoryEntry> history(Api api) {
        var bySequence = new TreeMap<Long, HistoryEntry>();
        for (var account : accounts) {
            String cursor = null;
            do {
                var answer = api.get(
                        "/api/tokens/transactions/" + account + "?limit=100"
                                + (cursor == null ? "" : "&cursor=" + cursor),
                        Api.adminToken());
                if (answer.status() != 200) {
                    throw new IllegalStateException("history of " + account + " answered " + answer.body());
                }
                var items = answer.json().get("items");
                for (int i = 0; i < items.size(); i++) {
                    var t = items.get(i);
                    var memo = t.get("memo");
                    var from = t.get("fromEntityId");
                    var to = t.get("toEntityId");
                    bySequence.put(
                            t.get("sequence").asLong(),
                            new HistoryEntry(
                                    t.get("sequence").asLong(),
                                    t.get("type").asString(),
                                    t.get("symbol").asString(),
                                    from == null || from.isNull() ? null : from.asString(),
                                    to == null || to.isNull() ? null : to.asString(),
                                    new BigDecimal(t.get("amount").asString()),
                                    memo == null || memo.isNull() ? null : memo.asString()));
                }
                var nextCursor = answer.json().get("nextCursor");
                cursor = nextCursor == null || nextCursor.isNull() ? null : nextCursor.asString();
            } while (cursor != null);
        }
        return new ArrayList<>(bySequence.values());
    }

    long applied() {
        return outcomes.values().stream().filter(o -> o == Outcome.APPLIED).count();
    }

    long refused() {
        return outcomes.values().stream().filter(o -> o == Outcome.REFUSED).count();
    }

    /** What was tried and what was found, for the suite's output and docs/RELIABILITY.md. */
    String report() {
        var secs = Math.max(1, ran.toMillis()) / 1000.0;
        return String.format(
                java.util.Locale.ROOT,
                """
                bank workload: %d accounts x %s, ran %.1f s
                  transfers attempted %d (%.0f/s): applied %d, refused (insufficient balance) %d, retries %d
                  answers seen: %s
                  snapshot reads %d (%.0f/s), failed (no answer or 5xx) %d, replayed against the history %d
                  history entries read back %d
                  violations %d%s""",
                accounts.size(),
                tokens,
                secs,
                attempts.size(),
                attempts.size() / secs,
                applied(),
                refused(),
                retries.get(),
                new TreeMap<>(answers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue()
                        .get()))),
                readsDone.get(),
                readsDone.get() / secs,
                readsFailed.get(),
                replayedReads,
                historyLength,
                violations.size(),
                violations.isEmpty()
                        ? ""
                        : "\n    " + String.join("\n    ", violations.subList(0, Math.min(20, violations.size()))));
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, a -> new AtomicLong()).incrementAndGet();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // a client's back-off before it retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
