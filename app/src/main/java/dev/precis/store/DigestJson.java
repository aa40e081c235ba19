package dev.precis.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.precis.digest.Digest;
import dev.precis.summary.Summary;
import dev.precis.summary.SummarySentence;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON columns of the {@code digests} table: summary sentences as offsets and scores (their
 * text is cut from the article again on reading), all sentence scores, statements, keyphrases.
 */
final class DigestJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private DigestJson() {
    }

    static String summary(Summary s) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (SummarySentence ss : s.sentences()) {
            arr.addObject().put("index", ss.index()).put("start", ss.start()).put("end", ss.end()).put("score", ss.score());
        }
        return arr.toString();
    }

    /** All sentence scores, to six decimals: enough to re-rank, half the bytes of full doubles. */
    static String scores(Summary s) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (double d : s.scores()) {
            arr.add(Math.round(d * 1e6) / 1e6);
        }
        return arr.toString();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Digest read(String text, String algorithm, String summary, String scores, String statements,
                       long fingerprint, String keyphrases) {
        try {
            List<SummarySentence> sentences = new ArrayList<>();
            for (JsonNode n : MAPPER.readTree(summary)) {
                int start = n.get("start").asInt();
                int end = n.get("end").asInt();
                sentences.add(new SummarySentence(n.get("index").asInt(), start, end, text.substring(start, end), n.get("score").asDouble()));
            }
            double[] all = MAPPER.readValue(scores, double[].class);
            List<Digest.Statement> st = MAPPER.readValue(statements, new TypeReference<List<Digest.Statement>>() { });
            List<String> kp = MAPPER.readValue(keyphrases, new TypeReference<List<String>>() { });
            return new Digest(new Summary(algorithm, sentences, all), st, fingerprint, kp);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored digest is not readable: " + e.getOriginalMessage(), e);
        }
    }

    static List<String> strings(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new StoreException("stored list is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
