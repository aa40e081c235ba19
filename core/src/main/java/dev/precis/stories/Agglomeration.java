package dev.precis.stories;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Best-first agglomerative clustering over a sparse graph: the most similar pair of clusters
 * joined by an edge is merged, again and again, while its similarity reaches a threshold. Only
 * pairs given as edges (and, after a merge, the merged cluster's neighbours) are ever compared,
 * so the cost follows the number of edges rather than the square of the number of items.
 *
 * <p>Then each item still alone joins its reciprocal best link: the cluster it is most similar
 * to, when that cluster in turn is most similar to it, at a lower bar ({@code lonerThreshold}),
 * again until none joins. A report that words one event its own way (another outlet's framing,
 * an unusual lead) rarely reaches the threshold with anyone, but it is still nearer to its own
 * event than to anything else, and that event's story finds nothing nearer than it; a lone
 * article with no story of its own is seldom any story's best link, so it mostly stays alone.
 * Clusters of two or more are never joined this way: two stories at their best link are more
 * often two events.
 *
 * <p>What a cluster is and how two are compared is the caller's {@link Linkage}; the merge order
 * is the whole algorithm. Ties break towards the lower cluster numbers, so the result does not
 * depend on hash order.
 */
final class Agglomeration {

    /** How clusters are compared and merged; clusters are numbered as the items were. */
    interface Linkage {

        /** The similarity of two live clusters, or {@link Double#NaN} when they may never merge. */
        double similarity(int a, int b);

        /** Merges cluster {@code from} into {@code into}; {@code from} is not used again. */
        void merge(int into, int from);
    }

    private record Edge(double similarity, int a, int b, int stampA, int stampB) {
    }

    private final Linkage linkage;
    private final double threshold;
    private final double lonerThreshold;
    private final int[] parent;
    private final int[] size;
    private final int[] stamp;
    private final boolean[] alive;
    /** Each live cluster's linked clusters and their similarity; null until linked, and once merged away. */
    private final Links[] adjacent;
    private final PriorityQueue<Edge> queue = new PriorityQueue<>((x, y) -> {
        int c = Double.compare(y.similarity, x.similarity);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(x.a, y.a);
        return c != 0 ? c : Integer.compare(x.b, y.b);
    });

    Agglomeration(int items, double threshold, double lonerThreshold, Linkage linkage) {
        this.linkage = linkage;
        this.threshold = threshold;
        this.lonerThreshold = lonerThreshold;
        this.parent = new int[items];
        this.size = new int[items];
        this.stamp = new int[items];
        this.alive = new boolean[items];
        this.adjacent = new Links[items];
        for (int i = 0; i < items; i++) {
            parent[i] = i;
            size[i] = 1;
            alive[i] = true;
        }
    }

    /** Offers the pair {@code a}, {@code b} (single items, before {@link #run}); repeated pairs are compared once. */
    void edge(int a, int b) {
        if (a == b) {
            return;
        }
        int x = Math.min(a, b);
        int y = Math.max(a, b);
        if (links(x).contains(y)) {
            return;
        }
        double sim = linkage.similarity(x, y);
        connect(x, y, sim);
    }

    /**
     * Merges until no linked pair reaches the threshold, then joins lone items to their reciprocal
     * best links; returns each item's cluster (the number of its first item).
     */
    int[] run() {
        while (!queue.isEmpty()) {
            Edge e = queue.poll();
            if (e.similarity < threshold) {
                break;
            }
            if (!alive[e.a] || !alive[e.b] || stamp[e.a] != e.stampA || stamp[e.b] != e.stampB) {
                continue;
            }
            merge(e.a, e.b);
        }
        while (joinLoners()) {
            // each round's joins change the best links of the clusters that took them
        }
        int[] out = new int[parent.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = find(i);
        }
        return out;
    }

    /** One round of joining lone items to their reciprocal best links; whether any joined. */
    private boolean joinLoners() {
        int n = parent.length;
        int[] best = new int[n];
        double[] bestSimilarity = new double[n];
        for (int i = 0; i < n; i++) {
            best[i] = -1;
            Links links = adjacent[i];
            if (alive[i] && links != null) {
                for (int l = 0; l < links.size; l++) {
                    int k = links.keys[l];
                    double sim = links.values[l];
                    if (best[i] < 0 || sim > bestSimilarity[i] || sim == bestSimilarity[i] && k < best[i]) {
                        best[i] = k;
                        bestSimilarity[i] = sim;
                    }
                }
            }
        }
        boolean joined = false;
        for (int i = 0; i < n; i++) {
            int b = best[i];
            if (b > i && best[b] == i && bestSimilarity[i] >= lonerThreshold && (size[i] == 1 || size[b] == 1)) {
                merge(i, b);
                joined = true;
            }
        }
        return joined;
    }

    private void merge(int a, int b) {
        int into = Math.min(a, b);
        int from = Math.max(a, b);
        linkage.merge(into, from);
        size[into] += size[from];
        alive[from] = false;
        parent[from] = into;
        stamp[into]++;
        Links mine = links(into);
        Links theirs = adjacent[from];
        adjacent[from] = null;
        mine.remove(from);
        if (theirs != null) {
            theirs.remove(into);
            mine.putAll(theirs);
        }
        for (int k : Arrays.copyOf(mine.keys, mine.size)) {
            Links other = adjacent[k];
            other.remove(from);
            double sim = linkage.similarity(Math.min(into, k), Math.max(into, k));
            if (Double.isNaN(sim)) {
                mine.remove(k);
                other.remove(into);
            } else {
                connect(into, k, sim);
            }
        }
    }

    private void connect(int a, int b, double sim) {
        if (Double.isNaN(sim)) {
            return;
        }
        links(a).put(b, sim);
        links(b).put(a, sim);
        if (sim >= threshold) {
            int x = Math.min(a, b);
            int y = Math.max(a, b);
            queue.add(new Edge(sim, x, y, stamp[x], stamp[y]));
        }
    }

    private Links links(int i) {
        Links m = adjacent[i];
        if (m == null) {
            m = adjacent[i] = new Links();
        }
        return m;
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * One cluster's links: the linked clusters' numbers, ascending, and the similarity with each, in
     * two plain arrays. A regroup holds one per member, about 30 links each, so boxed maps would
     * cost several times the memory.
     */
    private static final class Links {
        int[] keys = new int[8];
        double[] values = new double[8];
        int size;

        boolean contains(int key) {
            return Arrays.binarySearch(keys, 0, size, key) >= 0;
        }

        void put(int key, double value) {
            int i = Arrays.binarySearch(keys, 0, size, key);
            if (i >= 0) {
                values[i] = value;
                return;
            }
            i = -i - 1;
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            System.arraycopy(keys, i, keys, i + 1, size - i);
            System.arraycopy(values, i, values, i + 1, size - i);
            keys[i] = key;
            values[i] = value;
            size++;
        }

        void remove(int key) {
            int i = Arrays.binarySearch(keys, 0, size, key);
            if (i >= 0) {
                System.arraycopy(keys, i + 1, keys, i, size - i - 1);
                System.arraycopy(values, i + 1, values, i, size - i - 1);
                size--;
            }
        }

        /** Adds the other's links; where both have one, the other's similarity wins. */
        void putAll(Links other) {
            int[] k = new int[size + other.size];
            double[] v = new double[k.length];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < size || j < other.size) {
                if (j == other.size || i < size && keys[i] < other.keys[j]) {
                    k[n] = keys[i];
                    v[n++] = values[i++];
                } else {
                    if (i < size && keys[i] == other.keys[j]) {
                        i++;
                    }
                    k[n] = other.keys[j];
                    v[n++] = other.values[j++];
                }
            }
            keys = k.length < 8 ? Arrays.copyOf(k, 8) : k;
            values = v.length < 8 ? Arrays.copyOf(v, 8) : v;
            size = n;
        }
    }
}
