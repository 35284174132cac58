package io.bta.tokenomics.auctions;

import java.util.regex.Pattern;

/**
 * An auction of the auction service, by the id that service gives it: 1 to 128 characters of
 * letters, digits and {@code ._:-@}, the same alphabet as entity ids. The first request that names
 * an auction creates it, so the id is checked where it is built.
 */
public record AuctionId(String value) {

    /** The refusal, in the words every client sees. */
    public static final String RULE = "must be 1 to 128 characters of letters, digits and ._:-@";

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    public AuctionId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    public static AuctionId of(String value) {
        return new AuctionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
