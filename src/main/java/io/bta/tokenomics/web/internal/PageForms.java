package io.bta.tokenomics.web.internal;

/**
 * The forms of the pages as submitted, kept to fill the form again next to its errors. Public
 * because the templates read them.
 */
public final class PageForms {

    private PageForms() {}

    public record Transfer(String toEntityId, String tokenId, String amount, String memo) {
        static final Transfer EMPTY = new Transfer("", "BTA-UTIL", "", "");
    }
}
