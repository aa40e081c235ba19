package dev.precis.cli;

import dev.precis.fetch.PageFetcher;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Turns the ingest arguments into {@link IngestItem}s: files (.txt, .md, .html, .jsonl, each
 * optionally .gz), folders walked recursively (other files skipped), JSONL streamed line by line
 * (so files of any size work; a line over 16 MB is skipped), standard input ({@code -}: JSONL when it starts with '{', else one
 * text), and URLs.
 */
final class IngestSources {

    private static final List<String> KINDS = List.of(".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson");

    private IngestSources() {
    }

    /** The files an argument stands for, or the argument itself for URLs, {@code -} and missing paths. */
    static List<String> expand(String arg) {
        if (arg.equals("-") || isUrl(arg) || !Files.isDirectory(Path.of(arg))) {
            return List.of(arg);
        }
        try (Stream<Path> walk = Files.walk(Path.of(arg))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> isKnownKind(p.getFileName().toString()))
                    .map(Path::toString).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(arg);
        }
    }

    /**
     * How many articles {@code expanded} will produce at most (JSONL lines counted), or -1 when
     * unknown (standard input).
     */
    static long estimate(List<String> expanded) {
        long total = 0;
        for (String s : expanded) {
            if (s.equals("-")) {
                return -1;
            }
            if (isJsonl(s) && Files.isReadable(Path.of(s))) {
                total += countLines(Path.of(s));
            } else {
                total++;
            }
        }
        return total;
    }

    /** Reads {@code input} (a file, URL or {@code -}) and hands each item to {@code sink}. */
    static void read(String input, Consumer<IngestItem> sink, PageFetcher fetcher) {
        if (isUrl(input)) {
            sink.accept(IngestItem.url(input, fetcher));
            return;
        }
        if (input.equals("-")) {
            readStdin(sink);
            return;
        }
        if (isJsonl(input)) {
            readJsonl(input, sink);
            return;
        }
        try {
            Input in = Input.load(input);
            sink.accept(IngestItem.file(input, in.kind(), in.text()));
        } catch (BadInputException e) {
            sink.accept(IngestItem.failed(input, problemOf(e, input)));
        }
    }

    private static void readStdin(Consumer<IngestItem> sink) {
        BufferedInputStream in = new BufferedInputStream(System.in, 1 << 16);
        try {
            in.mark(1 << 16);
            byte[] head = in.readNBytes(4096);
            in.reset();
            String start = new String(head, StandardCharsets.UTF_8).stripLeading();
            if (start.startsWith("{")) {
                readLines("-", in, sink);
            } else {
                Input loaded = Input.fromBytes("-", "txt", in.readAllBytes());
                sink.accept(IngestItem.file("-", "txt", loaded.text()));
            }
        } catch (BadInputException e) {
            sink.accept(IngestItem.failed("-", problemOf(e, "-")));
        } catch (IOException e) {
            sink.accept(IngestItem.failed("-", "cannot read standard input: " + e.getMessage()));
        }
    }

    private static void readJsonl(String name, Consumer<IngestItem> sink) {
        Path path = Path.of(name);
        if (!Files.exists(path)) {
            sink.accept(IngestItem.failed(name, "no such file"));
            return;
        }
        try (InputStream raw = Files.newInputStream(path);
             InputStream in = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            readLines(name, in, sink);
        } catch (AccessDeniedException e) {
            sink.accept(IngestItem.failed(name, "permission denied"));
        } catch (NoSuchFileException e) {
            sink.accept(IngestItem.failed(name, "no such file"));
        } catch (java.util.zip.ZipException e) {
            sink.accept(IngestItem.failed(name, "is not valid gzip data"));
        } catch (IOException e) {
            sink.accept(IngestItem.failed(name, "cannot read: " + e.getMessage()));
        }
    }

    private static void readLines(String name, InputStream in, Consumer<IngestItem> sink) throws IOException {
        JsonlLines lines = new JsonlLines(in);
        long lineNo = 0;
        try {
            for (String line; (line = lines.next()) != null; ) {
                lineNo++;
                if (lines.tooLong()) {
                    sink.accept(IngestItem.failed(name + ":" + lineNo,
                            "is longer than " + (JsonlLines.MAX_CHARS >> 20) + " MB; skipped"));
                } else if (!line.isBlank()) {
                    sink.accept(IngestItem.jsonLine(name + ":" + lineNo, line));
                }
            }
        } catch (CharacterCodingException e) {
            sink.accept(IngestItem.failed(name + ":" + (lineNo + 1), "is not valid UTF-8 text; the rest of the file was skipped"));
        }
    }

    private static String problemOf(BadInputException e, String name) {
        String m = e.getMessage();
        return m.startsWith(name + ": ") ? m.substring(name.length() + 2) : m;
    }

    private static long countLines(Path p) {
        try (InputStream raw = Files.newInputStream(p);
             InputStream in = p.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            byte[] buf = new byte[1 << 16];
            long lines = 0;
            int last = '\n';
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                last = buf[n - 1];
            }
            return last == '\n' ? lines : lines + 1;
        } catch (IOException e) {
            return 1;
        }
    }

    static boolean isUrl(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    private static boolean isJsonl(String name) {
        String l = stripGz(name.toLowerCase(Locale.ROOT));
        return l.endsWith(".jsonl") || l.endsWith(".ndjson");
    }

    private static boolean isKnownKind(String fileName) {
        String l = stripGz(fileName.toLowerCase(Locale.ROOT));
        return KINDS.stream().anyMatch(l::endsWith);
    }

    private static String stripGz(String l) {
        return l.endsWith(".gz") ? l.substring(0, l.length() - 3) : l;
    }

    /** Expands every argument. */
    static List<String> expandAll(List<String> args) {
        List<String> out = new ArrayList<>();
        args.forEach(a -> out.addAll(expand(a)));
        return out;
    }
}
