package dev.precis.store;

import dev.precis.text.StopWords;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search as the user typed it, parsed into a small expression tree plus filters. The tree is
 * rendered into each database's own query language ({@link #toFts5()}, {@link #toTsquery()}),
 * and the rendered text is always bound as a parameter, never pasted into SQL.
 *
 * <p>Syntax: words (all must match), {@code "exact phrases"}, {@code AND}, {@code OR},
 * {@code NOT} / leading {@code -}, parentheses, {@code prefix*}, and the filters
 * {@code source:NAME} (quotes for spaces), {@code since:DATE} and {@code until:DATE} (inclusive;
 * {@code 2024}, {@code 2024-05} or {@code 2024-05-01}). Words are runs of letters and digits;
 * any other character separates them, so input can never inject query operators. Stop words
 * among other words are dropped, as the PostgreSQL parser does too. Parentheses and {@code NOT}
 * nest at most {@value #MAX_NESTING} deep, as typed and as rendered for the database, which keeps
 * both this parser and the databases' own query parsers within bounds (FTS5's has a fixed stack,
 * which about 33 levels of operators in parentheses overflow).
 *
 * @param expression the words part, or {@code null} when the query only filters
 * @param source     {@code source:} filter, lowercased, or {@code null}
 * @param since      lower bound on {@code published} (ISO prefix, inclusive), or {@code null}
 * @param until      upper bound on {@code published} (exclusive), or {@code null}
 */
public record SearchQuery(Node expression, String source, String since, String until) {

    /** How deep parentheses and {@code NOT} may nest. */
    public static final int MAX_NESTING = 16;

    /** A node of the expression tree. */
    public sealed interface Node permits Term, And, Or, Not {
    }

    /** One or more words that must appear in this order (a phrase when more than one). */
    public record Term(List<String> words, boolean prefix) implements Node {
    }

    /** All parts must match; {@link Not} parts must not. */
    public record And(List<Node> parts) implements Node {
    }

    /** Any part may match. */
    public record Or(List<Node> parts) implements Node {
    }

    /** Excludes what its part matches; only meaningful inside {@link And}. */
    public record Not(Node part) implements Node {
    }

    /**
     * Parses {@code text}; throws {@link IllegalArgumentException} with a message for the user
     * when it cannot be searched (empty, only exclusions, bad date).
     */
    public static SearchQuery parse(String text) {
        return new Parser(text).parse();
    }

    /** The FTS5 MATCH expression for the words part. */
    public String toFts5() {
        return fts5(expression);
    }

    /** The {@code to_tsquery} input for the words part. */
    public String toTsquery() {
        return tsquery(expression);
    }

    /**
     * Whether the words part excludes words ({@code NOT}, {@code -}): then a text that matches in
     * part, say its first paragraph, may still fail to match as a whole.
     */
    public boolean excludes() {
        return excludes(expression);
    }

    private static boolean excludes(Node n) {
        return switch (n) {
            case null -> false;
            case Term t -> false;
            case Not x -> true;
            case Or o -> o.parts().stream().anyMatch(SearchQuery::excludes);
            case And a -> a.parts().stream().anyMatch(SearchQuery::excludes);
        };
    }

    private static String fts5(Node n) {
        return switch (n) {
            case Term t -> "\"" + String.join(" ", t.words()) + "\"" + (t.prefix() ? " *" : "");
            case Or o -> "(" + String.join(" OR ", o.parts().stream().map(SearchQuery::fts5).toList()) + ")";
            case Not x -> fts5(x.part());
            case And a -> {
                List<String> pos = new ArrayList<>();
                List<String> neg = new ArrayList<>();
                for (Node p : a.parts()) {
                    (p instanceof Not ? neg : pos).add(fts5(p));
                }
                // "a NOT (b OR c)" rather than "(a NOT b) NOT c": FTS5 nests NOT, and caps its tree's depth
                String all = "(" + String.join(" AND ", pos) + ")";
                yield neg.isEmpty() ? all
                        : "(" + all + " NOT " + (neg.size() == 1 ? neg.getFirst() : "(" + String.join(" OR ", neg) + ")") + ")";
            }
        };
    }

    private static String tsquery(Node n) {
        return switch (n) {
            case Term t -> {
                List<String> quoted = t.words().stream().map(w -> "'" + w + "'").toList();
                String s = String.join(" <-> ", quoted);
                if (t.prefix()) {
                    s += ":*";
                }
                yield quoted.size() > 1 ? "(" + s + ")" : s;
            }
            case Or o -> "(" + String.join(" | ", o.parts().stream().map(SearchQuery::tsquery).toList()) + ")";
            case Not x -> "!" + tsquery(x.part());
            case And a -> "(" + String.join(" & ", a.parts().stream().map(SearchQuery::tsquery).toList()) + ")";
        };
    }

    /** Recursive-descent parser over a hand-made token list. */
    private static final class Parser {
        private final List<String> tokens = new ArrayList<>();
        private int at;
        private int depth;
        private String source;
        private String since;
        private String until;

        Parser(String text) {
            lex(text == null ? "" : text);
        }

        SearchQuery parse() {
            Node n = at < tokens.size() ? or() : null;
            while (at < tokens.size()) {
                at++; // stray ')' and the like: ignore
                Node more = at < tokens.size() ? or() : null;
                n = n == null ? more : more == null ? n : new And(List.of(n, more));
            }
            n = simplify(n);
            if (n != null && nesting(n) > MAX_NESTING) {
                throw tooDeep();
            }
            if (n == null && source == null && since == null && until == null) {
                throw new IllegalArgumentException("the search has no words to look for");
            }
            if (n instanceof Not || n instanceof And a && a.parts().stream().allMatch(p -> p instanceof Not)) {
                throw new IllegalArgumentException("the search only excludes words; add at least one word to look for");
            }
            if (n != null && containsBareNot(n)) {
                throw new IllegalArgumentException("NOT must follow a word to look for, as in 'pier NOT ferry'");
            }
            return new SearchQuery(n, source, since, until);
        }

        private Node or() {
            List<Node> parts = new ArrayList<>();
            parts.add(and());
            while (peek("OR")) {
                at++;
                parts.add(and());
            }
            return parts.size() == 1 ? parts.getFirst() : new Or(parts);
        }

        private Node and() {
            List<Node> parts = new ArrayList<>();
            while (at < tokens.size() && !peek("OR") && !peek(")")) {
                if (peek("AND")) {
                    at++;
                    continue;
                }
                Node u = unary();
                if (u != null) {
                    parts.add(u);
                }
            }
            return parts.isEmpty() ? null : parts.size() == 1 ? parts.getFirst() : new And(parts);
        }

        private Node unary() {
            if (peek("NOT") || peek("-")) {
                at++;
                enter();
                Node p = at < tokens.size() ? unary() : null;
                depth--;
                return p == null ? null : new Not(p);
            }
            String tok = tokens.get(at++);
            if (tok.equals("(")) {
                enter();
                Node inner = at < tokens.size() ? or() : null;
                depth--;
                if (peek(")")) {
                    at++;
                }
                return inner;
            }
            if (tok.startsWith("\"")) {
                List<String> words = words(tok.substring(1));
                return words.isEmpty() ? null : new Term(words, false);
            }
            int colon = tok.indexOf(':');
            if (colon > 0 && filter(tok.substring(0, colon).toLowerCase(Locale.ROOT), tok.substring(colon + 1))) {
                return null;
            }
            boolean prefix = tok.endsWith("*");
            List<String> words = words(prefix ? tok.substring(0, tok.length() - 1) : tok);
            return words.isEmpty() ? null : new Term(words, prefix);
        }

        private void enter() {
            if (++depth > MAX_NESTING) {
                throw tooDeep();
            }
        }

        private boolean filter(String name, String value) {
            String v = value.startsWith("\"") ? value.substring(1) : value;
            switch (name) {
                case "source" -> source = v.strip().toLowerCase(Locale.ROOT);
                case "since" -> since = dateBound("since", v, false);
                case "until" -> until = dateBound("until", v, true);
                default -> {
                    return false;
                }
            }
            return true;
        }

        private boolean peek(String t) {
            return at < tokens.size() && tokens.get(at).equals(t);
        }

        /** Splits into tokens: parentheses, "-" before a word, quoted strings (kept with a leading quote), bare runs. */
        private void lex(String s) {
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(' || c == ')') {
                    tokens.add(String.valueOf(c));
                    i++;
                } else if (c == '"') {
                    int end = s.indexOf('"', i + 1);
                    end = end < 0 ? s.length() : end;
                    tokens.add("\"" + s.substring(i + 1, end));
                    i = end + 1;
                } else if (c == '-' && (i == 0 || Character.isWhitespace(s.charAt(i - 1))) && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
                    tokens.add("-");
                    i++;
                } else {
                    int j = i;
                    while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "()\"".indexOf(s.charAt(j)) < 0) {
                        j++;
                    }
                    String word = s.substring(i, j);
                    if (j < s.length() && s.charAt(j) == '"' && word.endsWith(":")) {
                        int end = s.indexOf('"', j + 1);
                        end = end < 0 ? s.length() : end;
                        word = word + "\"" + s.substring(j + 1, end);
                        j = end + 1;
                    }
                    tokens.add(word);
                    i = j;
                }
            }
        }
    }

    /** The letter-and-digit runs of {@code s}, lowercased. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= s.length(); ) {
            int c = i < s.length() ? s.codePointAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                w.appendCodePoint(Character.toLowerCase(c));
            } else if (!w.isEmpty()) {
                out.add(w.toString());
                w.setLength(0);
            }
            i += i < s.length() ? Character.charCount(c) : 1;
        }
        return out;
    }

    private static String dateBound(String name, String value, boolean exclusiveEnd) {
        String v = value.strip();
        try {
            if (v.matches("\\d{4}")) {
                return exclusiveEnd ? String.valueOf(Integer.parseInt(v) + 1) : v;
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                YearMonth ym = YearMonth.parse(v);
                return (exclusiveEnd ? ym.plusMonths(1) : ym).toString();
            }
            LocalDate d = LocalDate.parse(v);
            return (exclusiveEnd ? d.plusDays(1) : d).toString();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expects a date like 2024-05-01, 2024-05 or 2024, got '" + value + "'");
        }
    }

    private static IllegalArgumentException tooDeep() {
        return new IllegalArgumentException("the search nests parentheses or NOT more than " + MAX_NESTING
                + " deep; write it flatter");
    }

    /** How deep {@link #toFts5()} nests parentheses for {@code n}: the depth FTS5's parser has to hold. */
    private static int nesting(Node n) {
        return switch (n) {
            case Term t -> 0;
            case Not x -> nesting(x.part());
            case Or o -> 1 + o.parts().stream().mapToInt(SearchQuery::nesting).max().orElse(0);
            case And a -> {
                int pos = a.parts().stream().filter(p -> !(p instanceof Not)).mapToInt(SearchQuery::nesting).max().orElse(0);
                List<Node> neg = a.parts().stream().filter(p -> p instanceof Not).toList();
                int negs = neg.stream().mapToInt(SearchQuery::nesting).max().orElse(0) + (neg.size() > 1 ? 1 : 0);
                yield neg.isEmpty() ? 1 + pos : Math.max(2 + pos, 1 + negs);
            }
        };
    }

    /** Flattens nesting and drops stop words that stand beside other words. */
    private static Node simplify(Node n) {
        return switch (n) {
            case null -> null;
            case Term t -> t;
            case Not x -> {
                Node p = simplify(x.part());
                yield p == null ? null : new Not(p);
            }
            case Or o -> {
                List<Node> parts = new ArrayList<>();
                for (Node p : o.parts()) {
                    Node s = simplify(p);
                    if (s instanceof Or inner) {
                        parts.addAll(inner.parts());
                    } else if (s != null) {
                        parts.add(s);
                    }
                }
                yield parts.isEmpty() ? null : parts.size() == 1 ? parts.getFirst() : new Or(parts);
            }
            case And a -> {
                List<Node> parts = new ArrayList<>();
                for (Node p : a.parts()) {
                    Node s = simplify(p);
                    if (s instanceof And inner) {
                        parts.addAll(inner.parts());
                    } else if (s != null) {
                        parts.add(s);
                    }
                }
                boolean hasContent = parts.stream().anyMatch(p -> !(p instanceof Not) && !isStop(p));
                if (hasContent) {
                    parts.removeIf(SearchQuery::isStop);
                }
                yield parts.isEmpty() ? null : parts.size() == 1 ? parts.getFirst() : new And(parts);
            }
        };
    }

    private static boolean isStop(Node n) {
        return n instanceof Term t && t.words().size() == 1 && !t.prefix() && StopWords.isStopWord(t.words().getFirst());
    }

    private static boolean containsBareNot(Node n) {
        return switch (n) {
            case Term t -> false;
            case Not x -> true;
            case Or o -> o.parts().stream().anyMatch(SearchQuery::containsBareNot);
            case And a -> a.parts().stream().anyMatch(p -> p instanceof Not x ? containsBareNot(x.part()) : containsBareNot(p))
                    || a.parts().stream().allMatch(p -> p instanceof Not);
        };
    }
}
