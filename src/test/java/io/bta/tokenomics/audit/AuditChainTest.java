package io.bta.tokenomics.audit;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.nft.NftMetadata;
import io.bta.tokenomics.nft.Nfts;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditChainTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final String ZERO_HASH = "0".repeat(64);

    @LocalServerPort
    int port;

    @Autowired
    Audit audit;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MutableClock clock;

    @Autowired
    Nfts nfts;

    Api api;
    TokenId util;
    EntityId alice;
    EntityId bob;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        util = ledger.resolve("BTA-UTIL");
        alice = EntityId.of("alice-" + UUID.randomUUID());
        bob = EntityId.of("bob-" + UUID.randomUUID());
        // earlier tests' transactions go into blocks of their own, so each test starts on a fresh block
        audit.sealAll();
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
    }

    LedgerTransaction give(EntityId to, String amount, String memo) {
        return ledger.transfer(util, ledger.treasury(), to, Amount.of(amount), memo, ADMIN);
    }

    @Test
    void blocksSealInSequenceOrderAndEachLinksToTheBlockBefore() {
        var first = give(alice, "1", null);
        var sealed = audit.sealAll();
        assertThat(sealed).hasSize(1);
        give(alice, "2", null);
        var third = give(bob, "3", null);
        var next = audit.sealAll();
        assertThat(next).containsExactly(sealed.get(0) + 1);

        var a = audit.block(sealed.get(0));
        var b = audit.block(next.get(0));
        assertThat(a.lastSequence()).isEqualTo(first.sequence());
        assertThat(b.firstSequence()).isEqualTo(a.lastSequence() + 1);
        assertThat(b.lastSequence()).isEqualTo(third.sequence());
        assertThat(b.txCount()).isEqualTo(2);
        assertThat(b.previousHash()).isEqualTo(a.blockHash());
        assertThat(audit.block(1).previousHash()).isEqualTo(ZERO_HASH);

        // every committed transaction is in exactly one block, and the heights have no gap
        var coverage = jdbc.sql(
                        """
                select count(*) = max(sequence) and min(sequence) = 1 from audit_entries
                """)
                .query(Boolean.class)
                .single();
        assertThat(coverage).isTrue();
        assertThat(audit.lastSealedSequence()).isEqualTo(ledger.lastSequence());

        // the API lists newest first and pages with a cursor
        var page = api.get("/api/audit/blocks?limit=1", Api.token(alice.value()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items").get(0).get("height").asLong()).isEqualTo(b.height());
        assertThat(page.json().get("items").get(0).get("previousHash").asString())
                .isEqualTo(a.blockHash());
        var second = api.get("/api/audit/blocks?limit=1&cursor=" + page.text("nextCursor"), Api.token(alice.value()));
        assertThat(second.json().get("items").get(0).get("height").asLong()).isEqualTo(a.height());
        var one = api.get("/api/audit/blocks/" + b.height(), Api.token(alice.value()));
        assertThat(one.text("blockHash")).isEqualTo(b.blockHash());
        assertThat(IndependentVerifier.blockHash(one.json())).isEqualTo(b.blockHash());
        assertThat(one.json().get("anchor").get("status").asString()).isEqualTo("NONE");

        var verify = api.post("/api/audit/verify", Api.adminToken(), null);
        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(verify.json().get("valid").asBoolean()).isTrue();
        assertThat(verify.json().get("checkedFrom").asLong()).isEqualTo(1);
        assertThat(verify.json().get("checkedTo").asLong()).isEqualTo(b.height());
        assertThat(verify.json().get("firstMismatch").isNull()).isTrue();
    }

    @Test
    void aProofChecksWithAnIndependentImplementation() {
        var transactions = new ArrayList<LedgerTransaction>();
        transactions.add(give(alice, "10.5", "first, with ünïcödé"));
        transactions.add(give(alice, "0.000000000000000001", null));
        transactions.add(give(alice, "3", ""));
        transactions.add(ledger.mint(util, alice, Amount.of("7"), "minted", ADMIN));
        transactions.add(ledger.lock(util, alice, Amount.of("2"), null, ADMIN));
        transactions.add(ledger.transfer(util, alice, bob, Amount.of("1.25"), "to bob", alice));
        transactions.add(ledger.burn(util, alice, Amount.of("1"), null, ADMIN));
        var heights = audit.sealAll();
        assertThat(heights).hasSize(1);

        var txHashes = new ArrayList<String>();
        String root = null;
        for (int i = 0; i < transactions.size(); i++) {
            var t = transactions.get(i);
            var proof = api.get("/api/tokens/transactions/" + t.id() + "/proof", Api.token(alice.value()));
            assertThat(proof.status()).as(proof.body()).isEqualTo(200);
            var json = proof.json();
            var tx = json.get("transaction");
            assertThat(tx.get("id").asString()).isEqualTo(t.id().toString());
            assertThat(json.get("encoding").asString()).isEqualTo("bta-ledger-tx-v1");
            // the auditor's own hash of the fields, the path to the root, and the block hash
            var txHash = IndependentVerifier.txHash(tx);
            assertThat(txHash).isEqualTo(json.get("txHash").asString());
            assertThat(json.get("leafIndex").asInt()).isEqualTo(i);
            assertThat(IndependentVerifier.rootFromPath(txHash, json.get("path")))
                    .isEqualTo(json.get("merkleRoot").asString());
            var header = json.get("block");
            assertThat(header.get("merkleRoot").asString())
                    .isEqualTo(json.get("merkleRoot").asString());
            assertThat(IndependentVerifier.blockHash(header))
                    .isEqualTo(json.get("blockHash").asString());
            assertThat(json.get("anchor").isNull()).isTrue();
            txHashes.add(txHash);
            root = json.get("merkleRoot").asString();
        }
        // seven leaves: an odd count at two levels; the root is RFC 6962's
        assertThat(IndependentVerifier.rfc6962Root(txHashes)).isEqualTo(root);

        // the amount is encoded with all 18 decimals
        var proof =
                api.get("/api/tokens/transactions/" + transactions.get(0).id() + "/proof", Api.token(alice.value()));
        assertThat(proof.json().get("transaction").get("amount").asString()).isEqualTo("10.500000000000000000");

        // a proof with a wrong sibling does not reach the root
        var path = proof.json().get("path").deepCopy();
        ((tools.jackson.databind.node.ObjectNode) path.get(0)).put("hash", ZERO_HASH);
        assertThat(IndependentVerifier.rootFromPath(proof.json().get("txHash").asString(), path))
                .isNotEqualTo(proof.json().get("merkleRoot").asString());
    }

    @Test
    void verifyNamesExactlyTheTransactionWhoseStoredAmountWasChanged() {
        for (int i = 0; i < 5; i++) {
            give(alice, Integer.toString(i + 1), null);
        }
        var target = give(bob, "42", "will be rewritten");
        give(alice, "6", null);
        var height = audit.sealAll().get(0);
        var after = give(alice, "7", null);
        var laterHeight = audit.sealAll().get(0);
        assertThat(laterHeight).isEqualTo(height + 1);

        tamper("update ledger_transactions set amount = amount + 1 where id = ?", target.id());
        try {
            var verify = api.post("/api/audit/verify", Api.adminToken(), null);
            assertThat(verify.status()).as(verify.body()).isEqualTo(200);
            assertThat(verify.json().get("valid").asBoolean()).isFalse();
            var mismatch = verify.json().get("firstMismatch");
            assertThat(mismatch.get("blockHeight").asLong()).isEqualTo(height);
            assertThat(mismatch.get("sequence").asLong()).isEqualTo(target.sequence());
            assertThat(mismatch.get("transactionId").asString())
                    .isEqualTo(target.id().toString());
            assertThat(mismatch.get("kind").asString()).isEqualTo("TX_HASH");
            assertThat(verify.json().get("checkedTo").asLong()).isEqualTo(height);

            // the proof still names the sealed hash, which the changed fields no longer give
            var proof = api.get("/api/tokens/transactions/" + target.id() + "/proof", Api.adminToken());
            assertThat(IndependentVerifier.txHash(proof.json().get("transaction")))
                    .isNotEqualTo(proof.json().get("txHash").asString());

            // a range after the changed block is intact
            var later = api.post(
                    "/api/audit/verify", Api.adminToken(), json("fromHeight", laterHeight, "toHeight", laterHeight));
            assertThat(later.json().get("valid").asBoolean()).isTrue();
            assertThat(after.sequence()).isGreaterThan(target.sequence());
        } finally {
            tamper("update ledger_transactions set amount = amount - 1 where id = ?", target.id());
        }
        var repaired = api.post("/api/audit/verify", Api.adminToken(), null);
        assertThat(repaired.json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void verifyFindsARewrittenMemoAndARewrittenBlock() {
        var target = give(alice, "5", "original memo");
        var height = audit.sealAll().get(0);
        tamper("update ledger_transactions set memo = 'changed memo' where id = ?", target.id());
        try {
            var mismatch = audit.verify(height, height).firstMismatch();
            assertThat(mismatch.transactionId()).isEqualTo(target.id());
            assertThat(mismatch.kind()).isEqualTo(Verification.Kind.TX_HASH);
        } finally {
            tamper("update ledger_transactions set memo = 'original memo' where id = ?", target.id());
        }
        // the audit tables are append-only too; past their triggers, the links give it away
        var original = jdbc.sql("select merkle_root from audit_blocks where height = ?")
                .param(height)
                .query(byte[].class)
                .single();
        tamper("update audit_blocks set merkle_root = sha256(merkle_root) where height = ?", height);
        try {
            var mismatch = audit.verify(height, height).firstMismatch();
            assertThat(mismatch.blockHeight()).isEqualTo(height);
            assertThat(mismatch.kind()).isEqualTo(Verification.Kind.MERKLE_ROOT);
        } finally {
            tamper("update audit_blocks set merkle_root = ? where height = ?", original, height);
        }
        assertThat(audit.verify(null, null).valid()).isTrue();
    }

    @Test
    void anotherTransactionAtASealedSequenceIsATxHashMismatchAndItsHashStillFindsTheSequence() {
        var target = give(alice, "5", null);
        var height = audit.sealAll().get(0);
        var replacement = UUID.randomUUID();
        tamper("update ledger_transactions set id = ? where id = ?", replacement, target.id());
        try {
            var mismatch = audit.verify(height, height).firstMismatch();
            assertThat(mismatch.kind()).isEqualTo(Verification.Kind.TX_HASH);
            assertThat(mismatch.sequence()).isEqualTo(target.sequence());
            assertThat(mismatch.transactionId()).isEqualTo(replacement);
            assertThat(mismatch.expected()).isEqualTo(target.txHash().hex());
            // the sealed hash leads to the sequence it was sealed at, whatever sits there now
            assertThat(audit.transaction(target.txHash()).map(LedgerTransaction::id))
                    .contains(replacement);
        } finally {
            tamper("update ledger_transactions set id = ? where id = ?", target.id(), replacement);
        }
        assertThat(audit.verify(height, height).valid()).isTrue();
    }

    @Test
    void aBlockCommitsToTheNftHistoryHeadAndVerifyFindsARewrittenTokenPast() {
        var symbol = "AUDIT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        nfts.createCollection(symbol, "Audited", false, null);
        var minted = nfts.mint(symbol, alice, new NftMetadata("Audited", null, null, java.util.List.of()), ADMIN);
        nfts.transfer(symbol, minted.tokenNumber(), bob, alice);
        var head = jdbc.sql("select last_sequence, last_hash from nft_history_head")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        give(alice, "1", null); // a block needs a ledger transaction
        var height = audit.sealAll().get(0);

        var block = api.get("/api/audit/blocks/" + height, Api.token(alice.value()));
        assertThat(block.json().get("headerVersion").asInt()).isEqualTo(2);
        var histories = block.json().get("histories");
        assertThat(histories).hasSize(1);
        assertThat(histories.get(0).get("name").asString()).isEqualTo("nft");
        assertThat(histories.get(0).get("sequence").asLong()).isEqualTo((Long) head[0]);
        assertThat(histories.get(0).get("hash").asString()).isEqualTo((String) head[1]);
        // an auditor's own hash of the version 2 header, from the documentation
        assertThat(IndependentVerifier.blockHash(block.json())).isEqualTo(block.text("blockHash"));
        var otherHead = ((tools.jackson.databind.node.ObjectNode) block.json().deepCopy());
        ((tools.jackson.databind.node.ObjectNode) otherHead.get("histories").get(0))
                .put("sequence", (Long) head[0] - 1);
        assertThat(IndependentVerifier.blockHash(otherHead)).isNotEqualTo(block.text("blockHash"));
        assertThat(audit.verify(height, height).valid()).isTrue();

        // the token's past rewritten behind the history's trigger: the block no longer verifies
        long transfer = (Long) head[0];
        tamper("update nft_history set to_id = 'mallory' where sequence = ?", transfer);
        try {
            var mismatch = audit.verify(height, height).firstMismatch();
            assertThat(mismatch).isNotNull();
            assertThat(mismatch.kind()).isEqualTo(Verification.Kind.HISTORY);
            assertThat(mismatch.sequence()).isEqualTo(transfer);
            assertThat(mismatch.expected()).isEqualTo("nft " + transfer + " " + head[1]);
            assertThat(mismatch.actual()).isNull();
        } finally {
            tamper("update nft_history set to_id = ? where sequence = ?", bob.value(), transfer);
        }
        assertThat(audit.verify(height, height).valid()).isTrue();
    }

    @Test
    void sealedHistoryCannotBeChanged() {
        give(alice, "1", null);
        var height = audit.sealAll().get(0);
        var block = jdbc.sql("select first_sequence, last_sequence from audit_blocks where height = ?")
                .param(height)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        assertThatThrownBy(() -> jdbc.sql("update audit_entries set tx_hash = tx_hash where sequence = ?")
                        .param(block[0])
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        // entries go in one sealed block at a time, its whole range: none beside, none beyond
        assertThatThrownBy(() -> jdbc.sql("insert into audit_entries (sequence, tx_hash) values (?, sha256('x'))")
                        .param(block[1] + 1_000_000)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("not the whole range of one sealed block");
        assertThatThrownBy(() -> jdbc.sql("update audit_blocks set block_hash = sha256(block_hash) where height = ?")
                        .param(height)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_blocks where height = ?")
                        .param(height)
                        .update())
                .isInstanceOf(DataAccessException.class);
        // the anchor columns may change
        assertThat(jdbc.sql("update audit_blocks set last_error = last_error where height = ?")
                        .param(height)
                        .update())
                .isEqualTo(1);
    }

    @Test
    void aPartialBlockWaitsForMaxBlockAgeAndAFullBlockDoesNot() {
        var lone = give(alice, "1", null);
        assertThat(audit.seal()).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        var sealed = audit.seal();
        assertThat(sealed).hasSize(1);
        assertThat(audit.block(sealed.get(0)).lastSequence()).isEqualTo(lone.sequence());

        // a full block (1000, the default size) is sealed at once; the one left over waits
        var operations = new ArrayList<LedgerOperation>();
        for (int i = 0; i < 1001; i++) {
            operations.add(new LedgerOperation.Transfer(util, ledger.treasury(), bob, Amount.of(1), null, ADMIN));
        }
        ledger.applyAllOrNothing(operations);
        var full = audit.seal();
        assertThat(full).hasSize(1);
        assertThat(audit.block(full.get(0)).txCount()).isEqualTo(1000);
        assertThat(audit.lastSealedSequence()).isEqualTo(ledger.lastSequence() - 1);
    }

    @Test
    void aSealerThatFindsTheHeadTakenSealsNothingAndConcurrentSealersNeverSealTwice() throws Exception {
        give(alice, "1", null);
        var before = audit.lastSealedSequence();
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var executor = Executors.newFixedThreadPool(4);
        try {
            // another instance, as far as the database can tell: it holds the chain's head row
            Future<?> holder =
                    executor.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
                        jdbc.sql("select last_height from audit_chain_head for update")
                                .query(Long.class)
                                .single();
                        held.countDown();
                        await(release);
                    }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(audit.sealAll()).isEmpty();
            assertThat(audit.lastSealedSequence()).isEqualTo(before);
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);

            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 20; i++) {
                    give(bob, "1", null);
                }
                var start = new CountDownLatch(1);
                var results = new ArrayList<Future<List<Long>>>();
                for (int i = 0; i < 4; i++) {
                    results.add(executor.submit(() -> {
                        await(start);
                        return audit.sealAll();
                    }));
                }
                start.countDown();
                var heights = new ArrayList<Long>();
                for (var r : results) {
                    heights.addAll(r.get(30, TimeUnit.SECONDS));
                }
                assertThat(new HashSet<>(heights)).hasSameSizeAs(heights);
                audit.sealAll(); // a sealer that lost the race leaves the rest for the next pass
            }
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
        assertThat(audit.lastSealedSequence()).isEqualTo(ledger.lastSequence());
        var overlaps = jdbc.sql(
                        """
                select count(*) from audit_blocks a join audit_blocks b on a.height < b.height
                where a.last_sequence >= b.first_sequence
                """)
                .query(Long.class)
                .single();
        assertThat(overlaps).isZero();
        assertThat(audit.verify(null, null).valid()).isTrue();
    }

    @Test
    void theDatabaseRefusesASecondBlockForTheSameHeightOrRange() {
        give(alice, "1", null);
        give(alice, "2", null);
        var height = audit.sealAll().get(0);
        var block = audit.block(height);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            status.setRollbackOnly();
            assertThatThrownBy(() -> insertBlock(height, block.firstSequence(), block.lastSequence() + 1000))
                    .isInstanceOf(DataAccessException.class);
        });
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            status.setRollbackOnly();
            // a new height over a range that overlaps a sealed one (and shares neither of its ends)
            assertThatThrownBy(() -> insertBlock(height + 1, block.firstSequence() + 1, block.lastSequence() + 1000))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("ranges_do_not_overlap");
        });
    }

    @Test
    void aProofBeforeSealingIsAConflictThatSaysSo() {
        var t = give(alice, "1", null);
        var early = api.get("/api/tokens/transactions/" + t.id() + "/proof", Api.token(alice.value()));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.isProblem()).isTrue();
        assertThat(early.code()).isEqualTo("NOT_YET_SEALED");
        assertThat(early.json().get("sequence").asLong()).isEqualTo(t.sequence());
        audit.sealAll();
        assertThat(api.get("/api/tokens/transactions/" + t.id() + "/proof", Api.token(alice.value()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyAPartyOrAnAdminReadsAProofAndTheLedgersHistoryRouteIsUntouched() {
        var t = give(alice, "1", null);
        audit.sealAll();
        var path = "/api/tokens/transactions/" + t.id() + "/proof";
        assertThat(api.get(path, Api.token(alice.value())).status()).isEqualTo(200);
        var other = api.get(path, Api.token(bob.value()));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("NOT_A_PARTY");
        assertThat(api.get(path, Api.adminToken()).status()).isEqualTo(200);
        assertThat(api.get(path, null).status()).isEqualTo(401);

        // one segment shorter: still the ledger's history of an entity
        var history = api.get("/api/tokens/transactions/" + alice.value(), Api.token(alice.value()));
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("items").get(0).get("id").asString()).isEqualTo(t.id().toString());

        var unknown = api.get("/api/tokens/transactions/" + UUID.randomUUID() + "/proof", Api.adminToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_TRANSACTION");
        var malformed = api.get("/api/tokens/transactions/not-a-uuid/proof", Api.adminToken());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("INVALID_INPUT");
    }

    @Test
    void verifyIsForAdminsAndRefusesABadRange() {
        give(alice, "1", null);
        var last = audit.sealAll().get(0);
        var user = api.post("/api/audit/verify", Api.token(alice.value()), null);
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.isProblem()).isTrue();

        for (var body : List.of(
                json("fromHeight", 0),
                json("fromHeight", 2, "toHeight", 1),
                json("toHeight", last + 1),
                json("fromHeight", last + 1),
                json("fromHeight", "x"),
                json("height", 1))) {
            var r = api.post("/api/audit/verify", Api.adminToken(), body);
            assertThat(r.status()).as(body + " " + r.body()).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
        }
        var ok = api.post("/api/audit/verify", Api.adminToken(), json("fromHeight", last, "toHeight", last));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("checkedFrom").asLong()).isEqualTo(last);

        assertThat(api.get("/api/audit/blocks?limit=0", Api.adminToken()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/audit/blocks?cursor=!!!", Api.adminToken()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/audit/blocks/abc", Api.adminToken()).status()).isEqualTo(400);
        var missing = api.get("/api/audit/blocks/" + (last + 100), Api.adminToken());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("UNKNOWN_BLOCK");
    }

    private void insertBlock(long height, long first, long last) {
        jdbc.sql(
                        """
                insert into audit_blocks (height, first_sequence, last_sequence, tx_count, merkle_root,
                                          previous_hash, block_hash, sealed_at)
                values (?, ?, ?, ?, sha256('r'::bytea), sha256('p'::bytea), sha256(random()::text::bytea), now())
                """)
                .param(height)
                .param(first)
                .param(last)
                .param((int) (last - first + 1))
                .update();
    }

    /** Changes the ledger's history behind its append-only triggers, in one transaction. */
    private void tamper(String sql, Object... params) {
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            var statement = jdbc.sql(sql);
            for (var p : params) {
                statement = statement.param(p);
            }
            assertThat(statement.update()).isEqualTo(1);
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
