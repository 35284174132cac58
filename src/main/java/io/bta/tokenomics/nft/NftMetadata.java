package io.bta.tokenomics.nft;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A token's metadata in the shape of the ERC-721 metadata JSON schema (and OpenSea's
 * {@code attributes}), which NFT tools read from the URI a {@code tokenURI} points at: a name
 * (1–200 characters), an optional description (at most 2,000), an optional image (an {@code https:}
 * or {@code ipfs:} URI, at most 2,000), and at most 50 attributes, each a trait type (1–100
 * characters) and a value that is a string (at most 200) or a number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NftMetadata(String name, String description, String image, List<Attribute> attributes) {

    /**
     * The metadata in {@code node}, as a client sends it or as it is stored; each field's refusal is
     * the rule's message. Numbers are kept exact (as decimals).
     */
    public static NftMetadata fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("metadata must be an object with a name");
        }
        var attributes = new ArrayList<Attribute>();
        var list = node.get("attributes");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("attributes must be an array of {trait_type, value}");
            }
            for (var a : list) {
                var trait = a.get("trait_type");
                var value = a.get("value");
                if (trait == null || !trait.isString() || value == null) {
                    throw new IllegalArgumentException("each attribute needs a trait_type (a string) and a value");
                }
                Object v = value.isString() ? value.asString() : value.isNumber() ? value.decimalValue() : null;
                if (v == null) {
                    throw new IllegalArgumentException("an attribute's value must be a string or a number");
                }
                attributes.add(new Attribute(trait.asString(), v));
            }
        }
        return new NftMetadata(text(node, "name"), text(node, "description"), text(node, "image"), attributes);
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asString();
    }

    private static final Pattern IMAGE = Pattern.compile("(https://|ipfs://)[^\\s\"<>]{1,1990}");

    /** One trait: {@code value} is a String or a number ({@link java.math.BigDecimal}). */
    public record Attribute(String trait_type, Object value) {

        public Attribute {
            if (trait_type == null || trait_type.isBlank() || trait_type.length() > 100) {
                throw new IllegalArgumentException("an attribute's trait_type must be 1 to 100 characters");
            }
            if (value instanceof String s) {
                if (s.length() > 200) {
                    throw new IllegalArgumentException("an attribute's value must be at most 200 characters");
                }
            } else if (!(value instanceof java.math.BigDecimal)) {
                throw new IllegalArgumentException("an attribute's value must be a string or a number");
            }
        }
    }

    public NftMetadata {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name must be 1 to 200 characters");
        }
        if (description != null && description.length() > 2000) {
            throw new IllegalArgumentException("description must be at most 2,000 characters");
        }
        if (image != null && !IMAGE.matcher(image).matches()) {
            throw new IllegalArgumentException("image must be an https: or ipfs: URI of at most 2,000 characters");
        }
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        if (attributes.size() > 50) {
            throw new IllegalArgumentException("at most 50 attributes");
        }
    }
}
