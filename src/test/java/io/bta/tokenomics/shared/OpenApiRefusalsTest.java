package io.bta.tokenomics.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is the API reference: every operation lists the refusals it can answer, each
 * code with an example, and those codes are the service's real ones (read from its sources).
 */
@IntegrationTest
class OpenApiRefusalsTest {

    /**
     * Codes of the modules' {@code <Module>Problems} classes that no operation answers:
     * TOKEN_NOT_CHECKPOINTED, which only governance's tally can meet, always with BTA-GOV. The test
     * fails on a code that is listed here but documented, so this set only shrinks.
     */
    static final Set<String> NOT_YET_DOCUMENTED = Set.of("TOKEN_NOT_CHECKPOINTED");

    private static final Path MAIN = Path.of("src/main/java");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String CODES = "x-problem-codes";

    /** An annotation {@code @Refuses(status = 404, codes = {"A", "B"})} or {@code codes = "A"}. */
    private static final Pattern REFUSES =
            Pattern.compile("@Refuses\\(\\s*status\\s*=\\s*\\d+\\s*,\\s*codes\\s*=\\s*(\\{[^}]*}|\"[^\"]*\")\\s*\\)");

    private static final Pattern CODE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");

    /** The code of a refusal built by a problem factory: {@code Conflict.of("CODE", ...)} or {@code super("CODE", ...)}. */
    private static final Pattern FACTORY_CODE = Pattern.compile(
            "(?:NotFound|Conflict|RuleViolation|Forbidden|Unavailable)\\.of\\(\\s*\"([A-Z_]+)\"|super\\(\\s*\"([A-Z_]+)\"");

    private static final Pattern REFUSES_CODE = Pattern.compile("@Refuses\\(status = \\d+, codes = \"([A-Z_]+)\"\\)");

    @LocalServerPort
    int port;

    @Test
    void everyOperationDocumentsAClientErrorAndAnExampleOfEachCodeItNames() {
        var paths = document().get("paths");
        var operations = 0;
        var failures = new ArrayList<String>();
        for (var path : paths.propertyNames()) {
            if (!path.startsWith("/api/")) {
                continue; // the container's error page (/error) is no operation of the API
            }
            for (var method : paths.get(path).propertyNames()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                operations++;
                var name = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
                var responses = paths.get(path).get(method).get("responses");
                var statuses = responses.propertyNames();
                if (statuses.stream().noneMatch(s -> s.startsWith("4"))) {
                    failures.add(name + " documents no 4xx response");
                }
                for (var status : statuses) {
                    var response = responses.get(status);
                    if (!response.has(CODES)) {
                        continue;
                    }
                    var media = response.path("content").path(PROBLEM_JSON);
                    if (!media.path("schema").path("$ref").asString("").startsWith("#/components/schemas/")) {
                        failures.add(name + " " + status + " has no problem schema");
                    }
                    for (var code : response.get(CODES)) {
                        var example =
                                media.path("examples").path(code.asString()).path("value");
                        if (!code.asString().equals(example.path("code").asString(null))
                                || example.path("status").asInt() != Integer.parseInt(status)
                                || example.path("detail").asString("").isBlank()) {
                            failures.add(name + " " + status + " " + code.asString() + " has no example");
                        }
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(50);
        assertThat(failures).isEmpty();
    }

    @Test
    void theProblemSchemaHasTheMembersOfEveryRefusal() {
        var schemas = document().get("components").get("schemas");
        assertThat(schemas.get("Problem").get("properties").propertyNames())
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "code");
        assertThat(schemas.get("InvalidInputProblem").get("properties").propertyNames())
                .contains("code", "errors");
    }

    @Test
    void everyCodeAnOperationNamesIsOneTheSourcesAnswer() {
        var named = new TreeSet<String>();
        var literals = new TreeSet<String>();
        for (var file : sources()) {
            var text = read(file);
            var refuses = REFUSES.matcher(text);
            while (refuses.find()) {
                var codes = CODE_LITERAL.matcher(refuses.group(1));
                while (codes.find()) {
                    named.add(codes.group(1));
                }
            }
            var name = file.getFileName().toString();
            if (name.equals("Refuses.java")
                    || name.equals("ProblemExamples.java")
                    || name.equals("ProblemResponses.java")) {
                continue; // they name codes; they do not answer them
            }
            var literal = CODE_LITERAL.matcher(REFUSES.matcher(text).replaceAll(""));
            while (literal.find()) {
                literals.add(literal.group(1));
            }
        }
        assertThat(named).as("codes named by @Refuses").hasSizeGreaterThan(20);
        var unknown = new TreeSet<>(named);
        unknown.removeAll(literals);
        assertThat(unknown).as("codes in @Refuses that no source answers").isEmpty();
        var documented = documentedCodes();
        documented.removeAll(literals);
        assertThat(documented).as("documented codes that no source answers").isEmpty();
    }

    @Test
    void everyCodeOfAModulesProblemsIsDocumentedOnAnOperation() {
        var problemCodes = new TreeSet<String>();
        for (var file : sources()) {
            if (!file.getFileName().toString().matches("[A-Z][A-Za-z]*Problems\\.java")
                    || file.getParent().endsWith(Path.of("shared", "error"))) {
                continue;
            }
            var m = FACTORY_CODE.matcher(read(file));
            while (m.find()) {
                problemCodes.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        assertThat(problemCodes)
                .as("codes of the modules' Problems classes")
                .contains("INSUFFICIENT_BALANCE", "UNKNOWN_POOL");
        assertThat(problemCodes).containsAll(NOT_YET_DOCUMENTED);
        var documented = documentedCodes();
        documented.addAll(codesOfControllersOffByDefault());
        var missing = new TreeSet<>(problemCodes);
        missing.removeAll(documented);
        missing.removeAll(NOT_YET_DOCUMENTED);
        assertThat(missing).as("codes no operation documents").isEmpty();
        var stale = new TreeSet<>(NOT_YET_DOCUMENTED);
        stale.retainAll(documented);
        assertThat(stale)
                .as("documented now: remove them from NOT_YET_DOCUMENTED")
                .isEmpty();
    }

    private JsonNode document() {
        var r = new Api(port).get("/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    /**
     * The codes that controllers of a module off by default (the bridge, on with
     * {@code tokenomics.bridge.enabled}) name in their {@code @Refuses}: they are not in this
     * context's document, so their annotations in the source stand for it.
     */
    private static TreeSet<String> codesOfControllersOffByDefault() {
        var codes = new TreeSet<String>();
        for (var file : sources()) {
            var text = read(file);
            if (text.contains("@RestController") && text.contains("@ConditionalOnProperty")) {
                var m = REFUSES_CODE.matcher(text);
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes).as("codes of the bridge's controller").contains("BRIDGE_PAUSED");
        return codes;
    }

    private TreeSet<String> documentedCodes() {
        var codes = new TreeSet<String>();
        var paths = document().get("paths");
        for (var path : paths.propertyNames()) {
            for (var method : paths.get(path).propertyNames()) {
                var responses = paths.get(path).get(method).path("responses");
                for (var status : responses.propertyNames()) {
                    for (var code : responses.get(status).path(CODES)) {
                        codes.add(code.asString());
                    }
                }
            }
        }
        return codes;
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
