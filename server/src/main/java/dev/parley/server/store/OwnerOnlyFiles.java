package dev.parley.server.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and directories Parley creates in its data directory (the SQLite database and its WAL, the
 * history spill file, the self-signed TLS key and certificate): created readable by the server's
 * user only, 0600 and 0700, whatever the process umask, as a umask can only take permissions away.
 * Files that exist already keep theirs. On a file system without POSIX permissions, the defaults.
 */
public final class OwnerOnlyFiles {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?>[] FILE = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    private static final FileAttribute<?>[] DIRECTORY = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
            }
            : new FileAttribute<?>[0];

    private OwnerOnlyFiles() {}

    /** The attributes to create a file with ({@code Files.createFile}, {@code FileChannel.open}). */
    public static FileAttribute<?>[] fileAttributes() {
        return FILE.clone();
    }

    /** Creates {@code directory} and any missing parents, each 0700. */
    public static void createDirectories(Path directory) throws IOException {
        Files.createDirectories(directory, DIRECTORY);
    }

    /** Creates an empty file 0600 unless it exists. */
    public static void createFileIfAbsent(Path file) throws IOException {
        try {
            Files.createFile(file, FILE);
        } catch (FileAlreadyExistsException exists) {
            // kept as it is: the operator may have chosen its permissions
        }
    }
}
