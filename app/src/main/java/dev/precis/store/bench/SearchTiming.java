package dev.precis.store.bench;

import dev.precis.store.SearchQuery;
import dev.precis.store.Store;
import dev.precis.store.StoredArticle;
import dev.precis.store.Stores;
import dev.precis.text.StopWords;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Search latency over a filled store: 1-, 2- and 3-word queries made of words drawn from random
 * stored articles (so multi-word queries have answers), top 10 with snippets, timed one after
 * another after a warm-up. Prints median, p90, p99 and max wall time and the median and p99 CPU time
 * of the searching thread (the part that does not depend on how busy the machine is), in
 * milliseconds, as a JSON line.
 *
 * <pre>java -cp app/target/precis.jar dev.precis.store.bench.SearchTiming (--data DIR | --db URL) [QUERIES]</pre>
 */
public final class SearchTiming {

    private SearchTiming() {
    }

    public static void main(String[] args) {
        String data = null;
        String db = null;
        int n = 1000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = args[++i];
                case "--db" -> db = args[++i];
                default -> n = Integer.parseInt(args[i]);
            }
        }
        try (Store store = Stores.open(data, db)) {
            long articles = store.stats().articles();
            long maxId = store.articles(1, 0).getFirst().id();
            Random r = new Random(42);
            List<String> queries = new ArrayList<>();
            while (queries.size() < n + 100) {
                Optional<StoredArticle> a = store.article(1 + (long) (r.nextDouble() * maxId));
                if (a.isEmpty()) {
                    continue;
                }
                List<String> words = Arrays.stream(a.get().article().text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                        .filter(w -> w.length() >= 4 && !StopWords.isStopWord(w)).toList();
                if (words.size() < 3) {
                    continue;
                }
                int k = 1 + queries.size() % 3;
                List<String> q = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    q.add(words.get(r.nextInt(words.size())));
                }
                queries.add(String.join(" ", q));
            }
            for (String q : queries.subList(0, 100)) {
                store.search(SearchQuery.parse(q), 10);
            }
            double[] ms = new double[n];
            double[] cpu = new double[n];
            long hits = 0;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < n; i++) {
                SearchQuery q = SearchQuery.parse(queries.get(100 + i));
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                hits += store.search(q, 10).size();
                ms[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "{\"store\":\"%s\",\"articles\":%d,\"queries\":%d,\"median_ms\":%.2f,\"p90_ms\":%.2f,"
                            + "\"p99_ms\":%.2f,\"max_ms\":%.2f,\"cpu_median_ms\":%.2f,\"cpu_p99_ms\":%.2f,\"mean_results\":%.2f}%n",
                    store.describe(), articles, n, ms[n / 2], ms[(int) (n * 0.9)], ms[(int) (n * 0.99)], ms[n - 1],
                    cpu[n / 2], cpu[(int) (n * 0.99)], hits / (double) n);
        }
    }
}
