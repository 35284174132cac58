package io.bta.tokenomics.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The txHash as the ledger derives it. The expected hashes were computed outside Java from the
 * documented encoding (length-prefixed UTF-8 fields, 0xFFFFFFFF for an absent one), and equal what
 * the audit chain's sealer computed before the encoding moved into the ledger: they pin the
 * {@code bta-ledger-tx-v1} bytes, which every sealed block and offline verifier depends on.
 */
class TxHashTest {

    static final TokenId UTIL = new TokenId(UUID.fromString("0190f5d2-0000-7000-8000-000000000001"));
    static final Instant NOON_AND_A_BIT = Instant.parse("2026-01-31T12:00:00.123456Z");

    static final LedgerTransaction RENT = new LedgerTransaction(
            UUID.fromString("0190f5d2-8b1e-7c3a-9f00-123456789abc"),
            42,
            TransactionType.TRANSFER,
            UTIL,
            "BTA-UTIL",
            EntityId.of("alice"),
            EntityId.of("bob"),
            Amount.of("12.5"),
            "rent, ünïcödé",
            EntityId.of("alice"),
            NOON_AND_A_BIT);

    static final LedgerTransaction SMALLEST_MINT = new LedgerTransaction(
            UUID.fromString("0190f5d2-8b1e-7c3a-9f00-123456789abd"),
            43,
            TransactionType.MINT,
            UTIL,
            "BTA-UTIL",
            null,
            EntityId.of("bob"),
            Amount.of("0.000000000000000001"),
            null,
            EntityId.of("admin"),
            NOON_AND_A_BIT);

    static final String RENT_HASH = "3caab8be8ea6dd2347427439778cc030cf654ac8eb4aaee8f7654ca7923faae4";
    static final String SMALLEST_MINT_HASH = "9ae56edb5e69694bb2e894d1e2c76a0c8f3c09e93bfe5ecb666836da8b8e7500";
    static final String SMALLEST_MINT_EMPTY_MEMO_HASH =
            "75418c22309d1d66e298982306f6c99b8e79fc8e561b8f59157147faf6ead7a9";

    @Test
    void theHashIsSha256OfTheDocumentedEncoding() {
        assertThat(RENT.txHash().hex()).isEqualTo(RENT_HASH);
        assertThat(TransactionEncoding.encode(RENT)).hasSize(209);
        assertThat(SMALLEST_MINT.txHash().hex()).isEqualTo(SMALLEST_MINT_HASH);
    }

    @Test
    void anAbsentMemoHashesDifferentlyFromAnEmptyOne() {
        var emptyMemo = new LedgerTransaction(
                SMALLEST_MINT.id(),
                SMALLEST_MINT.sequence(),
                SMALLEST_MINT.type(),
                SMALLEST_MINT.tokenId(),
                SMALLEST_MINT.symbol(),
                SMALLEST_MINT.fromEntityId(),
                SMALLEST_MINT.toEntityId(),
                SMALLEST_MINT.amount(),
                "",
                SMALLEST_MINT.actor(),
                SMALLEST_MINT.createdAt());
        assertThat(emptyMemo.txHash().hex()).isEqualTo(SMALLEST_MINT_EMPTY_MEMO_HASH);
    }

    @Test
    void theSymbolIsNotHashed() {
        var renamed = new LedgerTransaction(
                RENT.id(),
                RENT.sequence(),
                RENT.type(),
                RENT.tokenId(),
                "OTHER",
                RENT.fromEntityId(),
                RENT.toEntityId(),
                RENT.amount(),
                RENT.memo(),
                RENT.actor(),
                RENT.createdAt());
        assertThat(renamed.txHash()).isEqualTo(RENT.txHash());
    }

    @Test
    void aClientMayWriteEitherCaseAndGetsTheLowercaseHash() {
        assertThat(TxHash.parse(RENT_HASH.toUpperCase())).isEqualTo(RENT.txHash());
        assertThat(TxHash.parse(RENT_HASH).bytes()).hasSize(32);
        assertThat(TxHash.of(TxHash.parse(RENT_HASH).bytes())).isEqualTo(RENT.txHash());
    }

    @Test
    void anythingButSixtyFourHexDigitsIsRefused() {
        assertThatThrownBy(() -> TxHash.parse("0x" + RENT_HASH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without the 0x prefix");
        for (var wrong : new String[] {
            "", RENT_HASH.substring(1), RENT_HASH + "0", RENT_HASH.substring(1) + "g", " " + RENT_HASH.substring(1)
        }) {
            assertThatThrownBy(() -> TxHash.parse(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("64 hex digits");
        }
        assertThatThrownBy(() -> TxHash.parse(null)).isInstanceOf(IllegalArgumentException.class);
        // the value itself holds only the canonical, lowercase form
        assertThatThrownBy(() -> new TxHash(RENT_HASH.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
    }
}
