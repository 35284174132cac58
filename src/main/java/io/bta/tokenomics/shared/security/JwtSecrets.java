package io.bta.tokenomics.shared.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the HS256 key comes from: the configured secret, or else one generated on first start and
 * kept in the data directory, so that the service and the {@code token} command agree on it.
 * The key is the UTF-8 bytes of the secret string, as the platform's other services sign with it.
 */
public final class JwtSecrets {

    public static final int MIN_BYTES = 32;
    static final String FILE_NAME = "jwt-secret";

    private JwtSecrets() {}

    public static byte[] resolve(String configuredSecret, Path dataDir) {
        if (configuredSecret != null && !configuredSecret.isBlank()) {
            var bytes = configuredSecret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException(
                        "tokenomics.security.jwt-secret must be at least " + MIN_BYTES + " bytes long");
            }
            return bytes;
        }
        return readOrCreate(dataDir.resolve(FILE_NAME)).getBytes(StandardCharsets.UTF_8);
    }

    private static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                var random = new byte[48];
                new SecureRandom().nextBytes(random);
                var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                var tmp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
                try {
                    trySetOwnerOnly(tmp);
                    Files.writeString(tmp, secret + "\n");
                    Files.move(tmp, file); // fails if another process won the race: keep theirs
                } catch (FileAlreadyExistsException e) {
                    // fall through and read the winner's secret
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            var secret = Files.readString(file).strip();
            if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
                throw new IllegalStateException(file + " holds a secret shorter than " + MIN_BYTES + " bytes");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the JWT secret in " + file, e);
        }
    }

    private static void trySetOwnerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own permissions have to do
        }
    }
}
