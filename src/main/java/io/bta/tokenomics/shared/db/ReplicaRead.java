package io.bta.tokenomics.shared.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read endpoint that a read replica may serve: it only reads, and a client can accept an
 * answer a little behind the primary unless it asks, with the {@code Ledger-Sequence} header, for
 * at least the sequence its own write produced.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReplicaRead {}
