package io.bta.tokenomics.shared;

import java.util.regex.Pattern;

/**
 * An entity of the platform (a company, a person, a service, the treasury): an opaque id issued
 * elsewhere, 1 to 128 characters of letters, digits and {@code ._:-@}, other than {@code .} and
 * {@code ..}: an entity must be addressable in a path ({@code /api/tokens/balances/{entityId}}),
 * and those two are path segments that clients and servers normalise away.
 */
public record EntityId(String value) implements Comparable<EntityId> {

    /** What an entity id is, in the words of every refusal. */
    public static final String RULE = "1 to 128 characters of letters, digits and ._:-@, other than . and ..";

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    public EntityId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("entity id must be " + RULE);
        }
    }

    public static EntityId of(String value) {
        return new EntityId(value);
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches() && !value.equals(".") && !value.equals("..");
    }

    @Override
    public int compareTo(EntityId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
