package io.bta.tokenomics.shared;

import java.util.regex.Pattern;

/**
 * An entity of the platform (a company, a person, a service, the treasury): an opaque id issued
 * elsewhere, 1 to 128 characters of letters, digits and {@code ._:-@}.
 */
public record EntityId(String value) implements Comparable<EntityId> {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    public EntityId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("entity id must be 1 to 128 characters of letters, digits and ._:-@");
        }
    }

    public static EntityId of(String value) {
        return new EntityId(value);
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
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
