package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.NumberText;
import io.bta.tokenomics.shared.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursors: the position of the last item returned, base64url-encoded so that
 * clients pass it back unchanged rather than build it.
 */
public final class Cursors {

    private Cursors() {}

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("cursor", "is not a cursor returned by this API");
        }
    }

    public static long decodeLong(String cursor) {
        var position = decode(cursor);
        try {
            return NumberText.parseLong(position);
        } catch (NumberFormatException e) {
            throw InvalidInput.field("cursor", "is not a cursor returned by this API");
        }
    }
}
