package dev.precis.store;

import dev.precis.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on a real SQLite file, plus SQLite's own failure modes. */
class SqliteStoreTest extends AbstractStoreTest {

    private Path data;

    @Override
    void freshLocation() {
        data = tmp.resolve("data");
    }

    @Override
    List<String> storeArgs() {
        return List.of("--data", data.toString());
    }

    @Override
    Map<String, String> diskFillsUp() {
        return Map.of(SqliteStore.MAX_MB_ENV, "1");
    }

    @Test
    void usesWalModeInOneFile() throws Exception {
        assertTrue(Files.isRegularFile(data.resolve(SqliteStore.FILE_NAME)));
        byte[] header = Files.readAllBytes(data.resolve(SqliteStore.FILE_NAME));
        assertEquals(2, header[18], "file format write version 2 means WAL");
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftUntouched() throws Exception {
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Path db = other.resolve(SqliteStore.FILE_NAME);
        byte[] content = "these are my notes, not a database\n".repeat(200).getBytes();
        Files.write(db, content);
        CliRun run = CliRun.of(List.of("ingest", "-", "--data", other.toString()));
        assertEquals(2, run.exit());
        assertEquals(List.of("precis: " + db + ": is not a SQLite database (left untouched)"), run.errLines());
        CliRun direct = CliRun.of(List.of("stats", "--data", db.toString()));
        assertEquals(List.of("precis: " + db + ": is not a SQLite database (left untouched)"), direct.errLines());
        assertArrayEquals(content, Files.readAllBytes(db));
        assertFalse(Files.exists(other.resolve(SqliteStore.FILE_NAME + "-wal")));
    }

    @Test
    void aDataFolderThatIsAFileInTheWayIsOneLine() throws Exception {
        Path blocker = tmp.resolve("blocker");
        Files.writeString(blocker, "x");
        CliRun run = CliRun.of(List.of("stats", "--data", blocker.resolve("sub").toString()));
        assertEquals(2, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.errLines().getFirst().contains("cannot create the data folder"), run.err());
    }
}
