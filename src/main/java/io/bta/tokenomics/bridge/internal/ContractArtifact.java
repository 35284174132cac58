package io.bta.tokenomics.bridge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.web3j.crypto.Hash;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One compiled contract as {@code contracts/compile.js} writes it under {@code contracts/} on the
 * classpath: its creation bytecode and what its ABI names, as canonical signatures
 * ({@code withdraw(address,address,uint256,bytes32)}), which is what selectors and event topics
 * are hashed from.
 *
 * @param errorsBySelector each custom error's signature by its 4-byte selector ({@code 0x} + 8 hex digits)
 */
public record ContractArtifact(
        String contractName,
        String compiler,
        String sourcesSha256,
        String bytecode,
        Set<String> functions,
        Set<String> events,
        Map<String, String> errorsBySelector) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ContractArtifact {
        if (bytecode == null || !bytecode.matches("0x([0-9a-f]{2})+")) {
            throw new IllegalArgumentException(contractName + ": the artifact has no creation bytecode");
        }
        functions = Set.copyOf(functions);
        events = Set.copyOf(events);
        errorsBySelector = Map.copyOf(errorsBySelector);
    }

    /** Reads {@code contracts/<name>.json} from the classpath. */
    public static ContractArtifact load(String name) {
        var resource = "contracts/" + name + ".json";
        try (InputStream in = ContractArtifact.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath: run contracts/compile.js");
            }
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static ContractArtifact parse(JsonNode json) {
        var functions = new LinkedHashSet<String>();
        var events = new LinkedHashSet<String>();
        var errors = new LinkedHashMap<String, String>();
        for (var entry : json.get("abi")) {
            var type = entry.get("type").asString();
            if (!entry.has("name")) {
                continue; // the constructor
            }
            var signature = signature(entry);
            switch (type) {
                case "function" -> functions.add(signature);
                case "event" -> events.add(signature);
                case "error" -> errors.put(selector(signature), signature);
                default -> {}
            }
        }
        return new ContractArtifact(
                json.get("contractName").asString(),
                json.get("compiler").asString(),
                json.get("sourcesSha256").asString(),
                json.get("bytecode").asString(),
                functions,
                events,
                errors);
    }

    /** The 4-byte selector of a function or error signature: {@code 0x} + 8 hex digits. */
    public static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    /** The custom error a revert's data starts with, if this contract declares it. */
    public Optional<String> error(String revertData) {
        if (revertData == null || revertData.length() < 10) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                errorsBySelector.get(revertData.substring(0, 10).toLowerCase(Locale.ROOT)));
    }

    private static String signature(JsonNode entry) {
        return entry.get("name").asString() + types(entry.get("inputs"));
    }

    /** {@code (t1,t2,…)} with tuples spelled out, as the ABI hashes them. */
    private static String types(JsonNode params) {
        List<String> types = new ArrayList<>();
        for (var p : params) {
            var type = p.get("type").asString();
            if (type.startsWith("tuple")) {
                type = types(p.get("components")) + type.substring("tuple".length());
            }
            types.add(type);
        }
        return "(" + String.join(",", types) + ")";
    }
}
