package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.EntityId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The canonical encoding of a ledger transaction, {@value #VERSION}, whose SHA-256 is its
 * {@code txHash}. Each of the eleven fields below is a UTF-8 string written as a 4-byte big-endian
 * length followed by its bytes; an absent field (no sender, no recipient, no memo) is the length
 * {@code 0xFFFFFFFF} with no bytes, so that it differs from an empty string. In order:
 *
 * <ol>
 *   <li>the version tag {@code bta-ledger-tx-v1}
 *   <li>id: the UUID, lowercase, with dashes
 *   <li>sequence: decimal
 *   <li>type: {@code TRANSFER}, {@code MINT}, {@code BURN}, {@code LOCK} or {@code UNLOCK}
 *   <li>token id: the UUID, lowercase, with dashes
 *   <li>from entity id, or absent
 *   <li>to entity id, or absent
 *   <li>amount: plain decimal with exactly 18 fractional digits ({@code 12.500000000000000000})
 *   <li>memo, or absent
 *   <li>actor: an entity id
 *   <li>created at: microseconds since 1970-01-01T00:00:00Z, decimal
 * </ol>
 *
 * The token's symbol is not part of it: the token id names the token. This text is the contract
 * with every offline verifier; changing it needs a new version tag.
 *
 * <p>It is the ledger's, because it is a function of a transaction's fields alone: the ledger shows
 * the hash in every answer ({@link LedgerTransaction#txHash()}) without storing it, and the audit
 * chain seals and verifies the same bytes (docs/adr/0023-txhash-derived-from-the-canonical-encoding.md).
 */
public final class TransactionEncoding {

    public static final String VERSION = "bta-ledger-tx-v1";

    private static final int ABSENT = 0xFFFFFFFF;

    private TransactionEncoding() {}

    /** The eleven fields, in order, as strings (null for an absent field). */
    public static List<String> fields(LedgerTransaction t) {
        var fields = new ArrayList<String>(11);
        fields.add(VERSION);
        fields.add(t.id().toString());
        fields.add(Long.toString(t.sequence()));
        fields.add(t.type().name());
        fields.add(t.tokenId().value().toString());
        fields.add(valueOf(t.fromEntityId()));
        fields.add(valueOf(t.toEntityId()));
        fields.add(amount(t));
        fields.add(t.memo());
        fields.add(t.actor().value());
        fields.add(Long.toString(micros(t.createdAt())));
        return Collections.unmodifiableList(fields);
    }

    /** The amount as encoded: always 18 fractional digits, never an exponent. */
    public static String amount(LedgerTransaction t) {
        return t.amount().toBigDecimal().toPlainString();
    }

    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    public static byte[] encode(LedgerTransaction t) {
        var out = new ByteArrayOutputStream(256);
        for (var field : fields(t)) {
            if (field == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(ABSENT).array());
            } else {
                var bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    /** SHA-256 of the canonical encoding. */
    public static byte[] txHash(LedgerTransaction t) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(encode(t));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String valueOf(EntityId entity) {
        return entity == null ? null : entity.value();
    }
}
