package io.bta.tokenomics.shared.db;

import java.nio.file.Path;

/** The directory that holds the service's state: the embedded database and the generated JWT secret. */
public record DataDirectory(Path path) {

    public DataDirectory {
        path = path.toAbsolutePath().normalize();
    }

    public Path postgres() {
        return path.resolve("postgres");
    }
}
