package dev.parley.server.store.jdbc;

import dev.parley.server.store.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes a copy of the SQLite database a connection is open on, with {@code VACUUM INTO}: one
 * consistent snapshot, even while other connections write. The copy is made in a 0600 file beside
 * the target and moved into place only once complete, so a failed or interrupted backup never
 * leaves a half-written file under the target's name, and never one other users can read.
 */
final class SqliteCopy {

    private SqliteCopy() {}

    /**
     * Copies to {@code target}, replacing it only when {@code replace}; returns the copy's size.
     * Throws {@link java.nio.file.FileAlreadyExistsException} when the target exists and may not be replaced.
     */
    static long write(Connection connection, Path target, boolean replace) throws SQLException, IOException {
        Path absolute = target.toAbsolutePath();
        Path partial = Files.createTempFile(
                absolute.getParent(), "." + absolute.getFileName(), ".partial", OwnerOnlyFiles.fileAttributes());
        try {
            try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, partial.toString());
                vacuum.execute();
            }
            long size = Files.size(partial);
            if (replace) {
                Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(partial, absolute);
            }
            return size;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
