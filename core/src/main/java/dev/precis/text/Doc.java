package dev.precis.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The analysis of one text: its sentences and tokens as offsets into the original string, with
 * normalized and stemmed forms, stop-word flags and a per-document term vocabulary.
 *
 * <p>A {@code Doc} is computed once per article and shared by every later stage (summaries,
 * statements, fingerprints), which read it and never re-parse the text. All positions are
 * UTF-16 indices into {@link #text()}. Instances are immutable and safe to share across threads.
 */
public final class Doc {

    private final String text;
    private final int[] sentenceStart;
    private final int[] sentenceEnd;
    private final int[] sentenceFirstToken;
    private final int[] sentenceParagraph;
    private final int[] tokenStart;
    private final int[] tokenEnd;
    private final int[] tokenTerm;
    private final boolean[] tokenWord;
    private final boolean[] tokenStop;
    private final String[] terms;
    private final String[] norms;

    private Doc(String text, int[] sentenceStart, int[] sentenceEnd, int[] sentenceFirstToken,
                int[] sentenceParagraph, int[] tokenStart, int[] tokenEnd, int[] tokenTerm,
                boolean[] tokenWord, boolean[] tokenStop, String[] terms, String[] norms) {
        this.text = text;
        this.sentenceStart = sentenceStart;
        this.sentenceEnd = sentenceEnd;
        this.sentenceFirstToken = sentenceFirstToken;
        this.sentenceParagraph = sentenceParagraph;
        this.tokenStart = tokenStart;
        this.tokenEnd = tokenEnd;
        this.tokenTerm = tokenTerm;
        this.tokenWord = tokenWord;
        this.tokenStop = tokenStop;
        this.terms = terms;
        this.norms = norms;
    }

    /** Analyzes {@code text} with the English sentence splitter. */
    public static Doc of(String text) {
        return of(text, SentenceSplitter.english());
    }

    /** Analyzes {@code text}, splitting sentences with {@code splitter}. */
    public static Doc of(String text, SentenceSplitter splitter) {
        List<Span> sentences = splitter.split(text);
        int ns = sentences.size();
        int[] sStart = new int[ns];
        int[] sEnd = new int[ns];
        int[] sFirst = new int[ns + 1];
        int[] sPara = new int[ns];
        Builder b = new Builder(Math.max(16, text.length() / 5));
        int paragraph = 0;
        int prevEnd = 0;
        for (int s = 0; s < ns; s++) {
            Span span = sentences.get(s);
            if (s > 0 && hasBlankLine(text, prevEnd, span.start())) {
                paragraph++;
            }
            sStart[s] = span.start();
            sEnd[s] = span.end();
            sPara[s] = paragraph;
            sFirst[s] = b.count;
            Tokenizer.tokenize(text, span.start(), span.end(), b);
            prevEnd = span.end();
        }
        sFirst[ns] = b.count;
        return b.build(text, sStart, sEnd, sFirst, sPara);
    }

    private static boolean hasBlankLine(String text, int from, int to) {
        int newlines = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n' && ++newlines == 2) {
                return true;
            }
        }
        return false;
    }

    /** The analyzed text, exactly as given. */
    public String text() {
        return text;
    }

    /** Number of sentences. */
    public int sentenceCount() {
        return sentenceStart.length;
    }

    /** The span of sentence {@code i}, trimmed of surrounding whitespace. */
    public Span sentence(int i) {
        return new Span(sentenceStart[i], sentenceEnd[i]);
    }

    /** The text of sentence {@code i}. */
    public String sentenceText(int i) {
        return text.substring(sentenceStart[i], sentenceEnd[i]);
    }

    /** Index of the paragraph (blank-line separated block) that holds sentence {@code i}. */
    public int paragraphOf(int sentence) {
        return sentenceParagraph[sentence];
    }

    /** Index of the first token of sentence {@code i}. */
    public int firstToken(int sentence) {
        return sentenceFirstToken[sentence];
    }

    /** One past the index of the last token of sentence {@code i}. */
    public int endToken(int sentence) {
        return sentenceFirstToken[sentence + 1];
    }

    /** Number of tokens, words and punctuation. */
    public int tokenCount() {
        return tokenStart.length;
    }

    /** The span of token {@code t}. */
    public Span token(int t) {
        return new Span(tokenStart[t], tokenEnd[t]);
    }

    /** Start offset of token {@code t}. */
    public int tokenStart(int t) {
        return tokenStart[t];
    }

    /** End offset of token {@code t}. */
    public int tokenEnd(int t) {
        return tokenEnd[t];
    }

    /** The token as written. */
    public String tokenText(int t) {
        return text.substring(tokenStart[t], tokenEnd[t]);
    }

    /** The lower-cased form of token {@code t}, with typographic apostrophes made straight. */
    public String norm(int t) {
        return norms[t];
    }

    /** Whether token {@code t} is a word (letters or digits) rather than punctuation. */
    public boolean isWord(int t) {
        return tokenWord[t];
    }

    /** Whether token {@code t} is a stop word. */
    public boolean isStop(int t) {
        return tokenStop[t];
    }

    /** Whether token {@code t} is a word that carries content: not a stop word, not punctuation. */
    public boolean isContent(int t) {
        return tokenWord[t] && !tokenStop[t];
    }

    /** The term id of token {@code t}: its stem's index in {@link #terms()}. */
    public int term(int t) {
        return tokenTerm[t];
    }

    /** Number of distinct stems in the text. */
    public int termCount() {
        return terms.length;
    }

    /** The stem of term id {@code id}. */
    public String termString(int id) {
        return terms[id];
    }

    /** Number of word tokens in sentence {@code s}. */
    public int wordCount(int sentence) {
        int count = 0;
        for (int t = firstToken(sentence); t < endToken(sentence); t++) {
            if (tokenWord[t]) {
                count++;
            }
        }
        return count;
    }

    private static final class Builder implements Tokenizer.Sink {
        private int count;
        private int[] start;
        private int[] end;
        private boolean[] word;
        private String text;

        Builder(int capacity) {
            start = new int[capacity];
            end = new int[capacity];
            word = new boolean[capacity];
        }

        @Override
        public void token(int s, int e, boolean isWord) {
            if (count == start.length) {
                int cap = count * 2;
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
                word = Arrays.copyOf(word, cap);
            }
            start[count] = s;
            end[count] = e;
            word[count] = isWord;
            count++;
        }

        Doc build(String text, int[] sStart, int[] sEnd, int[] sFirst, int[] sPara) {
            this.text = text;
            int[] tStart = Arrays.copyOf(start, count);
            int[] tEnd = Arrays.copyOf(end, count);
            boolean[] tWord = Arrays.copyOf(word, count);
            boolean[] tStop = new boolean[count];
            int[] tTerm = new int[count];
            String[] norms = new String[count];
            Map<String, Integer> ids = new HashMap<>();
            List<String> terms = new ArrayList<>();
            for (int t = 0; t < count; t++) {
                String norm = normalize(text.substring(tStart[t], tEnd[t]));
                norms[t] = norm;
                String stem;
                if (tWord[t]) {
                    tStop[t] = StopWords.isStopWord(norm);
                    stem = Stems.of(norm);
                } else {
                    stem = norm;
                }
                Integer id = ids.get(stem);
                if (id == null) {
                    id = terms.size();
                    ids.put(stem, id);
                    terms.add(stem);
                }
                tTerm[t] = id;
            }
            return new Doc(text, sStart, sEnd, sFirst, sPara, tStart, tEnd, tTerm, tWord, tStop,
                    terms.toArray(String[]::new), norms);
        }

        private static String normalize(String token) {
            String lower = token.toLowerCase(Locale.ROOT);
            return lower.indexOf('’') >= 0 ? lower.replace('’', '\'') : lower;
        }
    }
}
