package io.bta.tokenomics.audit;

/**
 * The head of one {@link SealedHistory} as a block committed to it: its name, last sequence and
 * hash (lowercase hex).
 */
public record HistoryHead(String name, long sequence, String hash) {}
