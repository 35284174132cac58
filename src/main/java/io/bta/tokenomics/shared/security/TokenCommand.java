package io.bta.tokenomics.shared.security;

import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.NumberText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code token --sub alice [--roles ADMIN,SERVICE] [--ttl 8h] [--data-dir ./data]}: prints a token
 * signed with the service's secret, read from the same settings as the service
 * ({@code TOKENOMICS_SECURITY_JWT_SECRET} or {@code --tokenomics.security.jwt-secret=...}, else the
 * secret in the data directory: {@code --data-dir <dir>}, the service's own
 * {@code --tokenomics.data-dir=<dir>}, or {@code TOKENOMICS_DATA_DIR}, default {@code ./data}), on a
 * line of its own.
 */
public final class TokenCommand {

    private TokenCommand() {}

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String sub = null;
        List<String> roles = new ArrayList<>();
        var ttl = Duration.ofHours(8);
        String secret = setting("tokenomics.security.jwt-secret", "TOKENOMICS_SECURITY_JWT_SECRET", env, null);
        String dataDir = setting("tokenomics.data-dir", "TOKENOMICS_DATA_DIR", env, "./data");
        try {
            for (int i = 1; i < args.length; i++) {
                var arg = args[i];
                if (arg.startsWith("--tokenomics.security.jwt-secret=")) {
                    secret = arg.substring(arg.indexOf('=') + 1);
                } else if (arg.startsWith("--tokenomics.data-dir=") || arg.startsWith("--data-dir=")) {
                    dataDir = arg.substring(arg.indexOf('=') + 1);
                } else if (arg.equals("--data-dir") && i + 1 < args.length) {
                    dataDir = args[++i];
                } else if (arg.equals("--sub") && i + 1 < args.length) {
                    sub = args[++i];
                } else if (arg.equals("--roles") && i + 1 < args.length) {
                    Arrays.stream(args[++i].split(","))
                            .map(String::strip)
                            .filter(r -> !r.isEmpty())
                            .map(r -> r.toUpperCase(Locale.ROOT))
                            .forEach(roles::add);
                } else if (arg.equals("--ttl") && i + 1 < args.length) {
                    ttl = parseDuration(args[++i]);
                } else if (List.of("--sub", "--roles", "--ttl", "--data-dir").contains(arg)) {
                    return usage(err, arg + " needs a value");
                } else {
                    return usage(err, "unknown argument: " + arg);
                }
            }
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (!EntityId.isValid(sub)) {
            return usage(err, "--sub must be an entity id: " + EntityId.RULE);
        }
        var key = JwtSecrets.resolve(secret, Path.of(dataDir));
        out.println(new TokenIssuer(key).issue(sub, roles, Instant.now(), ttl));
        return 0;
    }

    private static String setting(String property, String envName, Map<String, String> env, String fallback) {
        var fromProperty = System.getProperty(property);
        if (fromProperty != null) {
            return fromProperty;
        }
        var fromEnv = env.get(envName);
        return fromEnv != null ? fromEnv : fallback;
    }

    private static Duration parseDuration(String text) {
        var t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("d")) {
                return Duration.ofDays(NumberText.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("h")) {
                return Duration.ofHours(NumberText.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(NumberText.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.parse(text);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl must look like 30m, 8h or 7d");
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: token --sub <entity id> [--roles ADMIN,SERVICE] [--ttl 8h] [--data-dir <dir>]");
        err.println("  --data-dir <dir>  the service's data directory, whose jwt-secret signs the token"
                + " (default: TOKENOMICS_DATA_DIR, else ./data; --tokenomics.data-dir=<dir> also works)");
        return 2;
    }
}
