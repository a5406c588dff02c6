package dev.pianogenie.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    /** What the umask gives any new file here: a file made the plain way. */
    static Set<PosixFilePermission> usual(Path dir) throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        return p;
    }

    @Test
    void aNewFileGetsTheUsualPermissionsAndAReplacedOneKeepsItsOwn(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("sub/take.mid");
        AtomicFile.write(take, new byte[] {1, 2, 3});
        assertEquals(3, Files.size(take));
        assertEquals(usual(dir), Files.getPosixFilePermissions(take), "as any new file: the umask decides, not 0600");
        assertTrue(Files.getPosixFilePermissions(take).contains(PosixFilePermission.OTHERS_READ)
                == usual(dir).contains(PosixFilePermission.OTHERS_READ));

        Files.setPosixFilePermissions(take, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.write(take, out -> out.write(new byte[] {4, 5}));
        assertEquals(2, Files.size(take));
        assertEquals(
                "rw-r-----",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(take)),
                "the user's choice stays");

        Path folder = AtomicFile.newFolderBeside(dir.resolve("model"));
        Set<PosixFilePermission> usualFolder =
                Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("plain")));
        assertEquals(usualFolder, Files.getPosixFilePermissions(folder));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("session.jsonl");
        Files.writeString(f, "old");
        IOException e = assertThrows(
                IOException.class,
                () -> AtomicFile.write(f, out -> {
                    out.write("half".getBytes());
                    throw new IOException("No space left on device");
                }));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals("old", Files.readString(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no .part file left behind");
        }
    }

    @Test
    void aFolderInTheWayOrAFullDiskIsFoundBeforeAnyWorkIsDone(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectory(dir.resolve("take.mid"));
        FileAccessException e = assertThrows(FileAccessException.class, () -> AtomicFile.write(target, new byte[1]));
        assertEquals("is a folder, not a file", e.reason());
        assertEquals(
                "is a folder, not a file",
                assertThrows(FileAccessException.class, () -> AtomicFile.checkWritable(target, 0))
                        .reason());
        Path fine = dir.resolve("new/take.mid");
        AtomicFile.checkWritable(fine, 1000);
        assertTrue(Files.isDirectory(fine.getParent()));
        try (Stream<Path> files = Files.list(fine.getParent())) {
            assertEquals(0, files.count(), "the check leaves nothing behind");
        }
        String full = assertThrows(FileAccessException.class, () -> AtomicFile.checkWritable(fine, Long.MAX_VALUE))
                .reason();
        assertTrue(full.contains("the disk is full"), full);
        Path underAFile = dir.resolve("new/take.mid/x.mid");
        Files.writeString(dir.resolve("new/take.mid"), "a file, not a folder");
        assertEquals(
                "cannot be written: " + dir.resolve("new/take.mid") + " is a file, not a folder",
                assertThrows(FileAccessException.class, () -> AtomicFile.checkWritable(underAFile, 0))
                        .reason());
    }

    /** A link is written through (it stays a link, its file gets the content), wherever it leads; a loop is said. */
    @Test
    void aSymbolicLinkIsWrittenThroughNotReplaced(@TempDir Path dir) throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("usb-stick"));
        Path real = Files.write(elsewhere.resolve("take.mid"), new byte[] {1});
        Path link = Files.createSymbolicLink(dir.resolve("take.mid"), real);
        AtomicFile.write(link, new byte[] {7, 7});
        assertTrue(Files.isSymbolicLink(link), "still a link (was: replaced by a file)");
        assertEquals(2, Files.size(real), "the file it points to holds the new content");
        Path chain = Files.createSymbolicLink(dir.resolve("chain.mid"), dir.relativize(link)); // relative, to a link
        AtomicFile.write(chain, new byte[] {1, 2, 3});
        assertEquals(3, Files.size(real));
        Path dangling = Files.createSymbolicLink(dir.resolve("new.mid"), elsewhere.resolve("new.mid"));
        AtomicFile.write(dangling, new byte[] {4});
        assertTrue(
                Files.isSymbolicLink(dangling) && Files.size(elsewhere.resolve("new.mid")) == 1,
                "made where it points");
        Path a = dir.resolve("a.mid");
        Files.createSymbolicLink(a, dir.resolve("b.mid"));
        Files.createSymbolicLink(dir.resolve("b.mid"), a);
        FileAccessException loop = assertThrows(FileAccessException.class, () -> AtomicFile.write(a, new byte[] {1}));
        assertEquals(a + ": cannot be written: its symbolic links go round in a loop", loop.getMessage());
        assertThrows(FileAccessException.class, () -> AtomicFile.checkWritable(a, 0));
        try (Stream<Path> left = Files.walk(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    /** A named pipe (or a device, or a link to one) is refused, and stays what it was (was: replaced by a file). */
    @Test
    void aSpecialFileIsRefusedNotReplaced(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("take.wav");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        Path link = Files.createSymbolicLink(dir.resolve("link.wav"), fifo);
        for (Path target : new Path[] {fifo, link}) {
            FileAccessException e =
                    assertThrows(FileAccessException.class, () -> AtomicFile.write(target, new byte[] {1}));
            assertEquals(
                    target + ": not a regular file (a named pipe (FIFO)): it cannot be replaced by one",
                    e.getMessage());
            assertThrows(FileAccessException.class, () -> AtomicFile.checkWritable(target, 0));
        }
        assertEquals(
                "p",
                Files.getAttribute(fifo, "unix:mode") instanceof Integer m && (m & 0170000) == 0010000 ? "p" : "?",
                "still a named pipe");
    }
}
