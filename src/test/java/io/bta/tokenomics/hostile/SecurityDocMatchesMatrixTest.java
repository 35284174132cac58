package io.bta.tokenomics.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.hostile.AuthorizationMatrixTest.Row;
import io.bta.tokenomics.hostile.AuthorizationMatrixTest.Who;
import io.bta.tokenomics.support.ApiCatalog.Endpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The authorization table in {@code docs/SECURITY.md} says the same as {@link AuthorizationMatrixTest#ALL_ROWS}, row
 * by row, without starting the service: the same endpoints, and for each the same rule, scope and answer per kind
 * of caller. The table is the one place the docs say who may call what, so a reader who trusts it must be able to;
 * the matrix test then checks the service against the matrix.
 */
class SecurityDocMatchesMatrixTest {

    static final Path DOC = Path.of("docs/SECURITY.md");

    /** One row of the document's table, cell by cell. */
    record DocRow(String rule, String scope, Map<String, String> answers) {}

    @Test
    void theDocumentHasARowForEveryEndpointOfTheMatrixAndNoOther() throws IOException {
        var doc = readTable();
        var inMatrix = new TreeSet<Endpoint>();
        AuthorizationMatrixTest.ALL_ROWS.forEach(row -> inMatrix.add(row.endpoint()));

        var missing = new TreeSet<>(inMatrix);
        missing.removeAll(doc.keySet());
        var extra = new TreeSet<>(doc.keySet());
        extra.removeAll(inMatrix);
        assertThat(missing)
                .as("endpoints of the authorization matrix without a row in " + DOC)
                .isEmpty();
        assertThat(extra)
                .as("rows of " + DOC + " for endpoints the authorization matrix lacks")
                .isEmpty();
    }

    @Test
    void eachRowOfTheDocumentStatesTheRuleScopeAndAnswersOfTheMatrix() throws IOException {
        var doc = readTable();
        var differences = new ArrayList<String>();
        for (Row row : AuthorizationMatrixTest.ALL_ROWS) {
            var shown = doc.get(row.endpoint());
            if (shown == null) {
                continue; // reported by the other test
            }
            if (!shown.rule().equals(row.rule().label)) {
                differences.add(
                        row.endpoint() + ": rule '" + shown.rule() + "', the matrix says '" + row.rule().label + "'");
            }
            var scope = row.scope() == null ? "" : row.scope();
            if (!shown.scope().equals(scope)) {
                differences.add(row.endpoint() + ": scope '" + shown.scope() + "', the matrix says '" + scope + "'");
            }
            for (var column : shown.answers().entrySet()) {
                var who = callerLabelled(column.getKey());
                var expected = row.rule().expected(who) == 0
                        ? "✓"
                        : String.valueOf(row.rule().expected(who));
                if (!column.getValue().equals(expected)) {
                    differences.add(row.endpoint() + " as " + who.label + ": '" + column.getValue()
                            + "', the matrix says '" + expected + "'");
                }
            }
        }
        assertThat(differences)
                .as("rows of " + DOC + " that differ from the authorization matrix"
                        + " (mvn test -Dtest=AuthorizationMatrixTest -Dauthz.writeDoc=true rewrites the table)")
                .isEmpty();
    }

    /** The table between the markers, by endpoint; fails on a malformed or repeated row. */
    static Map<Endpoint, DocRow> readTable() throws IOException {
        var text = Files.readString(DOC);
        int start = text.indexOf(AuthorizationMatrixTest.DOC_START);
        int end = text.indexOf(AuthorizationMatrixTest.DOC_END);
        assertThat(start)
                .as(DOC + " has the marker " + AuthorizationMatrixTest.DOC_START)
                .isNotNegative();
        assertThat(end)
                .as(DOC + " has the marker " + AuthorizationMatrixTest.DOC_END)
                .isGreaterThan(start);
        var lines = text.substring(start + AuthorizationMatrixTest.DOC_START.length(), end)
                .strip()
                .lines()
                .toList();
        assertThat(lines).as("the table in " + DOC).hasSizeGreaterThan(2);

        var header = cells(lines.get(0));
        assertThat(header.subList(0, 4))
                .as("the first columns of the table")
                .containsExactly("Method", "Path", "Rule", "Scope");
        var callers = header.subList(4, header.size());
        callers.forEach(SecurityDocMatchesMatrixTest::callerLabelled);
        assertThat(callers)
                .as("the callers the table shows")
                .doesNotHaveDuplicates()
                .isNotEmpty();

        var rows = new TreeMap<Endpoint, DocRow>();
        for (var line : lines.subList(2, lines.size())) {
            var cells = cells(line);
            assertThat(cells).as("cells of the row " + line).hasSameSizeAs(header);
            var endpoint = new Endpoint(cells.get(0), unquote(cells.get(1)));
            var answers = new LinkedHashMap<String, String>();
            for (int i = 0; i < callers.size(); i++) {
                answers.put(callers.get(i), cells.get(4 + i));
            }
            var previous = rows.put(endpoint, new DocRow(cells.get(2), unquote(cells.get(3)), answers));
            assertThat(previous).as(endpoint + " appears once in " + DOC).isNull();
        }
        return rows;
    }

    private static List<String> cells(String line) {
        var trimmed = line.strip();
        assertThat(trimmed).as("a table row").startsWith("|").endsWith("|");
        return Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split("\\|", -1))
                .map(String::strip)
                .toList();
    }

    private static String unquote(String cell) {
        return cell.startsWith("`") && cell.endsWith("`") && cell.length() >= 2
                ? cell.substring(1, cell.length() - 1)
                : cell;
    }

    private static Who callerLabelled(String label) {
        return Arrays.stream(Who.values())
                .filter(w -> w.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the table's column '" + label + "' is no kind of caller"));
    }
}
